import type { Kysely } from 'kysely';

/*
 * Imports (docs/decisions/0008-imports-and-exports.md): every committed import is a row with its
 * file's SHA-256, the mapping it used and what it did; column mappings are saved by a name the
 * user gives (one per source list) and reused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('mapping_name', 'text')
    .addColumn('mapping', 'text')
    .addColumn('counts', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('imports_sha256').on('imports').column('sha256').execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('mapping', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.dropTable('imports').execute();
}
