import type { Kysely } from 'kysely';

/*
 * Name search ranking data (docs/decisions/0011-name-search-at-scale.md): per person, the stored
 * names with the canonical token groups of all their spellings, computed when the names are
 * written, so that ranking a candidate does not romanize its names again at query time.
 * Derived from person_names like name_keys; rebuilt by `unfree db reindex-names`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('name_forms')
    .addColumn('person_id', 'text', (col) => col.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('forms', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('name_forms').execute();
}
