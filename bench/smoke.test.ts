import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runHttpBench } from './http.bench.js';
import { runMirrorBench } from './mirror.bench.js';
import { runRegistryBench } from './registry.bench.js';
import { testDialects } from '../test/database.js';

/**
 * CI-sized runs of the benchmarks (tiny N, seconds): they must still run and write results of the
 * expected shape with sane values, so the benchmark code cannot rot. Timings are not checked.
 */
const out = mkdtempSync(join(os.tmpdir(), 'unfree-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

interface Rate {
  rows: number;
  tables: Record<string, number>;
}
interface RegistryResult {
  benchmark: string;
  machine: { cores: number };
  loadPaths: {
    raw: Rate;
    bulk: Rate;
    service: Rate;
    shareOfRaw: Record<string, number>;
    rounds?: unknown[];
  };
  mainLoad: { tables: Record<string, number> };
  reads: { personPage: { wallMs: object }; lists: { held: { total: number } } };
  stats: {
    episodes: number;
    monthlySeries: { points: number };
    stockOnDay: { held: { min: number; max: number } };
    inMemoryBaseline: { sameStock: boolean };
  };
}
interface Load {
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface MirrorResult {
  benchmark: string;
  persons: number;
  loadAverage: { before: number[] };
  export: { files: number; pages: number; cpuSeconds: number };
  perKind: Record<string, { files: number }>;
}
interface HttpResult {
  targets: Record<string, { dynamic: Load; static: Load; ratio: number }>;
  serverMemory: { atEnd: { peakRssMiB: number } };
  staticSource: Record<string, string>;
  mirrorExport: { files: number } | null;
  statsRequestsMs: Record<string, number>;
}

const isDistribution = (value: object, n: number) => {
  const { n: count, p50, p95, max } = value as Record<string, number>;
  expect(count).toBe(n);
  for (const figure of [p50, p95, max]) expect(figure).toBeGreaterThanOrEqual(0);
  expect(p50).toBeLessThanOrEqual(p95 ?? 0);
};

describe('benchmarks at CI size', () => {
  it(
    'registry.bench.ts: load paths, reads and statistics on every dialect',
    { timeout: 180_000 },
    async () => {
      const { paths } = await runRegistryBench({
        persons: 60,
        dialects: testDialects(),
        seed: 3,
        sample: 30,
        loadRounds: 2,
        mainLoad: 'bulk',
        queries: 5,
        statsRuns: 1,
        oldStats: true,
        pgUrl: inject('postgresUrl') ?? '',
        out,
        keep: false,
      });
      expect(paths).toHaveLength(testDialects().length);
      for (const path of paths) {
        const result = read<RegistryResult>(path);
        expect(result.benchmark).toBe('registry');
        const { raw, bulk, service, shareOfRaw } = result.loadPaths;
        // The same rows by the raw and the bulk path; every path writes history.
        expect(bulk.rows).toBe(raw.rows);
        expect(raw.tables.revisions).toBeGreaterThan(30);
        expect(service.rows).toBeGreaterThan(0);
        for (const share of Object.values(shareOfRaw)) expect(share).toBeGreaterThan(0);
        expect(result.loadPaths.rounds).toHaveLength(2);
        expect(result.mainLoad.tables.persons).toBe(60);
        expect(result.mainLoad.tables.episodes).toBeGreaterThanOrEqual(60);
        isDistribution(result.reads.personPage.wallMs, 5);
        expect(result.reads.lists.held.total).toBeGreaterThan(0);
        expect(result.stats.episodes).toBe(result.mainLoad.tables.episodes);
        expect(result.stats.monthlySeries.points).toBe(120);
        expect(result.stats.stockOnDay.held.min).toBeLessThanOrEqual(result.stats.stockOnDay.held.max);
        expect(result.stats.stockOnDay.held.max).toBeLessThanOrEqual(60);
        expect(result.stats.inMemoryBaseline.sameStock).toBe(true);
        expect(result.machine.cores).toBeGreaterThan(0);
      }
    },
  );

  it(
    'http.bench.ts: every target served dynamically and statically with no errors',
    { timeout: 180_000 },
    async () => {
      const [path] = await runHttpBench({
        persons: 30,
        dialects: ['sqlite'],
        duration: 1,
        connections: 2,
        pgUrl: '',
        out,
      });
      const result = read<HttpResult>(path!);
      expect(Object.keys(result.targets)).toEqual([
        'home',
        'person page',
        'search page',
        'person',
        'search',
        'list',
      ]);
      for (const target of Object.values(result.targets)) {
        for (const side of [target.dynamic, target.static]) {
          expect(side.requests).toBeGreaterThan(0);
          expect(side.errors + side.timeouts + side.non2xx).toBe(0);
        }
        expect(target.ratio).toBeGreaterThan(0);
      }
      // The pages' static side is the site's own static mirror; the API's, the saved responses.
      expect(result.staticSource).toMatchObject({
        home: 'mirror: en/index.html',
        'search page': 'mirror: be/search/index.html',
        person: 'saved response',
      });
      expect(result.staticSource['person page']).toMatch(/^mirror: en\/prisoners\/[\w-]+\/index\.html$/);
      expect(result.mirrorExport?.files).toBeGreaterThan(30);
      expect(result.serverMemory.atEnd.peakRssMiB).toBeGreaterThan(10);
      expect(Object.keys(result.statsRequestsMs)).toHaveLength(2);
    },
  );

  it(
    'mirror.bench.ts: the static mirror of a small registry on every dialect',
    { timeout: 240_000 },
    async () => {
      const paths = await runMirrorBench({
        persons: 40,
        dialects: testDialects(),
        pgUrl: inject('postgresUrl') ?? '',
        out,
      });
      expect(paths).toHaveLength(testDialects().length);
      for (const path of paths) {
        const result = read<MirrorResult>(path);
        expect(result.benchmark).toBe('mirror');
        expect(result.persons).toBe(40);
        // One profile page per public person per locale, and the rest of the site.
        expect(result.perKind['person page']?.files).toBeGreaterThan(30);
        expect(result.perKind['person page']?.files).toBeLessThanOrEqual(3 * 40);
        expect(result.export.pages).toBeGreaterThan(result.perKind['person page']?.files ?? 0);
        expect(result.export.files).toBeGreaterThan(result.export.pages);
        expect(result.export.cpuSeconds).toBeGreaterThan(0);
        expect(result.loadAverage.before).toHaveLength(3);
      }
    },
  );
});
