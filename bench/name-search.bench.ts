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
import { decodeNameForms } from '../src/names/forms.js';
import {
  addedPrefixes,
  coOccurringLookup,
  lookupOfSlots,
  lookupSlots,
  planCandidates,
  widenSlots,
  withCoOccurringKeys,
} from '../src/names/lookup.js';
import { type CandidateInput, rankCandidates } from '../src/names/matcher.js';
import {
  selectCandidates,
  selectCoOccurringKeys,
  selectKeyCounts,
  selectNameForms,
} from '../src/modules/person/name-key.repository.js';
import { CANDIDATE_LIMIT, searchNames } from '../src/modules/person/name-search.service.js';
import { createPersonService } from '../src/modules/person/person.service.js';
import { type ReadScope, SYSTEM_VIEWER, type Viewer, readScopeOf } from '../src/modules/user/access.js';
import { BENCH_EDITOR } from './support.js';
import { TrigramBaseline } from './baseline/trigram.js';
import { type LoadReport, loadPersons } from './synthetic/load.js';
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
const STAFF_VIEWER: Viewer = BENCH_EDITOR;
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

// ---------------------------------------------------------------- stage profile

interface StageProfile {
  /** lookupSlots + planCandidates (+ widenSlots) in JavaScript. */
  planMs: number;
  /** selectKeyCounts: one or two round trips (the second for a typo in the first letters), and the co-occurring keys when a word found none. */
  keyCountsSqlMs: number;
  candidateSqlMs: number;
  /** The candidate SQL again with the trusted scope (no visibility check). */
  candidateSqlSystemScopeMs: number;
  formsSqlMs: number;
  decodeMs: number;
  rankMs: number;
  /** CPU time of the same stages (user + system of this process). */
  cpuMs: number;
  candidates: number;
  keyCounts: number;
  weighedKeys: number;
  /** Index rows of the weighed keys: what the candidate SQL groups unless anchored. */
  weighedRows: number;
  anchored: boolean;
  widened: boolean;
  retrieved: boolean;
  /** The expected person has one of the weighed keys: a miss is then the cap's, else the lookup's. */
  expectedMatched: boolean;
  family: string;
  /** The same query ranked over the first `cap` of a longer candidate list. */
  whatIf: WhatIf[];
}

/** Candidate caps tried in the what-if pass besides CANDIDATE_LIMIT. */
const WHAT_IF_CAPS = [50, 200] as const;

interface WhatIf {
  cap: number;
  rankMs: number;
  rank: number | null;
  namesakeRank: number | null;
}

async function loadForms(db: Kysely<Database>, ids: readonly string[]): Promise<CandidateInput[]> {
  const rows = await selectNameForms(db, ids);
  const byId = new Map(rows.map((row) => [row.personId, decodeNameForms(row.forms)]));
  return ids.flatMap((id) => {
    const forms = byId.get(id);
    return forms ? [{ personId: id, ...forms }] : [];
  });
}

