/**
 * Follow-up experiment to name-search.bench.ts: why the candidate SQL is slow with a viewer's read
 * scope, and what a rewrite would cost. Times, per query, the candidate lookup only:
 *
 *   src-editor     selectCandidatePersonIds with an editor's scope (visibility subquery in WHERE)
 *   src-system     selectCandidatePersonIds with the trusted scope (no subquery)
 *   group-join     the same ranking SQL, scope applied AFTER grouping: the grouped candidates
 *                  joined to persons by primary key, then ordered and limited (a possible rewrite)
 *   src-editor-analyzed / group-join-analyzed: the same after ANALYZE (SQLite keeps no statistics
 *                  unless told; PostgreSQL has them already from the load's VACUUM ANALYZE)
 *
 *   npx tsx bench/candidate-sql.experiment.ts [--persons 100000] [--dialect sqlite|postgres|both] [--queries 300]
 *
 * Writes bench/results/candidate-sql-<dialect>-<N>.json. Nothing here changes src/. The SQL measured
 * is the one before docs/decisions/0011-name-search-at-scale.md (copied below); bench/name-search.bench.ts
 * profiles today's.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type QueryId,
  type RootOperationNode,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { type DialectName, openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { atColumn, visiblePersonIds } from '../src/modules/shared/scope.repository.js';
import { CANDIDATE_LIMIT } from '../src/modules/person/name-search.service.js';
import { type ReadScope, SYSTEM_VIEWER, readScopeOf } from '../src/modules/user/access.js';
import { candidateLookup } from '../src/names/matcher.js';
import { BENCH_EDITOR } from './support.js';
import { loadPersons } from './synthetic/load.js';
import { generatePersons } from './synthetic/names.js';
import { generateQueries } from './synthetic/queries.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const EDITOR: ReadScope = readScopeOf(BENCH_EDITOR);
const SYSTEM: ReadScope = readScopeOf(SYSTEM_VIEWER);

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}

type Lookup = { keys: readonly string[]; prefixes: readonly string[] };

/**
 * The candidate SQL as it was before docs/decisions/0011 (src/ now uses selectCandidates), kept
 * here so that this experiment still measures what it measured.
 */
async function selectCandidatePersonIds(
  db: Kysely<Database>,
  lookup: { keys: readonly string[]; prefixes: readonly string[] },
  limit: number,
  scope: ReadScope,
): Promise<string[]> {
  if (lookup.keys.length === 0 && lookup.prefixes.length === 0) return [];
  let query = db
    .selectFrom('nameKeys')
    .select((eb) => [
      'personId',
      eb.fn
        .sum<number | string>(
          lookup.keys.length > 0
            ? eb
                .case()
                .when('key', 'in', [...lookup.keys])
                .then(2)
                .else(1)
                .end()
            : eb.lit(1),
        )
        .as('weight'),
    ])
    .where((eb) =>
      eb.or([
        ...(lookup.keys.length > 0 ? [eb('key', 'in', [...lookup.keys])] : []),
        ...lookup.prefixes.map((prefix) =>
          eb.and([eb('key', '>=', prefix), eb('key', '<', prefixEnd(prefix))]),
        ),
      ]),
    )
    .groupBy('personId');
  if (!scope.everything)
    query = query.where((eb) => eb.exists(visiblePersonIds(db, scope, atColumn('nameKeys.personId'))));
  const rows = await query.orderBy('weight', 'desc').orderBy('personId').limit(limit).execute();
  return rows.map((row) => row.personId);
}

/** The ranking SQL of selectCandidatePersonIds, with the scope applied after GROUP BY. */
async function groupThenJoin(
  db: Kysely<Database>,
  lookup: Lookup,
  limit: number,
  scope: ReadScope,
): Promise<string[]> {
  if (lookup.keys.length === 0 && lookup.prefixes.length === 0) return [];
  const grouped = db
    .selectFrom('nameKeys')
    .select((eb) => [
      'personId',
      eb.fn
        .sum<number | string>(
          lookup.keys.length > 0
            ? eb
                .case()
                .when('key', 'in', [...lookup.keys])
                .then(2)
                .else(1)
                .end()
            : eb.lit(1),
        )
        .as('weight'),
    ])
    .where((eb) =>
      eb.or([
        ...(lookup.keys.length > 0 ? [eb('key', 'in', [...lookup.keys])] : []),
        ...lookup.prefixes.map((prefix) =>
          eb.and([eb('key', '>=', prefix), eb('key', '<', prefixEnd(prefix))]),
        ),
      ]),
    )
    .groupBy('personId');
  let query = db
    .selectFrom(grouped.as('g'))
    .innerJoin('persons', 'persons.id', 'g.personId')
    .select(['g.personId', 'g.weight'])
    .where('persons.visibility', 'in', scope.levels);
  if (!scope.anonymous) query = query.where('persons.anonymous', '=', 0);
  const rows = await query.orderBy('g.weight', 'desc').orderBy('g.personId').limit(limit).execute();
  return rows.map((row) => row.personId);
}

