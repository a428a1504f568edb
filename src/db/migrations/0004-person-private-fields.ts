import type { Kysely } from 'kysely';

/*
 * Fields stricter than their record (modules/user/access.ts RESTRICTED_FIELDS): editors' notes
 * (internal) and relatives' contacts (confidential), which must never reach the public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('internal_notes', 'text').execute();
  await db.schema.alterTable('persons').addColumn('contacts', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').dropColumn('contacts').execute();
  await db.schema.alterTable('persons').dropColumn('internal_notes').execute();
}
