import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import {
  createTestDatabase,
  describeEachDialect,
  testDialects,
  type TestDatabase,
} from '../../../test/database.js';
import { aPerson, anEpisode, fixedClock } from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { seedDemo } from '../demo/demo.seed.js';
import { BACKUP_TABLES, DERIVED_TABLES, readTable } from './backup.repository.js';
import { backupTo, restoreFrom } from './backup.service.js';

const datasetClock = () => new Date('2026-11-23T12:00:00.000Z');

/** Every row of every table, in primary-key order: what a round trip must preserve. */
async function everything(database: TestDatabase): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES) {
    all[table] = [];
    for await (const rows of readTable(database.db, table)) all[table].push(...rows);
  }
  // Derived while restoring (by triggers), so equal only if the restore rebuilt them.
  all['nameKeyCounts'] = await database.db.selectFrom('nameKeyCounts').selectAll().orderBy('key').execute();
  all['stockDayDeltas'] = await database.db
    .selectFrom('stockDayDeltas')
    .selectAll()
    .where((eb) => eb.or([eb('certain', '<>', 0), eb('possible', '<>', 0)]))
    .orderBy('day')
    .execute();
  all['stockCorrections'] = await database.db
    .selectFrom('stockCorrections')
    .selectAll()
    .orderBy('personId')
    .orderBy('day')
    .execute();
  return all;
}

describeEachDialect('backup and restore', (database, dialect) => {
  const file = join(tmpdir(), `unfree-backup-${process.pid}-${dialect}.jsonl`);
  beforeAll(async () => {
    await seedDemo(database().db, datasetClock);
    const services = buildServices(database().db, fixedClock);
    await services.users.add({
      email: 'synthetic-backup@example.org',
      displayName: 'Synthetic',
      role: 'editor',
      password: 'synthetic test password',
      canPublish: false,
      confidentialAccess: false,
    });
    const person = await services.persons.create(
      aPerson({ contacts: 'synthetic confidential contact', anonymous: true }),
    );
    await services.episodes.create(anEpisode(person.id));
    await services.proposals.ingest({
      text: 'Belarus released 9 prisoners on Friday, including Synthetic Backupava.',
      country: 'BY',
      visibility: 'internal',
    });
  });
  afterAll(() => rmSync(file, { force: true }));

  it('round-trips every table into a fresh database of each dialect, history intact', async () => {
    const counts = await backupTo(database().db, file);
    expect(counts.persons).toBeGreaterThan(20);
    expect(counts.proposals).toBeGreaterThan(0);
    expect(counts.revisions).toBeGreaterThan(100);
    const original = await everything(database());
    for (const target of testDialects()) {
      const fresh = await createTestDatabase(target);
      try {
        await restoreFrom(fresh.db, file);
        expect(await everything(fresh), `${dialect} → ${target}`).toEqual(original);
        expect((await buildServices(fresh.db).history.verify()).ok).toBe(true);
      } finally {
        await fresh.drop();
      }
    }
  });

  it('backs up every table the migrations create, so a new table cannot be left out', async () => {
    const tables = await database().db.introspection.getTables();
    const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    const inDatabase = tables.map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
    expect([...inDatabase].sort()).toEqual([...BACKUP_TABLES, ...DERIVED_TABLES].map(snake).sort());
  });

  it('refuses to restore into a database that holds data, and writes nothing', async () => {
    const before = await tableCounts(database().db);
    await expect(restoreFrom(database().db, file)).rejects.toThrow(/needs an empty database/);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('refuses a truncated or foreign file, and writes nothing', async () => {
    const fresh = await createTestDatabase(dialect);
    try {
      const truncated = `${file}.truncated`;
      writeFileSync(
        truncated,
        `${JSON.stringify({ format: 'unfree-backup', version: 1, createdAt: 'x', tables: { persons: 5 } })}\n`,
      );
      const empty = await tableCounts(fresh.db);
      await expect(restoreFrom(fresh.db, truncated)).rejects.toThrow(
        /incomplete: persons should have 5 rows/,
      );
      expect(await tableCounts(fresh.db)).toEqual(empty);
      writeFileSync(truncated, '{"hello": "world"}\n');
      await expect(restoreFrom(fresh.db, truncated)).rejects.toThrow(/not an unfree backup/);
      rmSync(truncated, { force: true });
    } finally {
      await fresh.drop();
    }
  });
});
