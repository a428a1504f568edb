import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/database.js';
import { migrateToLatest } from './migrate.js';
import * as flowIndexes from './migrations/0015-flow-indexes.js';

describeEachDialect('migrations', (database) => {
  it('takes an earlier-numbered migration merged after a later one has run', async () => {
    const { db } = database();
    // As if branch 0015 had been merged after 0017 ran on this database.
    await flowIndexes.down(db as never);
    await sql`delete from kysely_migration where name = '0015-flow-indexes'`.execute(db);

    const result = await migrateToLatest(db);
    expect(result.results?.map((migration) => [migration.migrationName, migration.status])).toEqual([
      ['0015-flow-indexes', 'Success'],
    ]);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(rows.map((row) => row.name)).toContain('0015-flow-indexes');
    expect((await migrateToLatest(db)).results).toEqual([]);
  });
});
