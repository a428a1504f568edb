/**
 * `npm run bench`: every benchmark, one after another (never two at once: they would measure each
 * other), at each size, on SQLite and PostgreSQL.
 *
 *   npm run bench -- [--sizes 10000,100000,1000000] [--dialect sqlite|postgres|both]
 *        [--only registry,http,name-search] [--duration 10] [--connections 50] [--pg-url …]
 *        [--static mirror|saved]
 *
 * Per size: registry.bench.ts (kept database; from 1,000,000 persons on, the main registry is loaded
 * with raw INSERTs, see there), then http.bench.ts on that same database, then name-search.bench.ts
 * (up to 100,000 persons; it loads its own gallery). Results in bench/results/, summary in
 * docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runHttpBench } from './http.bench.js';
import { registryOptions, runRegistryBench } from './registry.bench.js';
import { Args, dropDatabaseAt, log } from './support.js';

const args = new Args(process.argv.slice(2));
const sizes = (args.value('sizes') ?? '10000,100000')
  .split(',')
  .map((size) => Number(size.replace(/_/g, '')))
  .filter((size) => Number.isInteger(size) && size > 0);
const only = new Set((args.value('only') ?? 'registry,http,name-search').split(','));
const pgUrl = args.pgUrl();

for (const persons of sizes) {
  const large = persons >= 1_000_000;
  let kept: string[] = [];
  try {
    if (only.has('registry') || only.has('http')) {
      const options = {
        ...registryOptions(args),
        persons,
        mainLoad: large ? ('raw' as const) : ('bulk' as const),
        queries: large ? 100 : 200,
        keep: only.has('http'),
      };
      ({ kept } = await runRegistryBench(options));
    }
    if (only.has('http')) {
      for (const databaseUrl of kept) {
        await runHttpBench({
          persons,
          databaseUrl,
          dialects: [],
          duration: args.int('duration', 10),
          connections: args.int('connections', 50),
          pgUrl,
          out: args.value('out'),
          static: args.value('static') === 'saved' ? 'saved' : 'mirror',
        });
      }
    }
  } finally {
    for (const url of kept) await dropDatabaseAt(url, pgUrl);
  }
  if (only.has('name-search') && persons <= 100_000) {
    log(`name-search ${persons}`);
    const script = fileURLToPath(new URL('./name-search.bench.ts', import.meta.url));
    const dialect = args.value('dialect') ?? 'both';
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', script, '--persons', String(persons), '--dialect', dialect],
      {
        stdio: 'inherit',
      },
    );
    if (run.status !== 0) throw new Error(`name-search.bench.ts exited with ${run.status}`);
  }
}
