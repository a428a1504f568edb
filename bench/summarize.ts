/**
 * Prints the tables of docs/benchmarks.md from bench/results/*.json (registry and http):
 *
 *   npx tsx bench/summarize.ts [--dir bench/results]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Args, RESULTS_DIR } from './support.js';

interface Times {
  wallMs: { p50: number; p95: number };
  cpuMs: { p50: number; p95: number };
}
interface Registry {
  dialect: string;
  parameters: { persons: number; mainLoad: string };
  machine: { loadAverageAtStart: number[] };
  loadAverageAtEnd: number[];
  /** Absent when the bench read a registry made beforehand with --sample 0. */
  loadPaths?: {
    persons: number;
    raw: { rowsPerSecond: number; rowsPerCpuSecond: number };
    bulk: { rowsPerSecond: number; rowsPerCpuSecond: number; phasesMs: Record<string, number> };
    service: { persons: number; rowsPerSecond: number; rowsPerCpuSecond: number };
    shareOfRaw: { bulk: number; service: number; bulkCpu: number; serviceCpu: number };
  };
  mainLoad: {
    path: string;
    wallMs: number;
    rows: number;
    rowsPerSecond: number | null;
    databaseSizeMiB: number;
  };
  reads: { personPage: Times; lists: Record<string, Times & { total?: number }> };
  stats: {
    episodes: number;
    monthlySeries: Times & { points: number };
    stockOnDay: Times;
    inMemoryBaseline?: { wallMs: number; cpuMs: number };
  };
  benchProcessMaxRssMiB: number;
}
interface Http {
  dialect: string;
  parameters: { persons: number; duration: number; connections: number };
  machine: { loadAverageAtStart: number[] };
  targets: Record<
    string,
    {
      dynamic: {
        requestsPerSecond: number;
        latencyMs: { p99: number };
        errors: number;
        timeouts: number;
        non2xx: number;
        serverCpuMsPerRequest: number;
      };
      static: { requestsPerSecond: number; latencyMs: { p99: number }; serverCpuMsPerRequest?: number };
      ratio: number;
      cpuRatio?: number;
    }
  >;
  serverMemory: { atEnd: { peakRssMiB: number } };
  statsRequestsMs: Record<string, number>;
}

