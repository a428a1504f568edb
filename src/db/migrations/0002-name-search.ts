import type { Kysely } from 'kysely';

/*
 * Name search (docs/decisions/0003-name-search.md): one row per canonical token of every spelling
 * of a person's names, looked up by equality or by a key range on an ordinary B-tree index; and
 * redirects left by merges, so an old person id keeps working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('name_keys')
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('variant', 'text', (col) => col.notNull())
    .addColumn('system', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('name_keys_pk', ['person_id', 'key'])
    .execute();
  await db.schema.createIndex('name_keys_key').on('name_keys').columns(['key', 'person_id']).execute();

  await db.schema
    .createTable('person_redirects')
    .addColumn('old_id', 'text', (col) => col.primaryKey())
    .addColumn('person_id', 'text', (col) => col.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('merged_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('person_redirects_person').on('person_redirects').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_redirects').execute();
  await db.schema.dropTable('name_keys').execute();
}