async function profileQuery(
  db: Kysely<Database>,
  query: BenchQuery,
  namesakes: Namesakes,
): Promise<StageProfile> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const slots = lookupSlots(query.query);
  const lookup = lookupOfSlots(slots);
  const t1 = performance.now();
  const counts = await selectKeyCounts(db, lookup);
  const t2 = performance.now();
  let plan = planCandidates(slots, counts);
  let planned = slots;
  const wider = widenSlots(slots, plan);
  let widenSqlMs = 0;
  if (wider) {
    const w0 = performance.now();
    const more = await selectKeyCounts(db, { keys: [], prefixes: addedPrefixes(slots, wider) });
    widenSqlMs = performance.now() - w0;
    const known = new Set(counts.map((count) => count.key));
    counts.push(...more.filter((count) => !known.has(count.key)));
    plan = planCandidates((planned = wider), counts);
  }
  // As searchNames: a word that found no key is weighed against the keys of the others' persons.
  const coOccurring = coOccurringLookup(planned, plan, counts);
  if (coOccurring) {
    const w0 = performance.now();
    const found = await selectCoOccurringKeys(db, coOccurring.anchorKeys);
    widenSqlMs += performance.now() - w0;
    const closer = withCoOccurringKeys(planned, coOccurring, found);
    const known = new Set(counts.map((count) => count.key));
    const added = [...new Set(closer.flatMap((slot) => slot.keys))].filter((key) => !known.has(key));
    const w1 = performance.now();
    counts.push(...(await selectKeyCounts(db, { keys: added, prefixes: [] })));
    widenSqlMs += performance.now() - w1;
    plan = planCandidates(closer, counts);
  }
  const t3 = performance.now();
  const ids = await selectCandidates(db, plan.keys, plan.anchorKeys, CANDIDATE_LIMIT, STAFF_SCOPE);
  const t4 = performance.now();
  const rows = await selectNameForms(db, ids);
  const t5 = performance.now();
  const byId = new Map(rows.map((row) => [row.personId, decodeNameForms(row.forms)]));
  const candidates = ids.flatMap((id) => {
    const forms = byId.get(id);
    return forms ? [{ personId: id, ...forms }] : [];
  });
  const t6 = performance.now();
  rankCandidates(query.query, candidates, { limit: SEARCH_LIMIT });
  const t7 = performance.now();
  const cpuMs = cpuSince(c0);

  const s0 = performance.now();
  await selectCandidates(db, plan.keys, plan.anchorKeys, CANDIDATE_LIMIT, SYSTEM_SCOPE);
  const candidateSqlSystemScopeMs = performance.now() - s0;
  const persons = new Map(counts.map((count) => [count.key, count.persons]));
  const weighed = [...new Set(plan.keys.map((entry) => entry.key))];
  const expectedKeys = await db
    .selectFrom('nameKeys')
    .select('key')
    .where('personId', '=', query.expectedId)
    .execute();
  const longer = await selectCandidates(
    db,
    plan.keys,
    plan.anchorKeys,
    Math.max(...WHAT_IF_CAPS),
    STAFF_SCOPE,
  );
  const longerCandidates = await loadForms(db, longer);
  const whatIf = WHAT_IF_CAPS.map((cap) => {
    const w0 = performance.now();
    const hits = rankCandidates(query.query, longerCandidates.slice(0, cap), { limit: SEARCH_LIMIT });
    return { cap, rankMs: performance.now() - w0, ...ranks(query, namesakes, hits) };
  });
  return {
    planMs: t1 - t0 + (t3 - t2 - widenSqlMs),
    keyCountsSqlMs: t2 - t1 + widenSqlMs,
    candidateSqlMs: t4 - t3,
    candidateSqlSystemScopeMs,
    formsSqlMs: t5 - t4,
    decodeMs: t6 - t5,
    rankMs: t7 - t6,
    cpuMs,
    candidates: ids.length,
    keyCounts: counts.length,
    weighedKeys: weighed.length,
    weighedRows: weighed.reduce((sum, key) => sum + (persons.get(key) ?? 0), 0),
    anchored: plan.anchorKeys !== null,
    widened: wider !== null,
    retrieved: ids.includes(query.expectedId),
    expectedMatched: expectedKeys.some((row) => weighed.includes(row.key)),
    family: query.family,
    whatIf,
  };
}

const STAGES = ['planMs', 'keyCountsSqlMs', 'candidateSqlMs', 'formsSqlMs', 'decodeMs', 'rankMs'] as const;

