import type { Kysely } from 'kysely';

/*
 * Indexes for the flows at scale (docs/decisions/0015-flows-counted-per-date-in-sql.md): flows are
 * counted per recorded partial date with GROUP BY, and these make each count an index-only scan
 * (episodes.detained_on has had its index since 0001).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('releases_released_on_mode')
    .on('releases')
    .columns(['released_on', 'mode', 'batch_id'])
    .execute();
  await db.schema
    .createIndex('recognitions_recognised_on')
    .on('recognitions')
    .columns(['recognised_on', 'after_release'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['recognitions_recognised_on', 'releases_released_on_mode'])
    await db.schema.dropIndex(name).execute();
}
