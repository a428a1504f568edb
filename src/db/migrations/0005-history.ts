import type { Kysely } from 'kysely';

/*
 * Append-only, hash-chained history (docs/decisions/0005-history.md). revision_head holds the last
 * sequence number and hash; every change updates it first, which serialises writers on both
 * dialects (a row lock on PostgreSQL, the single writer on SQLite) so the chain never forks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('revisions')
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('diff', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('revisions_record')
    .on('revisions')
    .columns(['entity', 'record_id', 'seq'])
    .execute();

  await db.schema
    .createTable('revision_head')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();
  await db
    .insertInto('revision_head' as never)
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('revision_head').execute();
  await db.schema.dropTable('revisions').execute();
}
