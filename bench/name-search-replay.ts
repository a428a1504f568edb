/**
 * Name search replayed on a registry already loaded (`name-search.bench.ts --keep` leaves its SQLite
 * file): the bench's queries through searchNames, without generating and loading 100,000 persons
 * again. For profiling (`node --cpu-prof`) and for checking that a change keeps every hit.
 *
 *   npx tsx bench/name-search-replay.ts --database /tmp/unfree-bench-….db [--persons 100000]
 *        [--queries 500] [--rounds 3] [--write hits.json | --compare hits.json] [--per-query times.json]
 *
 * Prints wall and CPU p50/p95/p99 of each round (after 50 warm-up queries) and the load average;
 * --write saves every query's hits (ids, scores, reasons), --compare counts queries whose hits differ,
 * --per-query saves each query's CPU and wall time per round (to find the tail).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { searchNames } from '../src/modules/person/name-search.service.js';
import { type Viewer, readScopeOf } from '../src/modules/user/access.js';
import { BENCH_EDITOR } from './support.js';
import { generatePersons } from './synthetic/names.js';
import { generateQueries } from './synthetic/queries.js';

function argument(name: string, fallback?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const SEED = 20_261_123;
const database = argument('database');
if (database === undefined) throw new Error('--database <loaded SQLite file> is required');
const persons = generatePersons(Number(argument('persons', '100000')), SEED);
const queries = generateQueries(persons, Number(argument('queries', '500')), SEED + 1);
const warmup = generateQueries(persons, 50, SEED + 2);
const rounds = Number(argument('rounds', '3'));

/** The bench's editor (name-search.bench.ts STAFF_VIEWER): the visibility subquery applies. */
const editor: Viewer = BENCH_EDITOR;
const scope = readScopeOf(editor);

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const summary = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  return [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1)).join(' / ');
};

const opened = openDatabase(`sqlite:${database}`);
await migrateToLatest(opened.db);
for (const query of warmup) await searchNames(opened.db, query.query, 20, scope);
let hits: unknown[] = [];
const perQuery: { query: string; family: string; cpuMs: number[]; wallMs: number[] }[] = queries.map(
  (query) => ({ query: query.query, family: query.family, cpuMs: [], wallMs: [] }),
);
for (let round = 0; round < rounds; round++) {
  const wall: number[] = [];
  const cpu: number[] = [];
  hits = [];
  const load = os.loadavg()[0]?.toFixed(2);
  for (const [index, query] of queries.entries()) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    hits.push(await searchNames(opened.db, query.query, 20, scope));
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    perQuery[index]?.cpuMs.push(cpu[cpu.length - 1] ?? 0);
    perQuery[index]?.wallMs.push(wall[wall.length - 1] ?? 0);
  }
  console.log(
    `round ${round + 1}: wall p50/p95/p99 ${summary(wall)} ms, CPU ${summary(cpu)} ms, load ${load}`,
  );
}
const timesFile = argument('per-query');
if (timesFile !== undefined) writeFileSync(timesFile, JSON.stringify(perQuery));
const written = argument('write');
if (written !== undefined) writeFileSync(written, JSON.stringify(hits));
const compared = argument('compare');
if (compared !== undefined) {
  const expected = JSON.parse(readFileSync(compared, 'utf8')) as unknown[];
  const differ = hits.filter((h, i) => JSON.stringify(h) !== JSON.stringify(expected[i])).length;
  console.log(`${hits.length - differ} of ${hits.length} queries give the same hits, scores and reasons`);
}
await opened.close();
