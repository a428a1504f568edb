/**
 * Name search, an older tree against this one in the same process, interleaved: on a machine
 * shared with other work, back-to-back runs differ by more than the change being measured.
 *
 *   git archive <commit> src | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   npx tsx bench/name-search-ab.ts --before /tmp/before [--persons 100000] [--queries 500]
 *        [--database <a registry name-search.bench.ts --keep loaded: skips 1 and the load>]
 *
 * 1. Index compute: keys (buildNameIndexEntries) and stored forms (encodeNameForms) of every
 *    synthetic person, chunks of 1,000 alternating which tree goes first; CPU time of each, and
 *    whether both trees wrote the same bytes (SHA-256 over all of it).
 * 2. Queries: one SQLite database loaded by this tree (bench/synthetic/load.ts), then every query
 *    through both trees' searchNames with an editor's scope, alternating which goes first; CPU
 *    and wall percentiles of each, and how many queries gave identical hits and reasons.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import * as currentSearch from '../src/modules/person/name-search.service.js';
import { type Viewer, readScopeOf } from '../src/modules/user/access.js';
import * as currentForms from '../src/names/forms.js';
import * as currentMatcher from '../src/names/matcher.js';
import { BENCH_EDITOR } from './support.js';
import { asNameInput, loadPersons } from './synthetic/load.js';
import { generatePersons } from './synthetic/names.js';
import { generateQueries } from './synthetic/queries.js';

function argument(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

const beforeDir = resolve(argument('before'));
const keptIndex = process.argv.indexOf('--database');
const kept = keptIndex >= 0 ? process.argv[keptIndex + 1] : undefined;
const personCount = Number(argument('persons', '100000'));
const queryCount = Number(argument('queries', '500'));
const SEED = 20_261_123;

const before = {
  search: (await import(
    join(beforeDir, 'src/modules/person/name-search.service.ts')
  )) as typeof currentSearch,
  forms: (await import(join(beforeDir, 'src/names/forms.ts'))) as typeof currentForms,
  matcher: (await import(join(beforeDir, 'src/names/matcher.ts'))) as typeof currentMatcher,
};
const trees = {
  before,
  after: { search: currentSearch, forms: currentForms, matcher: currentMatcher },
};
type Tree = keyof typeof trees;
const orders: readonly (readonly Tree[])[] = [
  ['before', 'after'],
  ['after', 'before'],
];

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

function percentiles(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN).toFixed(1);
  return `${at(0.5)} / ${at(0.95)} / ${at(0.99)}`;
}

const persons = generatePersons(personCount, SEED);
console.log(`${personCount} persons, ${queryCount} queries; load average ${os.loadavg().join(' ')}`);

// 1. Index compute (not with a kept registry: its index was built by whichever tree loaded it).
const computeMs: Record<Tree, number> = { before: 0, after: 0 };
const digests = { before: createHash('sha256'), after: createHash('sha256') };
for (let start = 0; kept === undefined && start < persons.length; start += 1000) {
  for (const tree of orders[(start / 1000) % 2] ?? []) {
    const { matcher, forms } = trees[tree];
    const c0 = process.cpuUsage();
    for (const person of persons.slice(start, start + 1000)) {
      const inputs = person.names.map(asNameInput);
      digests[tree].update(JSON.stringify(inputs.flatMap((name) => matcher.buildNameIndexEntries(name))));
      digests[tree].update(forms.encodeNameForms(inputs));
    }
    computeMs[tree] += cpuMs(c0);
  }
}
if (kept === undefined)
  console.log(
    `index compute CPU: before ${(computeMs.before / 1000).toFixed(1)} s, after ${(computeMs.after / 1000).toFixed(1)} s; ` +
      `identical keys and forms: ${digests.before.digest('hex') === digests.after.digest('hex')}`,
  );

// 2. Queries.
const file = kept ?? join(os.tmpdir(), `unfree-ab-${process.pid}.db`);
const { db, close } = openDatabase(`sqlite:${file}`);
try {
  await migrateToLatest(db);
  if (kept === undefined) await loadPersons(db, persons);
  const editor: Viewer = BENCH_EDITOR;
  const scope = readScopeOf(editor);
  for (const query of generateQueries(persons, 50, SEED + 2))
    for (const tree of orders[0] ?? []) await trees[tree].search.searchNames(db, query.query, 20, scope);
  const cpu: Record<Tree, number[]> = { before: [], after: [] };
  const wall: Record<Tree, number[]> = { before: [], after: [] };
  let identical = 0;
  const queries = generateQueries(persons, queryCount, SEED + 1);
  for (const [index, query] of queries.entries()) {
    const answers: Partial<Record<Tree, string>> = {};
    for (const tree of orders[index % 2] ?? []) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const hits = await trees[tree].search.searchNames(db, query.query, 20, scope);
      wall[tree].push(performance.now() - t0);
      cpu[tree].push(cpuMs(c0));
      answers[tree] = JSON.stringify(hits);
    }
    if (answers.before === answers.after) identical++;
  }
  for (const tree of orders[0] ?? [])
    console.log(
      `searchNames ${tree}: CPU p50 / p95 / p99 ${percentiles(cpu[tree])} ms, wall ${percentiles(wall[tree])} ms`,
    );
  console.log(
    `identical hits and reasons: ${identical} of ${queries.length}; load average ${os.loadavg().join(' ')}`,
  );
} finally {
  await close();
  if (kept === undefined) for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
}
