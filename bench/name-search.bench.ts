/**
 * Name search at scale: unfree's search path against a plain baseline, in the same run.
 *
 *   npx tsx bench/name-search.bench.ts [--persons 100000] [--dialect sqlite|postgres|both]
 *        [--queries 500] [--seed 20261123] [--warmup 50] [--reindex-all] [--no-profile]
 *        [--pg-url postgres://unfree:unfree@localhost:5432/unfree_test] [--keep]
 *
 * For each dialect: a fresh database (SQLite file under os.tmpdir(); PostgreSQL database
 * unfree_bench_<random> created through --pg-url and dropped at the end), migrateToLatest, bulk
 * load of N synthetic persons (bench/synthetic/load.ts, index build timed apart), then Q queries
 * with realistic corruptions through the real path, searchNames(db, query, 20, scope), timed one
 * by one, with an editor's read scope and again with the trusted (system) scope.
 * The baseline (bench/baseline/trigram.ts) answers the same queries over the same persons.
 * A second, untimed-for-latency pass splits each query into its stages (candidate lookup, candidate
 * SQL, loading names, ranking) with the same exported functions searchNames uses.
 *
 * Results: bench/results/name-search-<dialect>-<N>.json and a summary table on stdout.
 * See bench/README.md for the figures measured and what they mean.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompiledQuery,
  type ExpressionBuilder,
  type Kysely,
  type KyselyPlugin,
  type RootOperationNode,
  type QueryId,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { type DialectName, openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import {
  type CandidateInput,
  type NameInput,
  candidateLookup,
  rankCandidates,
} from '../src/names/matcher.js';
import type { RomanizationSystem } from '../src/names/systems.js';
import { selectCandidatePersonIds } from '../src/modules/person/name-key.repository.js';
import { CANDIDATE_LIMIT, searchNames } from '../src/modules/person/name-search.service.js';
import { createPersonService } from '../src/modules/person/person.service.js';
import { type ReadScope, SYSTEM_VIEWER, type Viewer, readScopeOf } from '../src/modules/user/access.js';
import { type PersonNameRow, selectNames } from '../src/modules/person/person.repository.js';
import { TrigramBaseline } from './baseline/trigram.js';
import { type LoadReport, asNameInput, loadPersons } from './synthetic/load.js';
import { type SyntheticPerson, generatePersons } from './synthetic/names.js';
import {
  type BenchQuery,
  type NamePart,
  QUERY_FAMILIES,
  generateQueries,
  namesakeKey,
} from './synthetic/queries.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results');
const SEARCH_LIMIT = 20;

/**
 * Synthetic persons are 'internal': the public scope sees none of them. The timed path is a
 * signed-in editor's (levels public + internal: the visibility subquery applies); the trusted
 * scope (CLI, imports: no filter) is timed too.
 */
const STAFF_VIEWER: Viewer = {
  user: {
    id: 'bench',
    email: 'bench@example.invalid',
    role: 'editor',
    canPublish: false,
    confidentialAccess: false,
  },
  scope: 'read',
};
const STAFF_SCOPE: ReadScope = readScopeOf(STAFF_VIEWER);
const SYSTEM_SCOPE: ReadScope = readScopeOf(SYSTEM_VIEWER);
const STAFF_SCOPE_NOTE = `searchNames with an editor's read scope ${JSON.stringify(STAFF_SCOPE)}`;

// ---------------------------------------------------------------- arguments

interface Options {
  persons: number;
  dialects: DialectName[];
  queries: number;
  seed: number;
  warmup: number;
  profile: boolean;
  reindexAll: boolean;
  pgUrl: string;
  keep: boolean;
  chunk: number;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    if (at >= 0) return argv[at + 1];
    const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  const flag = (name: string): boolean => argv.includes(`--${name}`);
  const int = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new Error(`--${name} must be a whole number, got ${raw}`);
    return parsed;
  };
  const dialect = value('dialect') ?? 'sqlite';
  if (!['sqlite', 'postgres', 'both'].includes(dialect))
    throw new Error('--dialect must be sqlite, postgres or both');
  return {
    persons: int('persons', 100_000),
    dialects: dialect === 'both' ? ['sqlite', 'postgres'] : [dialect as DialectName],
    queries: int('queries', 500),
    seed: int('seed', 20_261_123),
    warmup: int('warmup', 50),
    profile: !flag('no-profile'),
    reindexAll: flag('reindex-all'),
    pgUrl:
      value('pg-url') ??
      process.env.BENCH_POSTGRES_URL ??
      'postgres://unfree:unfree@localhost:5432/unfree_test',
    keep: flag('keep'),
    chunk: int('chunk', 1000),
  };
}

// ---------------------------------------------------------------- statistics

