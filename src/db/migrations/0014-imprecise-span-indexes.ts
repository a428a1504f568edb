import { type Kysely, sql } from 'kysely';

/*
 * Partial indexes over the only rows whose certain span can be empty or inverted: an episode whose
 * detention or release date is imprecise (docs/decisions/0014-stock-corrections-in-sql.md). Finding
 * them was a join of every episode to its release; these indexes hold the one row in eight that needs
 * looking at. Partial indexes are the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('episodes_imprecise_detention')
    .on('episodes')
    .columns(['id', 'detained_on_hi'])
    .where(sql.ref('detained_on_lo'), '<>', sql.ref('detained_on_hi'))
    .execute();
  await db.schema
    .createIndex('releases_imprecise')
    .on('releases')
    .columns(['episode_id', 'released_on_lo'])
    .where(sql.ref('released_on_lo'), '<>', sql.ref('released_on_hi'))
    .execute();
  await db.schema
    .createIndex('releases_episode_released_on_lo')
    .on('releases')
    .columns(['episode_id', 'released_on_lo'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'releases_episode_released_on_lo',
    'releases_imprecise',
    'episodes_imprecise_detention',
  ])
    await db.schema.dropIndex(name).execute();
}
