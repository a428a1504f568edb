import type { Kysely } from 'kysely';

/*
 * Indexes on the foreign keys that had none, so that deleting the row they point to does not scan
 * the referring table: every episode deleted set its condition events' episode to null by reading
 * all condition events (about 100,000 rows at 1,000,000 persons), and a source deleted read every
 * count observation. The other unindexed references point to rows that are almost never deleted
 * (counterparts, users) from tables of a few rows each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('condition_events_episode')
    .on('condition_events')
    .column('episode_id')
    .execute();
  await db.schema
    .createIndex('count_observations_source')
    .on('count_observations')
    .column('source_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('count_observations_source').execute();
  await db.schema.dropIndex('condition_events_episode').execute();
}
