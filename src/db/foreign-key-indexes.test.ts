import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/database.js';

/**
 * References whose target is almost never deleted, from tables of a few rows: deleting a
 * counterpart or a user may read them whole (migration 0019).
 */
const UNINDEXED_ON_PURPOSE = new Set([
  'batch_counterparts.counterpart_id',
  'concessions.given_by_id',
  'drafts.reviewer_id',
]);

interface Reference {
  reference: string;
  indexed: boolean;
}

describeEachDialect('foreign keys', (database) => {
  it('have an index led by their column, so that deleting what they point to reads no whole table', async () => {
    const { db, dialect } = database();
    const references =
      dialect === 'sqlite'
        ? await sql<Reference>`
            select fk."table" || '.' || fk."from" as reference,
              exists (
                select 1 from pragma_index_list(m.name) as il
                join pragma_index_info(il.name) as ii on ii.seqno = 0
                where ii.name = fk."from"
              ) or exists (
                select 1 from pragma_table_info(m.name) as ti where ti.pk = 1 and ti.name = fk."from"
              ) as indexed
            from sqlite_master as m
            join (select m2.name as "table", f."from" from sqlite_master as m2, pragma_foreign_key_list(m2.name) as f
                  where m2.type = 'table') as fk on fk."table" = m.name
            where m.type = 'table'`.execute(db)
        : await sql<Reference>`
            select c.conrelid::regclass::text || '.' || a.attname as reference,
              exists (
                select 1 from pg_index as i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
              ) as indexed
            from pg_constraint as c
            join pg_attribute as a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
            where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(db);
    const found = references.rows.map((row) => ({ reference: row.reference, indexed: Boolean(row.indexed) }));
    expect(found.map((row) => row.reference)).toContain('condition_events.episode_id');
    const missing = found
      .filter((row) => !row.indexed && !UNINDEXED_ON_PURPOSE.has(row.reference))
      .map((row) => row.reference);
    expect(missing).toEqual([]);
  });
});
