import { type Kysely, PostgresAdapter, sql } from 'kysely';

/*
 * How many persons have each name-search key (docs/decisions/0018-name-key-counts.md): one row per
 * distinct key of name_keys, so a query's prefix lookup reads the 75,000 distinct keys of 100,000
 * persons instead of their 775,000 index rows. Kept by triggers on name_keys, not by the
 * application: every path that writes name_keys (the person service, bulk loads, merges, restores,
 * the cascade when a person is deleted) then keeps it right without knowing it exists.
 * A key whose last person goes is removed, so the table holds exactly the keys of name_keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('name_key_counts')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('persons', 'integer', (col) => col.notNull())
    .execute();
  await sql`insert into name_key_counts (key, persons)
    select key, count(*) from name_keys group by key`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** Row triggers: SQLite has no statement-level ones. */
async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const added = (row: 'new') => sql`
    insert into name_key_counts (key, persons) values (${sql.raw(row)}.key, 1)
    on conflict (key) do update set persons = name_key_counts.persons + 1;`;
  const removed = (row: 'old') => sql`
    update name_key_counts set persons = persons - 1 where key = ${sql.raw(row)}.key;
    delete from name_key_counts where key = ${sql.raw(row)}.key and persons <= 0;`;
  await sql`create trigger name_key_counts_insert after insert on name_keys
    begin ${added('new')} end`.execute(db);
  await sql`create trigger name_key_counts_delete after delete on name_keys
    begin ${removed('old')} end`.execute(db);
  await sql`create trigger name_key_counts_update after update of key on name_keys
    when old.key is not new.key begin ${removed('old')} ${added('new')} end`.execute(db);
}

/**
 * Statement triggers over transition tables: a bulk insert of 1,000 rows costs one grouped upsert,
 * not 1,000. Keys are taken in key order so that concurrent writers lock count rows in one order.
 */
async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function name_key_counts_add() returns trigger language plpgsql as $$
    begin
      insert into name_key_counts (key, persons)
        select key, count(*) from added group by key order by key
        on conflict (key) do update set persons = name_key_counts.persons + excluded.persons;
      return null;
    end $$`.execute(db);
  await sql`create function name_key_counts_remove() returns trigger language plpgsql as $$
    begin
      update name_key_counts set persons = name_key_counts.persons - gone.persons
        from (select key, count(*) as persons from removed group by key order by key) as gone
        where name_key_counts.key = gone.key;
      delete from name_key_counts where persons <= 0 and key in (select key from removed);
      return null;
    end $$`.execute(db);
  await sql`create trigger name_key_counts_insert after insert on name_keys
    referencing new table as added for each statement execute function name_key_counts_add()`.execute(db);
  await sql`create trigger name_key_counts_delete after delete on name_keys
    referencing old table as removed for each statement execute function name_key_counts_remove()`.execute(
    db,
  );
  // Transition tables are refused with a column list (UPDATE OF key): both run on any update.
  await sql`create trigger name_key_counts_update_remove after update on name_keys
    referencing old table as removed for each statement execute function name_key_counts_remove()`.execute(
    db,
  );
  await sql`create trigger name_key_counts_update_add after update on name_keys
    referencing new table as added for each statement execute function name_key_counts_add()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const name of ['insert', 'delete', 'update_remove', 'update_add'])
      await sql`drop trigger ${sql.raw(`name_key_counts_${name}`)} on name_keys`.execute(db);
    await sql`drop function name_key_counts_add`.execute(db);
    await sql`drop function name_key_counts_remove`.execute(db);
  } else {
    for (const name of ['insert', 'delete', 'update'])
      await sql`drop trigger ${sql.raw(`name_key_counts_${name}`)}`.execute(db);
  }
  await db.schema.dropTable('name_key_counts').execute();
}