interface Distribution {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    n: sorted.length,
    mean: round(sum / Math.max(1, sorted.length)),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

interface Outcome {
  family: string;
  /** 1-based rank of the expected person among the hits, null when absent. */
  rank: number | null;
  /** 1-based rank of the first hit that is the expected person or one of their namesakes. */
  namesakeRank: number | null;
  ms: number;
  /**
   * CPU time of this process during the query (user + system). On a busy machine wall time
   * includes waiting for a core; CPU time does not. For SQLite it covers the SQL too (in-process);
   * for PostgreSQL it leaves out the server's work.
   */
  cpuMs: number;
}

interface Recall {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  recallAt20: number;
  /**
   * Recall counting a namesake as found: a person with the same name parts as the query carries
   * (same surname for a surname-only query, same first name and surname for "First Surname"), whom
   * no search could tell from the expected person.
   */
  recallAt1Namesakes: number;
  recallAt5Namesakes: number;
  mrr: number;
}

function recall(outcomes: readonly Outcome[]): Recall {
  const n = Math.max(1, outcomes.length);
  const share = (test: (o: Outcome) => boolean): number => round(outcomes.filter(test).length / n, 4);
  return {
    queries: outcomes.length,
    recallAt1: share((o) => o.rank === 1),
    recallAt5: share((o) => o.rank !== null && o.rank <= 5),
    recallAt20: share((o) => o.rank !== null && o.rank <= 20),
    recallAt1Namesakes: share((o) => o.namesakeRank === 1),
    recallAt5Namesakes: share((o) => o.namesakeRank !== null && o.namesakeRank <= 5),
    mrr: round(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n, 4),
  };
}

function byFamily(outcomes: readonly Outcome[]): Record<string, Recall & { latencyMs: Distribution }> {
  const out: Record<string, Recall & { latencyMs: Distribution }> = {};
  for (const family of QUERY_FAMILIES) {
    const of = outcomes.filter((o) => o.family === family);
    if (of.length > 0) out[family] = { ...recall(of), latencyMs: distribution(of.map((o) => o.ms)) };
  }
  return out;
}

/** Per query: the persons it cannot tell apart from the expected one (including that one). */
type Namesakes = ReadonlyMap<BenchQuery, ReadonlySet<string>>;

function findNamesakes(persons: readonly SyntheticPerson[], queries: readonly BenchQuery[]): Namesakes {
  const partSets = new Map<string, readonly NamePart[]>();
  const byId = new Map(persons.map((person) => [person.id, person]));
  const wanted = new Map<string, Set<string>>();
  for (const query of queries) {
    partSets.set(query.parts.join(','), query.parts);
    const person = byId.get(query.expectedId);
    if (person) wanted.set(`${query.parts.join(',')}#${namesakeKey(person, query.parts)}`, new Set());
  }
  for (const person of persons) {
    for (const [id, parts] of partSets) wanted.get(`${id}#${namesakeKey(person, parts)}`)?.add(person.id);
  }
  const out = new Map<BenchQuery, ReadonlySet<string>>();
  for (const query of queries) {
    const person = byId.get(query.expectedId);
    const set = person
      ? wanted.get(`${query.parts.join(',')}#${namesakeKey(person, query.parts)}`)
      : undefined;
    out.set(query, set ?? new Set([query.expectedId]));
  }
  return out;
}

function ranks(
  query: BenchQuery,
  namesakes: Namesakes,
  hits: readonly { personId: string }[],
): { rank: number | null; namesakeRank: number | null } {
  const index = hits.findIndex((hit) => hit.personId === query.expectedId);
  const alike = namesakes.get(query);
  const namesakeIndex = hits.findIndex(
    (hit) => hit.personId === query.expectedId || alike?.has(hit.personId),
  );
  return { rank: index >= 0 ? index + 1 : null, namesakeRank: namesakeIndex >= 0 ? namesakeIndex + 1 : null };
}

function outcomeOf(
  query: BenchQuery,
  namesakes: Namesakes,
  hits: readonly { personId: string }[],
  ms: number,
  cpuMs: number,
): Outcome {
  return { family: query.family, ...ranks(query, namesakes, hits), ms, cpuMs };
}

/** CPU milliseconds (user + system) since `since`. */
function cpuSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

// ---------------------------------------------------------------- machine

function affinity(): string | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    return /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? null;
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    cpuAffinity: affinity(),
    /** 1/5/15-minute load averages when the run started: other work on the machine adds noise. */
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
    singleCore:
      'The query loop is sequential on Node\u2019s single JavaScript thread: one query at a time, no worker threads. ' +
      'SQLite (better-sqlite3) runs in-process and synchronously on that same thread, so a SQLite query uses one core. ' +
      'PostgreSQL answers from its own server process, which may run on another core. Pin Node with `taskset -c 0` ' +
      '(cpuAffinity above shows the cores the process was allowed).',
  };
}

// ---------------------------------------------------------------- databases

interface BenchDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  location: string;
  sizeBytes(): Promise<number>;
  drop(): Promise<void>;
}

