/**
 * The public export at scale: N synthetic persons (bench/synthetic/), each public with one
 * detention episode, loaded in bulk into a fresh SQLite file; then the export document, the CSV
 * tables and the downloads (JSON, Popolo, CSV, checksums) are built through the real services and
 * timed, wall and CPU time apart (the machine is shared).
 *
 *   npx tsx bench/export.bench.ts [--persons 10000]
 *
 * Figures: docs/benchmarks.md.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../src/app.js';
import { openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { loadPersons } from './synthetic/load.js';
import { generatePersons } from './synthetic/names.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  console.log(
    `${label.padEnd(28)} wall ${((performance.now() - start) / 1000).toFixed(1)} s, cpu ${((used.user + used.system) / 1e6).toFixed(1)} s`,
  );
  return result;
}

const count = argument('persons', 10_000);
const file = join(os.tmpdir(), `unfree-export-bench-${process.pid}.db`);
const database = openDatabase(`sqlite:${file}`);
try {
  await migrateToLatest(database.db);
  const persons = generatePersons(count, 20261201);
  await loadPersons(database.db, persons);
  await database.db.updateTable('persons').set({ visibility: 'public' }).execute();
  const now = '2026-01-01T00:00:00.000Z';
  for (let start = 0; start < persons.length; start += 2000) {
    await database.db
      .insertInto('episodes')
      .values(
        persons.slice(start, start + 2000).map((person, index) => ({
          id: person.id.replace(/^.{8}/, (start + index).toString(16).padStart(8, 'e')),
          personId: person.id,
          detainedOn: '2021-08',
          detainedOnLo: '2021-08-01',
          detainedOnHi: '2021-08-31',
          visibility: 'public',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  }
  const services = buildServices(database.db);
  console.log(`${count} public persons, ${count} episodes (SQLite, Node ${process.version})`);
  const document = await timed('export document (JSON)', () => services.exports.document());
  await timed('CSV tables', () => services.exports.csv());
  const downloads = await timed('all downloads + checksums', () => services.exports.downloads());
  const bytes = downloads.files.reduce((sum, entry) => sum + entry.content.length, 0);
  console.log(
    `${document.persons.length} persons exported; downloads ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${downloads.files.length} files`,
  );
} finally {
  await database.close();
  for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
}
