/**
 * The static mirror at scale (issue 7: ≤ 5 minutes for 100,000 persons on one core). A synthetic
 * registry (`unfree generate`'s generator and bulk load) in a fresh database, ANALYZEd as an
 * operator would; then `unfree export-site` through the real service, timed wall and CPU
 * (process.cpuUsage: for SQLite that includes the SQL), with the load average before and after
 * (the machine is shared), and the cost per kind of file (time between consecutive files).
 *
 *   npx tsx bench/mirror.bench.ts --persons 10000 [--dialect sqlite|postgres|both] [--out dir]
 *   npx tsx bench/mirror.bench.ts --database-url sqlite:/tmp/m4-100k.sqlite [--out dir]
 *
 * The site is written under the system's temporary folder (TMPDIR): on this machine /tmp is the
 * disk (ext4) and /dev/shm memory (tmpfs); the result names the folder and the system CPU time.
 *
 * With --database-url the export reads a kept registry (e.g. `unfree generate --persons 100000`,
 * ANALYZEd by whoever made it): opened as it is, never migrated, analyzed, written or dropped.
 *
 * Results: bench/results/mirror-<dialect>-<N>.json; figures in docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../src/app.js';
import { type DialectName, dialectOf, openDatabase } from '../src/db/dialect.js';
import { createMirrorService } from '../src/modules/mirror/mirror.service.js';
import { syntheticRegistry } from '../src/synthetic/registry.js';
import {
  Args,
  type BenchDatabase,
  analyze,
  createBenchDatabase,
  loadAverage,
  log,
  machine,
  round,
  writeResult,
} from './support.js';

export interface MirrorBenchOptions {
  persons: number;
  dialects: DialectName[];
  pgUrl: string;
  out?: string | undefined;
  /** A kept registry to export instead of generating one. */
  databaseUrl?: string | undefined;
}

/** The registry to export: a kept one as it is, or a fresh one with `persons` synthetic persons. */
async function registryFor(
  dialect: DialectName,
  options: MirrorBenchOptions,
): Promise<{
  database: Pick<BenchDatabase, 'db' | 'drop'>;
  persons: number;
  generateSeconds: number | null;
}> {
  if (options.databaseUrl) {
    const opened = openDatabase(options.databaseUrl);
    return {
      database: { db: opened.db, drop: opened.close },
      persons: await buildServices(opened.db).persons.count(),
      generateSeconds: null,
    };
  }
  const database = await createBenchDatabase(dialect, options.pgUrl, `mirror${options.persons}`);
  log(`mirror ${dialect} ${options.persons}: generating`);
  const generateStart = performance.now();
  await buildServices(database.db).bulk.load(
    syntheticRegistry({ persons: options.persons, seed: 1, today: '2026-11-30' }),
  );
  await analyze(database.db);
  return { database, persons: options.persons, generateSeconds: (performance.now() - generateStart) / 1000 };
}

/** What a file of the mirror is, for the cost per kind. */
export function kindOfFile(file: string): string {
  if (/^(en|be|ru)\/prisoners\/[^/]+\/index\.html$/.test(file)) return 'person page';
  if (/^(en|be|ru)\/prisoners,[^/]*\/index\.html$|^(en|be|ru)\/prisoners\/index\.html$/.test(file))
    return 'list page';
  if (/^(en|be|ru)\/statistics\//.test(file))
    return file.endsWith('.csv') ? 'statistics csv' : 'statistics page';
  if (/^(en|be|ru)\/prisoners[^/]*\.(csv|json)$/.test(file)) return 'list download';
  if (/^(en|be|ru)\//.test(file)) return 'other page';
  if (file.startsWith('data/')) return 'data file';
  if (file.startsWith('feeds/persons/')) return 'person feed';
  return 'other file';
}

async function runOne(dialect: DialectName, options: MirrorBenchOptions): Promise<string> {
  const { database, persons, generateSeconds } = await registryFor(dialect, options);
  const dir = mkdtempSync(join(os.tmpdir(), 'unfree-mirror-bench-'));
  try {
    const mirror = createMirrorService({
      db: database.db,
      servicesOn: (db, viewer) => buildServices(db, undefined, { viewer }),
    });
    const perKind: Record<string, { files: number; wallMs: number }> = {};
    let last = performance.now();
    const loadBefore = loadAverage();
    const cpu = process.cpuUsage();
    const start = performance.now();
    log(`mirror ${dialect} ${persons}: exporting`);
    const result = await mirror.exportSite(join(dir, 'site'), {
      onProgress: (written, file) => {
        const now = performance.now();
        const kind = (perKind[kindOfFile(file)] ??= { files: 0, wallMs: 0 });
        kind.files += 1;
        kind.wallMs += now - last;
        last = now;
        if (written % 5000 === 0) log(`  ${written} files, ${round((now - start) / 1000, 1)} s`);
      },
    });
    const wallSeconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    // The kernel's share (system CPU) is mostly the file system's: it differs from disk to tmpfs.
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    log(
      `mirror ${dialect} ${persons}: ${result.files} files, wall ${round(wallSeconds, 1)} s, CPU ${round(cpuSeconds, 1)} s (system ${round(used.system / 1e6, 1)} s), peak RSS ${round(peakRssMiB, 0)} MiB`,
    );
    return writeResult(
      'mirror',
      dialect,
      persons,
      {
        benchmark: 'mirror',
        date: new Date().toISOString(),
        machine: machine(),
        loadAverage: { before: loadBefore, after: loadAverage() },
        persons,
        registry: options.databaseUrl ? 'kept' : 'generated',
        generateSeconds: generateSeconds === null ? null : round(generateSeconds, 1),
        export: {
          wallSeconds: round(wallSeconds, 1),
          cpuSeconds: round(cpuSeconds, 1),
          userCpuSeconds: round(used.user / 1e6, 1),
          systemCpuSeconds: round(used.system / 1e6, 1),
          peakRssMiB: round(peakRssMiB, 0),
          writtenTo: dir,
          files: result.files,
          pages: result.pages,
          downloads: result.downloads,
          megabytes: round(result.bytes / 1e6, 1),
          wallMsPerFile: round((wallSeconds * 1000) / result.files, 2),
          cpuMsPerFile: round((cpuSeconds * 1000) / result.files, 2),
        },
        perKind: Object.fromEntries(
          Object.entries(perKind).map(([kind, { files, wallMs }]) => [
            kind,
            { files, wallMsPerFile: round(wallMs / files, 2) },
          ]),
        ),
      },
      options.out,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

export async function runMirrorBench(options: MirrorBenchOptions): Promise<string[]> {
  const paths: string[] = [];
  const dialects = options.databaseUrl ? [dialectOf(options.databaseUrl)] : options.dialects;
  for (const dialect of dialects) paths.push(await runOne(dialect, options));
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = new Args(process.argv.slice(2));
  const paths = await runMirrorBench({
    persons: args.int('persons', 10_000),
    dialects: args.dialects(),
    pgUrl: args.pgUrl(),
    out: args.value('out'),
    databaseUrl: args.value('database-url'),
  });
  for (const path of paths) log(`wrote ${path}`);
}