async function adminQuery(connectionString: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function createBenchDatabase(dialect: DialectName, options: Options): Promise<BenchDatabase> {
  const suffix = randomBytes(5).toString('hex');
  if (dialect === 'sqlite') {
    const file = join(os.tmpdir(), `unfree-bench-${suffix}.db`);
    const opened = openDatabase(`sqlite:${file}`);
    const files = ['', '-wal', '-shm'].map((extra) => file + extra);
    return {
      db: opened.db,
      dialect,
      location: file,
      sizeBytes: () =>
        Promise.resolve(
          files.reduce((total, path) => {
            try {
              return total + statSync(path).size;
            } catch {
              return total;
            }
          }, 0),
        ),
      drop: async () => {
        await opened.close();
        if (!options.keep) for (const path of files) rmSync(path, { force: true });
      },
    };
  }
  const name = `unfree_bench_${suffix}`;
  await adminQuery(options.pgUrl, `create database ${name}`);
  const url = new URL(options.pgUrl);
  url.pathname = `/${name}`;
  const opened = openDatabase(url.toString());
  return {
    db: opened.db,
    dialect,
    location: opened.location,
    sizeBytes: async () => {
      const { rows } = await sql<{
        size: string;
      }>`select pg_database_size(current_database())::text as size`.execute(opened.db);
      return Number(rows[0]?.size ?? 0);
    },
    drop: async () => {
      await opened.close();
      if (!options.keep) await dropPostgresDatabase(options.pgUrl, name);
    },
  };
}

/**
 * Plain DROP DATABASE first: it cancels an autovacuum worker still busy in the database by itself,
 * whereas WITH (FORCE) refuses to terminate it unless the role may signal any backend.
 * A failure is reported, not thrown: the results are worth more than the cleanup.
 */
async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await adminQuery(adminUrl, `drop database if exists ${name}`);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  } catch (error) {
    log(`could not drop ${name} (${String(lastError)}; ${String(error)}): drop it by hand`);
  }
}

/** Records the compiled SQL of the queries run through it (to EXPLAIN what src/ really sends). */
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

function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}

/** How many name_keys rows and persons the candidate WHERE matches before GROUP BY / LIMIT. */
async function matchedBeforeCap(
  db: Kysely<Database>,
  lookup: { keys: readonly string[]; prefixes: readonly string[] },
  expectedId: string,
): Promise<{ rows: number; persons: number; expectedMatched: boolean }> {
  if (lookup.keys.length === 0 && lookup.prefixes.length === 0) {
    return { rows: 0, persons: 0, expectedMatched: false };
  }
  const where = (eb: ExpressionBuilder<Database, 'nameKeys'>) =>
    eb.or([
      ...(lookup.keys.length > 0 ? [eb('key', 'in', [...lookup.keys])] : []),
      ...lookup.prefixes.map((prefix) =>
        eb.and([eb('key', '>=', prefix), eb('key', '<', prefixEnd(prefix))]),
      ),
    ]);
  const row = await db
    .selectFrom('nameKeys')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('rows'),
      eb.fn.count<number | string>('personId').distinct().as('persons'),
    ])
    .where(where)
    .executeTakeFirst();
  const expected = await db
    .selectFrom('nameKeys')
    .select('personId')
    .where('personId', '=', expectedId)
    .where(where)
    .limit(1)
    .executeTakeFirst();
  return {
    rows: Number(row?.rows ?? 0),
    persons: Number(row?.persons ?? 0),
    expectedMatched: expected !== undefined,
  };
}

// ---------------------------------------------------------------- runs

interface StageProfile {
  lookupMs: number;
  candidateSqlMs: number;
  /** The candidate SQL again with the trusted scope (no visibility subquery). */
  candidateSqlSystemScopeMs: number;
  namesSqlMs: number;
  assembleMs: number;
  rankMs: number;
  /** rankCandidates again on the same (now prepared) name objects: scoring only, no romanizing. */
  rankScoringOnlyMs: number;
  candidates: number;
  nameRows: number;
  lookupKeys: number;
  lookupPrefixes: number;
  matchedRows: number;
  matchedPersons: number;
  retrieved: boolean;
  /** The expected person has a key the lookup matches (before the cap): a miss is then the cap's. */
  expectedMatched: boolean;
  family: string;
  /** The same query with a smaller candidate cap (the first `cap` of the same ordered candidates). */
  whatIf: WhatIf[];
}

/** Candidate caps tried in the what-if pass besides CANDIDATE_LIMIT. */
const WHAT_IF_CAPS = [50, 100, 200] as const;

interface WhatIf {
  cap: number;
  namesSqlMs: number;
  /** rankCandidates on fresh name objects: today's cost. */
  rankMs: number;
  /** …and again on the now-prepared objects: the cost if prepared spellings were stored or cached. */
  rankScoringOnlyMs: number;
  rank: number | null;
  namesakeRank: number | null;
}

