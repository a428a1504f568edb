import type { Kysely } from 'kysely';

/*
 * Indexes for the stock series at scale (docs/decisions/0009-benchmarks-bulk-load-and-stock-in-sql.md):
 * the series counts detentions and releases per day bound, each with an index-only scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('episodes_detained_on_lo').on('episodes').column('detained_on_lo').execute();
  await db.schema.createIndex('episodes_detained_on_hi').on('episodes').column('detained_on_hi').execute();
  await db.schema.createIndex('releases_released_on_lo').on('releases').column('released_on_lo').execute();
  await db.schema.createIndex('releases_released_on_hi').on('releases').column('released_on_hi').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'releases_released_on_hi',
    'releases_released_on_lo',
    'episodes_detained_on_hi',
    'episodes_detained_on_lo',
  ])
    await db.schema.dropIndex(name).execute();
}