function summarizeProfile(profiles: readonly StageProfile[], outcomes: readonly Outcome[]) {
  const total = (p: StageProfile) => STAGES.reduce((sum, stage) => sum + p[stage], 0);
  const shareOf = (subset: readonly StageProfile[]) => {
    const sum = subset.reduce((acc, p) => acc + total(p), 0) || 1;
    return Object.fromEntries(
      STAGES.map((stage) => [stage, round(subset.reduce((acc, p) => acc + p[stage], 0) / sum, 3)]),
    );
  };
  const sorted = [...profiles].sort((a, b) => total(b) - total(a));
  const slowest = sorted.slice(0, Math.max(1, Math.ceil(profiles.length * 0.05)));
  const share = (test: (p: StageProfile) => boolean) =>
    round(profiles.filter(test).length / Math.max(1, profiles.length), 4);
  const perFamily = Object.fromEntries(
    QUERY_FAMILIES.map((family) => {
      const of = profiles.filter((p) => p.family === family);
      return [
        family,
        {
          totalMs: distribution(of.map(total)),
          candidates: distribution(of.map((p) => p.candidates)),
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
      'Second pass over the same queries with the exported functions searchNames composes (lookupSlots, ' +
      'selectKeyCounts, planCandidates/widenSlots, selectCandidates, selectNameForms, decodeNameForms, ' +
      'rankCandidates), each timed apart; cpuMs is the CPU time of the whole pass for the query.',
    searchNamesMs: distribution(outcomes.map((o) => o.ms)),
    stagesMs: {
      ...(Object.fromEntries(
        STAGES.map((stage) => [stage, distribution(profiles.map((p) => p[stage]))]),
      ) as Record<(typeof STAGES)[number], Distribution>),
      candidateSqlSystemScopeMs: distribution(profiles.map((p) => p.candidateSqlSystemScopeMs)),
      totalMs: distribution(profiles.map(total)),
      cpuMs: distribution(profiles.map((p) => p.cpuMs)),
    },
    shareOfTime: { all: shareOf(profiles), slowest5Percent: shareOf(slowest) },
    candidates: distribution(profiles.map((p) => p.candidates)),
    keyCounts: distribution(profiles.map((p) => p.keyCounts)),
    weighedKeys: distribution(profiles.map((p) => p.weighedKeys)),
    weighedRows: distribution(profiles.map((p) => p.weighedRows)),
    anchored: share((p) => p.anchored),
    widened: share((p) => p.widened),
    retrievedByIndex: share((p) => p.retrieved),
    retrievalMisses: {
      note:
        'Queries whose expected person is not among the candidates: none of its keys was weighed (a typo in ' +
        'the first letters of every word), or weighed but cut by the cap (namesakes, mostly).',
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
    perFamily,
    whatIfCandidateCap: WHAT_IF_CAPS.map((cap) => ({
      cap,
      rankMs: distribution(profiles.map((p) => p.whatIf.find((w) => w.cap === cap)?.rankMs ?? 0)),
      recall: recall(
        profiles.map((p) => {
          const w = p.whatIf.find((entry) => entry.cap === cap);
          return {
            family: p.family,
            rank: w?.rank ?? null,
            namesakeRank: w?.namesakeRank ?? null,
            ms: 0,
            cpuMs: 0,
          };
        }),
      ),
    })),
  };
}

async function explainSample(bench: BenchDatabase, query: string): Promise<string[]> {
  const capture = new CapturePlugin();
  const captured = bench.db.withPlugin(capture);
  const slots = lookupSlots(query);
  const plan = planCandidates(slots, await selectKeyCounts(bench.db, lookupOfSlots(slots)));
  await selectKeyCounts(captured, lookupOfSlots(slots));
  await selectCandidates(captured, plan.keys, plan.anchorKeys, CANDIDATE_LIMIT, STAFF_SCOPE);
  const prefix =
    bench.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers, costs off) ';
  const lines: string[] = [
    `query: ${JSON.stringify(query)}`,
    `anchored: ${String(plan.anchorKeys !== null)}`,
  ];
  for (const { node, queryId } of capture.nodes) {
    const compiled = bench.db.getExecutor().compileQuery(node, queryId);
    // The plugin also sees the visibility subquery on its own, which cannot run outside its query.
    if (!/^\s*(with|select "key")/.test(compiled.sql)) continue;
    const result = await bench.db.executeQuery(
      CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
    );
    lines.push(`sql: ${compiled.sql.replace(/\s+/g, ' ')}`);
    for (const row of result.rows) {
      const record = row as Record<string, unknown>;
      const line = record['detail'] ?? record['QUERY PLAN'];
      lines.push(typeof line === 'string' ? line : JSON.stringify(record));
    }
  }
  return lines;
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
    // CPU time of this process per load phase (for PostgreSQL the server's share is not in it).
    const loadCpu = process.cpuUsage();
    let rowsCpuMs = 0;
    let indexCpuMs = 0;
    const load: LoadReport = await loadPersons(bench.db, persons, {
      chunk: options.chunk,
      onProgress: (phase, done, total) => {
        if (done === total && phase === 'rows') rowsCpuMs = cpuSince(loadCpu);
        if (done === total && phase === 'index') indexCpuMs = cpuSince(loadCpu) - rowsCpuMs;
        if (done - lastShown >= 20_000 || done === total) {
          lastShown = done === total ? 0 : done;
          log(`[${dialect}] ${phase}: ${done}/${total}`);
        }
      },
    });
    log(
      `[${dialect}] rows ${(load.rowsMs / 1000).toFixed(1)} s, index ${(load.indexBuildMs / 1000).toFixed(1)} s ` +
        `(compute ${(load.indexComputeMs / 1000).toFixed(1)} s, insert ${(load.indexInsertMs / 1000).toFixed(1)} s), ` +
        `${load.keyRows} name_keys rows; CPU time rows ${(rowsCpuMs / 1000).toFixed(1)} s, index ${(indexCpuMs / 1000).toFixed(1)} s; ` +
        `load average ${os
          .loadavg()
          .map((v) => v.toFixed(1))
          .join(' ')}`,
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
        weighedRows: p?.weighedRows ?? null,
        anchored: p?.anchored ?? null,
        widened: p?.widened ?? null,
        retrieved: p?.retrieved ?? null,
        expectedMatched: p?.expectedMatched ?? null,
        keyCountsSqlMs: r(p?.keyCountsSqlMs),
        candidateSqlMs: r(p?.candidateSqlMs),
        candidateSqlSystemScopeMs: r(p?.candidateSqlSystemScopeMs),
        formsSqlMs: r(p?.formsSqlMs),
        rankMs: r(p?.rankMs),
        profileCpuMs: r(p?.cpuMs),
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
        rowsCpuMs: round(rowsCpuMs, 1),
        indexBuildCpuMs: round(indexCpuMs, 1),
        loadAverageAfterLoad: os.loadavg().map((v) => round(v, 2)),
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
        `[${dialect}] profile (p50/p95 ms): plan ${s.planMs?.p50}/${s.planMs?.p95}, key counts SQL ${s.keyCountsSqlMs?.p50}/${s.keyCountsSqlMs?.p95}, ` +
          `candidate SQL ${s.candidateSqlMs?.p50}/${s.candidateSqlMs?.p95} (system scope ${s.candidateSqlSystemScopeMs.p50}/${s.candidateSqlSystemScopeMs.p95}), ` +
          `forms SQL ${s.formsSqlMs?.p50}/${s.formsSqlMs?.p95}, decode ${s.decodeMs?.p50}/${s.decodeMs?.p95}, rank ${s.rankMs?.p50}/${s.rankMs?.p95}; ` +
          `CPU ${s.cpuMs.p50}/${s.cpuMs.p95}; candidates p50 ${run.profile.candidates.p50}, anchored ${pct(run.profile.anchored)}, ` +
          `retrieved ${pct(run.profile.retrievedByIndex)}`,
      );
      for (const w of run.profile.whatIfCandidateCap) {
        log(
          `[${dialect}] what-if cap ${w.cap}: rank p95 ${w.rankMs.p95} ms, ` +
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