function candidatesOf(ids: readonly string[], rows: readonly PersonNameRow[]): CandidateInput[] {
  const byPerson = new Map<string, NameInput[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    byPerson.get(row.personId)?.push(
      asNameInput({
        text: row.text,
        language: row.language,
        script: row.script as NameInput['script'],
        system: row.system as RomanizationSystem | null,
      }),
    );
  }
  return ids.map((personId) => ({ personId, names: byPerson.get(personId) ?? [] }));
}

async function profileQuery(
  db: Kysely<Database>,
  query: BenchQuery,
  namesakes: Namesakes,
): Promise<StageProfile> {
  const t0 = performance.now();
  const lookup = candidateLookup(query.query);
  const t1 = performance.now();
  const ids = await selectCandidatePersonIds(db, lookup, CANDIDATE_LIMIT, STAFF_SCOPE);
  const t2 = performance.now();
  const rows = await selectNames(db, ids);
  const t3 = performance.now();
  const candidates = candidatesOf(ids, rows);
  const t4 = performance.now();
  rankCandidates(query.query, candidates, { limit: SEARCH_LIMIT });
  const t5 = performance.now();
  rankCandidates(query.query, candidates, { limit: SEARCH_LIMIT });
  const t6 = performance.now();
  const matched = await matchedBeforeCap(db, lookup, query.expectedId);
  const s0 = performance.now();
  await selectCandidatePersonIds(db, lookup, CANDIDATE_LIMIT, SYSTEM_SCOPE);
  const candidateSqlSystemScopeMs = performance.now() - s0;
  const whatIf: WhatIf[] = [];
  for (const cap of WHAT_IF_CAPS) {
    const subset = ids.slice(0, cap);
    const w0 = performance.now();
    const subsetRows = await selectNames(db, subset);
    const w1 = performance.now();
    const subsetCandidates = candidatesOf(subset, subsetRows);
    const w2 = performance.now();
    const hits = rankCandidates(query.query, subsetCandidates, { limit: SEARCH_LIMIT });
    const w3 = performance.now();
    rankCandidates(query.query, subsetCandidates, { limit: SEARCH_LIMIT });
    const w4 = performance.now();
    whatIf.push({
      cap,
      namesSqlMs: w1 - w0,
      rankMs: w3 - w2,
      rankScoringOnlyMs: w4 - w3,
      ...ranks(query, namesakes, hits),
    });
  }
  return {
    lookupMs: t1 - t0,
    candidateSqlMs: t2 - t1,
    candidateSqlSystemScopeMs,
    namesSqlMs: t3 - t2,
    assembleMs: t4 - t3,
    rankMs: t5 - t4,
    rankScoringOnlyMs: t6 - t5,
    candidates: ids.length,
    nameRows: rows.length,
    lookupKeys: lookup.keys.length,
    lookupPrefixes: lookup.prefixes.length,
    matchedRows: matched.rows,
    matchedPersons: matched.persons,
    retrieved: ids.includes(query.expectedId),
    expectedMatched: matched.expectedMatched,
    family: query.family,
    whatIf,
  };
}

