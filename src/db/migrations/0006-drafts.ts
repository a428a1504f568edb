import type { Kysely } from 'kysely';

/*
 * The review workflow (docs/decisions/0006-review-workflow.md): a change by an editor who may not
 * publish is kept here as a draft, outside the registry's tables, until a reviewer publishes it.
 * The public therefore only ever reads published state.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target_id', 'text')
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('visibility', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('reviewer_id', 'text', (col) => col.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('result_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('drafts_status').on('drafts').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('drafts_target').on('drafts').columns(['kind', 'target_id']).execute();
  await db.schema.createIndex('drafts_author').on('drafts').columns(['author_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('drafts').execute();
}
