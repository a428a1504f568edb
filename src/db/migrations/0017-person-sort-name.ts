import { type Kysely, sql } from 'kysely';

/*
 * The sort key of the list of persons by name, kept on the person (docs/decisions/0020): the folded
 * primary name, else the first one entered — what the list computed per row with a correlated
 * subquery, which made every list sorted by name read and sort every matching person (321 ms of CPU
 * for the held persons at 100,000). Written with the names (person.repository replaceNames, bulk
 * loads); filled here for the persons already stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('sort_name', 'text').execute();
  await sql`
    update persons set sort_name = (
      select person_names.folded from person_names
      where person_names.person_id = persons.id
      order by person_names.is_primary desc, person_names.position
      limit 1
    )`.execute(db);
  await db.schema.createIndex('persons_sort_name').on('persons').columns(['sort_name', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('persons_sort_name').execute();
  await db.schema.alterTable('persons').dropColumn('sort_name').execute();
}