function summarizeProfile(profiles: readonly StageProfile[], outcomes: readonly Outcome[]) {
  const searchMs = outcomes.map((o) => o.ms);
  const stages = [
    'lookupMs',
    'candidateSqlMs',
    'candidateSqlSystemScopeMs',
    'namesSqlMs',
    'assembleMs',
    'rankMs',
    'rankScoringOnlyMs',
  ] as const;
  const perStage = Object.fromEntries(
    stages.map((stage) => [stage, distribution(profiles.map((p) => p[stage]))]),
  );
  const total = (p: StageProfile) => p.lookupMs + p.candidateSqlMs + p.namesSqlMs + p.assembleMs + p.rankMs;
  const shareOf = (subset: readonly StageProfile[]) => {
    const sum = subset.reduce((acc, p) => acc + total(p), 0) || 1;
    return Object.fromEntries(
      (['lookupMs', 'candidateSqlMs', 'namesSqlMs', 'assembleMs', 'rankMs'] as const).map((stage) => [
        stage,
        round(subset.reduce((acc, p) => acc + p[stage], 0) / sum, 3),
      ]),
    );
  };
  const sorted = [...profiles].sort((a, b) => total(b) - total(a));
  const slowest = sorted.slice(0, Math.max(1, Math.ceil(profiles.length * 0.05)));
  const capped = profiles.filter((p) => p.matchedPersons > CANDIDATE_LIMIT);
  const bucket = (lo: number, hi: number) => {
    const of = profiles.filter((p) => p.candidates >= lo && p.candidates < hi);
    return { queries: of.length, totalMs: distribution(of.map(total)) };
  };
  const perFamily = Object.fromEntries(
    QUERY_FAMILIES.map((family) => {
      const of = profiles.filter((p) => p.family === family);
      return [
        family,
        {
          totalMs: distribution(of.map(total)),
          candidates: distribution(of.map((p) => p.candidates)),
          matchedPersons: distribution(of.map((p) => p.matchedPersons)),
          retrieved: round(of.filter((p) => p.retrieved).length / Math.max(1, of.length), 4),
          missedNoKeyMatched: of.filter((p) => !p.retrieved && !p.expectedMatched).length,
          missedCutByCap: of.filter((p) => !p.retrieved && p.expectedMatched).length,
        },
      ];
    }),
  );
  return {
    queries: profiles.length,
    note:
      'Second pass over the same queries with the exported functions searchNames composes (candidateLookup, ' +
      'selectCandidatePersonIds, selectNames, rankCandidates). rankMs includes preparing every candidate name ' +
      '(romanizing it in every system, canonical pieces); rankScoringOnlyMs is rankCandidates run again on the same ' +
      'name objects, whose preparation is then memoised: the difference is the preparation cost.',
    searchNamesMs: distribution(searchMs),
    stagesMs: perStage,
    shareOfTime: { all: shareOf(profiles), slowest5Percent: shareOf(slowest) },
    candidates: distribution(profiles.map((p) => p.candidates)),
    nameRowsLoaded: distribution(profiles.map((p) => p.nameRows)),
    lookupKeys: distribution(profiles.map((p) => p.lookupKeys)),
    lookupPrefixes: distribution(profiles.map((p) => p.lookupPrefixes)),
    matchedKeyRowsBeforeCap: distribution(profiles.map((p) => p.matchedRows)),
    matchedPersonsBeforeCap: distribution(profiles.map((p) => p.matchedPersons)),
    queriesOverCandidateCap: round(capped.length / Math.max(1, profiles.length), 4),
    retrievedByIndex: round(profiles.filter((p) => p.retrieved).length / Math.max(1, profiles.length), 4),
    retrievalMisses: {
      note: 'Queries whose expected person is not among the candidates: no key of theirs matched (typo in the first letters), or matched but cut by the cap.',
      noKeyMatched: profiles.filter((p) => !p.retrieved && !p.expectedMatched).length,
      cutByCap: profiles.filter((p) => !p.retrieved && p.expectedMatched).length,
    },
    msPerCandidateRanked: round(
      profiles.reduce((acc, p) => acc + p.rankMs, 0) /
        Math.max(
          1,
          profiles.reduce((acc, p) => acc + p.candidates, 0),
        ),
      4,
    ),
    byCandidateCount: {
      '0-99': bucket(0, 100),
      '100-399': bucket(100, CANDIDATE_LIMIT),
      '400 (cap)': bucket(CANDIDATE_LIMIT, Infinity),
    },
    perFamily,
    whatIfCandidateCap: whatIfSummary(profiles, outcomes),
  };
}

/**
 * Estimated latency and recall with a smaller cap, today (romanizing candidates per query) and with
 * prepared spellings stored or cached (scoring only). The candidate SQL is the measured one (its
 * cost is the GROUP BY over every matched row, nearly independent of LIMIT).
 */
function whatIfSummary(profiles: readonly StageProfile[], outcomes: readonly Outcome[]) {
  const current = {
    cap: CANDIDATE_LIMIT,
    estimatedMs: distribution(
      profiles.map((p) => p.lookupMs + p.candidateSqlMs + p.namesSqlMs + p.assembleMs + p.rankMs),
    ),
    estimatedMsScoringOnly: distribution(
      profiles.map((p) => p.lookupMs + p.candidateSqlMs + p.namesSqlMs + p.assembleMs + p.rankScoringOnlyMs),
    ),
    estimatedMsScoringOnlyFastScopeSql: distribution(
      profiles.map(
        (p) => p.lookupMs + p.candidateSqlSystemScopeMs + p.namesSqlMs + p.assembleMs + p.rankScoringOnlyMs,
      ),
    ),
    recall: recall(outcomes),
  };
  const smaller = WHAT_IF_CAPS.map((cap) => {
    const runs = profiles.map((p) => ({ p, w: p.whatIf.find((w) => w.cap === cap) }));
    const base = (p: StageProfile) => p.lookupMs + p.candidateSqlMs;
    return {
      cap,
      estimatedMs: distribution(runs.map(({ p, w }) => base(p) + (w?.namesSqlMs ?? 0) + (w?.rankMs ?? 0))),
      estimatedMsScoringOnly: distribution(
        runs.map(({ p, w }) => base(p) + (w?.namesSqlMs ?? 0) + (w?.rankScoringOnlyMs ?? 0)),
      ),
      estimatedMsScoringOnlyFastScopeSql: distribution(
        runs.map(
          ({ p, w }) =>
            p.lookupMs + p.candidateSqlSystemScopeMs + (w?.namesSqlMs ?? 0) + (w?.rankScoringOnlyMs ?? 0),
        ),
      ),
      recall: recall(
        runs.map(({ p, w }) => ({
          family: p.family,
          rank: w?.rank ?? null,
          namesakeRank: w?.namesakeRank ?? null,
          ms: 0,
          cpuMs: 0,
        })),
      ),
    };
  });
  return [...smaller, current];
}