class CapturePlugin implements KyselyPlugin {
  readonly nodes: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery(args: { node: RootOperationNode; queryId: QueryId }): RootOperationNode {
    this.nodes.push(args);
    return args.node;
  }
  transformResult<T>(args: { result: T }): Promise<T> {
    return Promise.resolve(args.result);
  }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    mean: r(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    p50: r(at(50)),
    p95: r(at(95)),
    p99: r(at(99)),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function run(dialect: DialectName, count: number, queryCount: number, pgUrl: string) {
  const suffix = randomBytes(5).toString('hex');
  const file = join(os.tmpdir(), `unfree-bench-sql-${suffix}.db`);
  const name = `unfree_bench_${suffix}`;
  let url = `sqlite:${file}`;
  if (dialect === 'postgres') {
    await adminQuery(pgUrl, `create database ${name}`);
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const opened = openDatabase(url);
  const db = opened.db;
  try {
    await migrateToLatest(db);
    const persons = generatePersons(count, 20_261_123);
    await loadPersons(db, persons);
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(db);
    const lookups = generateQueries(persons, queryCount, 20_261_124).map((q) => candidateLookup(q.query));

    type Variant = (lookup: Lookup) => Promise<string[]>;
    const variants: Record<string, Variant> = {
      'src-editor': (l) => selectCandidatePersonIds(db, l, CANDIDATE_LIMIT, EDITOR),
      'src-system': (l) => selectCandidatePersonIds(db, l, CANDIDATE_LIMIT, SYSTEM),
      'group-join': (l) => groupThenJoin(db, l, CANDIDATE_LIMIT, EDITOR),
    };
    const results: Record<string, ReturnType<typeof stats> & { sameIdsAsSystem: number }> = {};
    const reference = new Map<Lookup, string>();
    for (const lookup of lookups) reference.set(lookup, (await variants['src-system']!(lookup)).join(','));
    const measure = async (label: string, variant: Variant) => {
      for (const lookup of lookups.slice(0, 20)) await variant(lookup);
      const times: number[] = [];
      let same = 0;
      for (const lookup of lookups) {
        const t = performance.now();
        const ids = await variant(lookup);
        times.push(performance.now() - t);
        if (ids.join(',') === reference.get(lookup)) same++;
      }
      results[label] = { ...stats(times), sameIdsAsSystem: same / lookups.length };
      process.stderr.write(`[${dialect}] ${label}: ${JSON.stringify(results[label])}\n`);
    };
    for (const [label, variant] of Object.entries(variants)) await measure(label, variant);
    if (dialect === 'sqlite') {
      const t = performance.now();
      await sql`analyze`.execute(db);
      process.stderr.write(`[sqlite] ANALYZE ${Math.round(performance.now() - t)} ms\n`);
      await measure('src-editor-analyzed', variants['src-editor']!);
      await measure('group-join-analyzed', variants['group-join']!);
    }
    const plans: Record<string, string[]> = {};
    const sample = lookups.find((l) => l.prefixes.length > 1) ?? lookups[0];
    if (sample) {
      for (const [label, scope] of [
        [dialect === 'sqlite' ? 'src-editor (after ANALYZE)' : 'src-editor', EDITOR],
        ['src-system', SYSTEM],
      ] as const) {
        const capture = new CapturePlugin();
        await selectCandidatePersonIds(db.withPlugin(capture), sample, CANDIDATE_LIMIT, scope);
        const last = capture.nodes[capture.nodes.length - 1];
        if (!last) continue;
        const compiled = db.getExecutor().compileQuery(last.node, last.queryId);
        const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain (costs off) ';
        const result = await db.executeQuery(
          CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
        );
        plans[label] = result.rows.map((row) => {
          const record = row as Record<string, unknown>;
          const line = record['detail'] ?? record['QUERY PLAN'];
          return typeof line === 'string' ? line : JSON.stringify(record);
        });
      }
    }
    return {
      dialect,
      persons: count,
      queries: queryCount,
      candidateLimit: CANDIDATE_LIMIT,
      resultsMs: results,
      plans,
    };
  } finally {
    await opened.close();
    if (dialect === 'sqlite') for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
    else await adminQuery(pgUrl, `drop database if exists ${name}`);
  }
}

async function main(): Promise<void> {
  const count = Number(arg('persons', '100000'));
  const queries = Number(arg('queries', '300'));
  const dialect = arg('dialect', 'sqlite');
  const pgUrl = arg('pg-url', 'postgres://unfree:unfree@localhost:5432/unfree_test');
  const dialects: DialectName[] = dialect === 'both' ? ['sqlite', 'postgres'] : [dialect as DialectName];
  mkdirSync(join(HERE, 'results'), { recursive: true });
  for (const d of dialects) {
    const result = {
      experiment: 'candidate-sql',
      date: new Date().toISOString(),
      cpu: os.cpus()[0]?.model,
      loadAverage: os.loadavg(),
      ...(await run(d, count, queries, pgUrl)),
    };
    const out = join(HERE, 'results', `candidate-sql-${d}-${count}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result.resultsMs, null, 2));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