const args = new Args(process.argv.slice(2));
const dir = args.value('dir') ?? RESULTS_DIR;
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
const read = <T>(file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
const bySize = <T extends { dialect: string; parameters: { persons: number } }>(results: T[]) =>
  results.sort((a, b) => a.parameters.persons - b.parameters.persons || a.dialect.localeCompare(b.dialect));
const registries = bySize(
  files.filter((file) => file.startsWith('registry-')).map((file) => read<Registry>(file)),
);
interface StatsResult {
  dialect: string;
  parameters: { episodes: number };
  rows: { persons: number; episodes: number; releases: number };
  check: { seriesEqual: boolean; stockEqual: boolean } | string;
  monthlySeries: Times;
  stockOnDay: Times;
  machine: { loadAverageAtStart: number[] };
  loadAverageAtEnd: number[];
}
const statsRuns = files
  .filter((file) => file.startsWith('stats-'))
  .map((file) => read<StatsResult>(file))
  .sort((a, b) => a.parameters.episodes - b.parameters.episodes || a.dialect.localeCompare(b.dialect));
const https = bySize(files.filter((file) => file.startsWith('http-')).map((file) => read<Http>(file)));
const n = (value: number) => Math.round(value).toLocaleString('en');
const pct = (value: number) => `${Math.round(value * 100)} %`;
const both = (times: Times, key: 'p50' | 'p95' = 'p50') => `${n(times.wallMs[key])} / ${n(times.cpuMs[key])}`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (columns: number) => row(Array.from({ length: columns }, () => '---'));
const out: string[] = [];

out.push('### Load paths (rows/s, wall and CPU; same rows, same run)', '');
out.push(
  row([
    'dialect',
    'persons',
    'sample',
    'raw INSERT',
    'bulk path',
    'service path',
    'bulk / raw (wall, CPU)',
    'service / raw',
    'bulk phases ms (validate, keys, diffs, waiting for workers, history, sql)',
  ]),
  rule(9),
);
for (const r of registries) {
  const p = r.loadPaths;
  if (!p) continue;
  const phases = p.bulk.phasesMs;
  out.push(
    row([
      r.dialect,
      n(r.parameters.persons),
      `${p.persons} (${p.service.persons} via services)`,
      `${n(p.raw.rowsPerSecond)} / ${n(p.raw.rowsPerCpuSecond)}`,
      `${n(p.bulk.rowsPerSecond)} / ${n(p.bulk.rowsPerCpuSecond)}`,
      `${n(p.service.rowsPerSecond)} / ${n(p.service.rowsPerCpuSecond)}`,
      `${pct(p.shareOfRaw.bulk)}, ${pct(p.shareOfRaw.bulkCpu)}`,
      pct(p.shareOfRaw.service),
      // Diffs were part of history before the worker wrote them (decision 0020, amended).
      [phases.validate, phases.nameKeys, phases.diffs, phases.waiting, phases.history, phases.sql]
        .map((v) => (v === undefined ? '–' : n(v)))
        .join(', '),
    ]),
  );
}
out.push('', '### Main registry load', '');
out.push(row(['dialect', 'persons', 'path', 'rows', 'wall s', 'rows/s', 'database MiB']), rule(7));
for (const r of registries) {
  const m = r.mainLoad;
  out.push(
    row([
      r.dialect,
      n(r.parameters.persons),
      m.path,
      n(m.rows),
      m.path === 'existing' ? '–' : n(m.wallMs / 1000),
      m.rowsPerSecond === null ? '–' : n(m.rowsPerSecond),
      n(m.databaseSizeMiB),
    ]),
  );
}
out.push('', '### Reads as the public (ms, wall / CPU of the bench process)', '');
const lists = Object.keys(registries[0]?.reads.lists ?? {});
out.push(
  row([
    'dialect',
    'persons',
    'person page p50',
    'person page p95',
    ...lists.map((list) => `list ${list} p50`),
  ]),
  rule(4 + lists.length),
);
for (const r of registries) {
  out.push(
    row([
      r.dialect,
      n(r.parameters.persons),
      both(r.reads.personPage),
      both(r.reads.personPage, 'p95'),
      ...lists.map((list) => (r.reads.lists[list] ? both(r.reads.lists[list]) : '–')),
    ]),
  );
}
out.push('', '### Statistics (ms, wall / CPU; target ≤ 1,000 at 1,000,000 episodes)', '');
out.push(
  row([
    'dialect',
    'persons',
    'episodes',
    'monthly series 10 y p50',
    'p95',
    'stock on a day p50',
    'p95',
    'before: every episode in memory',
    'load average start → end',
  ]),
  rule(9),
);
for (const r of registries) {
  const s = r.stats;
  out.push(
    row([
      r.dialect,
      n(r.parameters.persons),
      n(s.episodes),
      both(s.monthlySeries),
      both(s.monthlySeries, 'p95'),
      both(s.stockOnDay),
      both(s.stockOnDay, 'p95'),
      s.inMemoryBaseline ? `${n(s.inMemoryBaseline.wallMs)} / ${n(s.inMemoryBaseline.cpuMs)}` : 'not run',
      `${r.machine.loadAverageAtStart[0]} → ${r.loadAverageAtEnd[0]}`,
    ]),
  );
}
out.push('', '### Statistics on SQL-written episodes (bench/stats.bench.ts; ms, wall / CPU)', '');
out.push(
  row([
    'dialect',
    'episodes',
    'persons',
    'monthly series 10 y p50',
    'p95',
    'stock on a day p50',
    'p95',
    'equal to stats/stock.ts',
    'load average start → end',
  ]),
  rule(9),
);
for (const s of statsRuns) {
  out.push(
    row([
      s.dialect,
      n(s.rows.episodes),
      n(s.rows.persons),
      both(s.monthlySeries),
      both(s.monthlySeries, 'p95'),
      both(s.stockOnDay),
      both(s.stockOnDay, 'p95'),
      typeof s.check === 'string' ? 'not checked' : s.check.seriesEqual && s.check.stockEqual ? 'yes' : 'NO',
      `${s.machine.loadAverageAtStart[0]} → ${s.loadAverageAtEnd[0]}`,
    ]),
  );
}
out.push('', '### Load test over loopback (dynamic vs static, same run)', '');
out.push(
  row([
    'dialect',
    'persons',
    'target',
    'dynamic req/s',
    'static req/s',
    'ratio',
    'dynamic p99 ms',
    'static p99 ms',
    'errors',
    'server CPU ms/request (dynamic, static)',
    'CPU ratio',
  ]),
  rule(11),
);
for (const h of https) {
  for (const [name, t] of Object.entries(h.targets)) {
    out.push(
      row([
        h.dialect,
        n(h.parameters.persons),
        name,
        n(t.dynamic.requestsPerSecond),
        n(t.static.requestsPerSecond),
        pct(t.ratio),
        n(t.dynamic.latencyMs.p99),
        n(t.static.latencyMs.p99),
        t.dynamic.errors + t.dynamic.timeouts + t.dynamic.non2xx,
        `${t.dynamic.serverCpuMsPerRequest}, ${t.static.serverCpuMsPerRequest ?? '–'}`,
        t.cpuRatio === undefined ? '–' : pct(t.cpuRatio),
      ]),
    );
  }
}
out.push('', '### Server memory (peak RSS, MiB; target ≤ 500 with 1,000,000 persons)', '');
out.push(
  row([
    'dialect',
    'persons',
    'peak RSS',
    'stats requests ms (series, stock)',
    'connections',
    'seconds per target',
  ]),
  rule(6),
);
for (const h of https) {
  out.push(
    row([
      h.dialect,
      n(h.parameters.persons),
      h.serverMemory.atEnd.peakRssMiB,
      Object.values(h.statsRequestsMs).map(n).join(', '),
      h.parameters.connections,
      h.parameters.duration,
    ]),
  );
}
process.stdout.write(`${out.join('\n')}\n`);