async function explainSample(bench: BenchDatabase, query: string): Promise<string[]> {
  const capture = new CapturePlugin();
  const captured = bench.db.withPlugin(capture);
  await selectCandidatePersonIds(captured, candidateLookup(query), CANDIDATE_LIMIT, STAFF_SCOPE);
  const last = capture.nodes[capture.nodes.length - 1];
  if (!last) return [];
  const compiled = bench.db.getExecutor().compileQuery(last.node, last.queryId);
  const prefix =
    bench.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers, costs off) ';
  const result = await bench.db.executeQuery(
    CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
  );
  const lines = result.rows.map((row) => {
    const record = row as Record<string, unknown>;
    const line = record['detail'] ?? record['QUERY PLAN'];
    return typeof line === 'string' ? line : JSON.stringify(record);
  });
  return [`query: ${JSON.stringify(query)}`, `sql: ${compiled.sql}`, ...lines];
}

interface BaselineRun {
  buildMs: number;
  names: number;
  latencyMs: Distribution;
  cpuMs: Distribution;
  recall: Recall;
  perFamily: ReturnType<typeof byFamily>;
}

function runBaseline(
  persons: readonly SyntheticPerson[],
  queries: readonly BenchQuery[],
  warmup: readonly BenchQuery[],
  namesakes: Namesakes,
): BaselineRun {
  const start = performance.now();
  const baseline = new TrigramBaseline(persons);
  const buildMs = performance.now() - start;
  for (const query of warmup) baseline.search(query.query, SEARCH_LIMIT);
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const hits = baseline.search(query.query, SEARCH_LIMIT);
    outcomes.push(outcomeOf(query, namesakes, hits, performance.now() - t0, cpuSince(c0)));
  }
  return {
    buildMs: round(buildMs, 1),
    names: baseline.nameCount,
    latencyMs: distribution(outcomes.map((o) => o.ms)),
    cpuMs: distribution(outcomes.map((o) => o.cpuMs)),
    recall: recall(outcomes),
    perFamily: byFamily(outcomes),
  };
}

