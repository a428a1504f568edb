/**
 * What the first render of the home page and of the flows endpoint costs the server on a registry
 * (issue 9's memory target): peak RSS and CPU of this process around an in-process `app.inject`,
 * with an empty page cache (as after any change to the registry).
 *
 *   npx tsx bench/home-page.bench.ts --database-url sqlite:/path/to/registry.sqlite [--path /en/]
 *
 * For SQLite the CPU includes the SQL; for PostgreSQL it does not include the server's.
 * Peak RSS is the process's high-water mark (`resourceUsage().maxRSS`), read before and after.
 */
import { buildApp, buildServices } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { Args, loadAverage, log, round } from './support.js';

const MiB = 1024 * 1024;
const args = new Args(process.argv.slice(2));
const databaseUrl = args.value('database-url');
if (!databaseUrl) throw new Error('--database-url is required');
const paths = [args.value('path') ?? '/en/', '/api/v1/stats/flows?granularity=month'];

const database = openDatabase(databaseUrl);
await migrateToLatest(database.db);
const config = loadConfig({ databaseUrl, seedDemo: 'never' });
const app = await buildApp({
  config,
  servicesFor: (viewer) => buildServices(database.db, undefined, { viewer }),
  databaseLabel: database.location,
});
await app.ready();
const rows = [];
for (const path of paths) {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss / MiB;
  const peakBefore = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const response = await app.inject({ method: 'GET', url: path });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (response.statusCode !== 200) throw new Error(`${path}: HTTP ${response.statusCode}`);
  rows.push({
    path,
    wallMs: round(wallMs, 0),
    cpuMs: round((used.user + used.system) / 1000, 0),
    rssBeforeMiB: round(rssBefore, 0),
    peakRssBeforeMiB: round(peakBefore, 0),
    peakRssAfterMiB: round(process.resourceUsage().maxRSS / 1024, 0),
    loadAverage: loadAverage(),
  });
}
for (const row of rows) log(JSON.stringify(row));
await app.close();
await database.close();