async function runDialect(
  dialect: DialectName,
  options: Options,
  persons: readonly SyntheticPerson[],
  queries: readonly BenchQuery[],
  warmup: readonly BenchQuery[],
  namesakes: Namesakes,
) {
  const bench = await createBenchDatabase(dialect, options);
  const cleanup = () => {
    void bench.drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', cleanup);
  try {
    log(`[${dialect}] database ${bench.location}`);
    await migrateToLatest(bench.db);
    let lastShown = 0;
    const load: LoadReport = await loadPersons(bench.db, persons, {
      chunk: options.chunk,
      onProgress: (phase, done, total) => {
        if (done - lastShown >= 20_000 || done === total) {
          lastShown = done === total ? 0 : done;
          log(`[${dialect}] ${phase}: ${done}/${total}`);
        }
      },
    });
    log(
      `[${dialect}] rows ${(load.rowsMs / 1000).toFixed(1)} s, index ${(load.indexBuildMs / 1000).toFixed(1)} s ` +
        `(compute ${(load.indexComputeMs / 1000).toFixed(1)} s, insert ${(load.indexInsertMs / 1000).toFixed(1)} s), ` +
        `${load.keyRows} name_keys rows`,
    );
    // PostgreSQL: autovacuum would analyze the new tables within a minute; do it now so the plans
    // do not depend on when it happens. SQLite: the application never runs ANALYZE, so neither do we.
    let analyzeMs = 0;
    if (dialect === 'postgres') {
      const t = performance.now();
      await sql`vacuum analyze`.execute(bench.db);
      analyzeMs = performance.now() - t;
    }
    const counted = await bench.db
      .selectFrom('nameKeys')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    const nameKeysRows = Number(counted?.n ?? 0);
    const sizeBytes = await bench.sizeBytes();

    const timedPass = async (scope: ReadScope, label: string): Promise<Outcome[]> => {
      for (const query of warmup) await searchNames(bench.db, query.query, SEARCH_LIMIT, scope);
      const outcomes: Outcome[] = [];
      for (const query of queries) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const hits = await searchNames(bench.db, query.query, SEARCH_LIMIT, scope);
        outcomes.push(outcomeOf(query, namesakes, hits, performance.now() - t0, cpuSince(c0)));
      }
      const latency = distribution(outcomes.map((o) => o.ms));
      const cpu = distribution(outcomes.map((o) => o.cpuMs));
      log(
        `[${dialect}] searchNames (${label}) p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms ` +
          `(CPU time p50 ${cpu.p50} ms, p95 ${cpu.p95} ms)`,
      );
      return outcomes;
    };
    const outcomes = await timedPass(STAFF_SCOPE, 'editor scope');
    const latency = distribution(outcomes.map((o) => o.ms));
    const systemOutcomes = await timedPass(SYSTEM_SCOPE, 'system scope');

    let profile: ReturnType<typeof summarizeProfile> | null = null;
    const profiles: StageProfile[] = [];
    if (options.profile) {
      for (const query of queries) profiles.push(await profileQuery(bench.db, query, namesakes));
      log(`[${dialect}] profile pass done`);
      profile = summarizeProfile(profiles, outcomes);
    }
    /** One line per query, for analyses the summaries do not foresee. */
    const perQuery = queries.map((query, i) => {
      const p = profiles[i];
      const r = (v: number | undefined) => (v === undefined ? null : round(v));
      return {
        query: query.query,
        family: query.family,
        namesakes: namesakes.get(query)?.size ?? 1,
        rank: outcomes[i]?.rank ?? null,
        namesakeRank: outcomes[i]?.namesakeRank ?? null,
        ms: r(outcomes[i]?.ms),
        cpuMs: r(outcomes[i]?.cpuMs),
        msSystemScope: r(systemOutcomes[i]?.ms),
        candidates: p?.candidates ?? null,
        matchedPersons: p?.matchedPersons ?? null,
        retrieved: p?.retrieved ?? null,
        expectedMatched: p?.expectedMatched ?? null,
        candidateSqlMs: r(p?.candidateSqlMs),
        candidateSqlSystemScopeMs: r(p?.candidateSqlSystemScopeMs),
        namesSqlMs: r(p?.namesSqlMs),
        rankMs: r(p?.rankMs),
        rankScoringOnlyMs: r(p?.rankScoringOnlyMs),
      };
    });
    const slowQuery = queries.find((q) => q.family === 'cyrillic') ?? queries[0];
    const explain = slowQuery ? await explainSample(bench, slowQuery.query) : [];

    let reindexAllMs: number | null = null;
    if (options.reindexAll) {
      log(`[${dialect}] reindexAll through the person service (unfree db reindex-names)…`);
      const service = createPersonService({ db: bench.db, clock: () => new Date(), viewer: SYSTEM_VIEWER });
      const t = performance.now();
      await service.reindexAll();
      reindexAllMs = round(performance.now() - t, 1);
      log(`[${dialect}] reindexAll ${(reindexAllMs / 1000).toFixed(1)} s`);
    }

    return {
      dialect,
      load: {
        ...load,
        rowsMs: round(load.rowsMs, 1),
        indexBuildMs: round(load.indexBuildMs, 1),
        indexComputeMs: round(load.indexComputeMs, 1),
        indexInsertMs: round(load.indexInsertMs, 1),
        chunk: options.chunk,
        analyzeMs: round(analyzeMs, 1),
        reindexAllThroughServiceMs: reindexAllMs,
      },
      nameKeysRows,
      databaseSizeMiB: round(sizeBytes / 2 ** 20, 1),
      scope: STAFF_SCOPE_NOTE,
      latencyMs: latency,
      cpuMs: distribution(outcomes.map((o) => o.cpuMs)),
      recall: recall(outcomes),
      perFamily: byFamily(outcomes),
      systemScope: {
        note: 'The same queries with the trusted scope (everything: no visibility subquery), e.g. the CLI.',
        latencyMs: distribution(systemOutcomes.map((o) => o.ms)),
        cpuMs: distribution(systemOutcomes.map((o) => o.cpuMs)),
        recall: recall(systemOutcomes),
      },
      profile,
      explain,
      perQuery,
    };
  } finally {
    process.removeListener('SIGINT', cleanup);
    await bench.drop();
  }
}

// ---------------------------------------------------------------- output

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const TARGETS = { p95Ms: 25, indexBuildMs: 60_000 };

function summaryTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const info = machine();
  log(
    `name-search bench: ${options.persons} persons, ${options.queries} queries, seed ${options.seed}, ${info.cpu}`,
  );
  const genStart = performance.now();
  const persons = generatePersons(options.persons, options.seed);
  const generationMs = performance.now() - genStart;
  const queries = generateQueries(persons, options.queries, options.seed + 1);
  const warmup = generateQueries(persons, options.warmup, options.seed + 2);
  log(`generated in ${(generationMs / 1000).toFixed(1)} s`);

  const namesakes = findNamesakes(persons, queries);
  const ambiguous = queries.filter((query) => (namesakes.get(query)?.size ?? 1) > 1).length;
  log(`${ambiguous} of ${queries.length} queries have namesakes (persons the query cannot tell apart)`);
  const baseline = runBaseline(persons, queries, warmup, namesakes);
  log(`baseline: build ${(baseline.buildMs / 1000).toFixed(1)} s, p95 ${baseline.latencyMs.p95} ms`);

  mkdirSync(RESULTS, { recursive: true });
  const table: string[][] = [
    [
      'dialect',
      'method',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'R@1',
      'R@5',
      'R@1 ns',
      'R@5 ns',
      'index build s',
      'p95 ≤ 25',
      'build ≤ 60 s',
    ],
  ];
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  for (const dialect of options.dialects) {
    const run = await runDialect(dialect, options, persons, queries, warmup, namesakes);
    const result = {
      benchmark: 'name-search',
      machine: info,
      parameters: {
        persons: options.persons,
        queries: options.queries,
        warmupQueries: options.warmup,
        seed: options.seed,
        searchLimit: SEARCH_LIMIT,
        candidateLimit: CANDIDATE_LIMIT,
        command: `npx tsx bench/name-search.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
      },
      targets: TARGETS,
      generation: {
        ms: round(generationMs, 1),
        persons: persons.length,
        names: persons.reduce((n, p) => n + p.names.length, 0),
        queriesWithNamesakes: ambiguous,
        queriesByFamily: Object.fromEntries(
          QUERY_FAMILIES.map((family) => [family, queries.filter((q) => q.family === family).length]),
        ),
        sampleQueries: QUERY_FAMILIES.map(
          (family) => queries.find((q) => q.family === family)?.query ?? null,
        ),
      },
      unfree: run,
      baseline: {
        description:
          'ISO-9-like generic transliteration (one map for be and ru) + pg_trgm-style trigram similarity over all ' +
          'names in memory (bench/baseline/trigram.ts); best name per person.',
        ...baseline,
      },
      memory: { rssMiB: round(process.memoryUsage().rss / 2 ** 20, 1) },
      loadAverageAtEnd: os.loadavg().map((v) => round(v, 2)),
    };
    const file = join(RESULTS, `name-search-${dialect}-${options.persons}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
    table.push([
      dialect,
      'unfree (editor scope)',
      String(run.latencyMs.p50),
      String(run.latencyMs.p95),
      String(run.latencyMs.p99),
      pct(run.recall.recallAt1),
      pct(run.recall.recallAt5),
      pct(run.recall.recallAt1Namesakes),
      pct(run.recall.recallAt5Namesakes),
      (run.load.indexBuildMs / 1000).toFixed(1),
      run.latencyMs.p95 <= TARGETS.p95Ms ? 'yes' : 'NO',
      run.load.indexBuildMs <= TARGETS.indexBuildMs ? 'yes' : 'NO',
    ]);
    const sys = run.systemScope;
    table.push([
      dialect,
      'unfree (system scope)',
      String(sys.latencyMs.p50),
      String(sys.latencyMs.p95),
      String(sys.latencyMs.p99),
      pct(sys.recall.recallAt1),
      pct(sys.recall.recallAt5),
      pct(sys.recall.recallAt1Namesakes),
      pct(sys.recall.recallAt5Namesakes),
      (run.load.indexBuildMs / 1000).toFixed(1),
      sys.latencyMs.p95 <= TARGETS.p95Ms ? 'yes' : 'NO',
      run.load.indexBuildMs <= TARGETS.indexBuildMs ? 'yes' : 'NO',
    ]);
    table.push([
      dialect,
      'baseline',
      String(baseline.latencyMs.p50),
      String(baseline.latencyMs.p95),
      String(baseline.latencyMs.p99),
      pct(baseline.recall.recallAt1),
      pct(baseline.recall.recallAt5),
      pct(baseline.recall.recallAt1Namesakes),
      pct(baseline.recall.recallAt5Namesakes),
      (baseline.buildMs / 1000).toFixed(1),
      baseline.latencyMs.p95 <= TARGETS.p95Ms ? 'yes' : 'NO',
      baseline.buildMs <= TARGETS.indexBuildMs ? 'yes' : 'NO',
    ]);
    if (run.profile) {
      const s = run.profile.stagesMs;
      log(
        `[${dialect}] profile (mean ms): lookup ${s.lookupMs?.mean}, candidate SQL ${s.candidateSqlMs?.mean}, ` +
          `(system scope ${s.candidateSqlSystemScopeMs?.mean}), names SQL ${s.namesSqlMs?.mean}, rank ${s.rankMs?.mean} (scoring only ${s.rankScoringOnlyMs?.mean}); ` +
          `candidates p50 ${run.profile.candidates.p50}, over cap ${pct(run.profile.queriesOverCandidateCap)}`,
      );
      for (const w of run.profile.whatIfCandidateCap) {
        log(
          `[${dialect}] what-if cap ${w.cap}: est. p95 ${w.estimatedMs.p95} ms (scoring only ${w.estimatedMsScoringOnly.p95} ms, ` +
            `+ scope-free SQL ${w.estimatedMsScoringOnlyFastScopeSql.p95} ms), ` +
            `R@1 ${pct(w.recall.recallAt1)}, R@5 ${pct(w.recall.recallAt5)}, R@1 ns ${pct(w.recall.recallAt1Namesakes)}`,
        );
      }
    }
  }
  console.log(
    `\nName search, ${options.persons.toLocaleString('en')} synthetic persons, ${options.queries} queries ` +
      `(${info.cpu}, ${info.cores} cores, affinity ${info.cpuAffinity ?? '?'}, Node ${info.node})`,
  );
  console.log(summaryTable(table));
  console.log(`\n${info.singleCore}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
