import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/*
 * The stock kept on write (docs/decisions/0021-stock-kept-by-triggers.md): per day, the change in
 * persons certainly and possibly held, so the monthly series and the stock on a day read a few
 * thousand day rows instead of a million episodes.
 *
 * stock_day_deltas(day, certain, possible) = the day's naive change (episodes whose detained_on_hi /
 * detained_on_lo is that day, minus releases whose released_on_lo / released_on_hi is) plus the sum of
 * every person's correction on that day. stock_corrections holds each person's correction (the same
 * arithmetic as stats.repository's full recomputation, decision 0014: overlapping episodes of one
 * person counted once, inverted certain spans given back), kept so that a change to a person replaces
 * their old correction in the day sums by the new one. Only persons with several episodes or an
 * inverted span have rows.
 *
 * Kept by triggers on episodes and releases, not by the application: the services, bulk loads,
 * imports, merges, drafts publishing, restores and the cascades of a person's delete all write
 * through them. Day rows that fall to zero stay (a few thousand days at most); reads skip them.
 */
const OPEN_END = '9999-12-31';

/** Which persons a correction is computed for: a condition on the episode's person column. */
type PersonFilter = (personColumn: RawBuilder<unknown>) => RawBuilder<unknown>;

/**
 * (person_id, day, certain, possible) of the persons `persons` selects, rows with a zero change left
 * out. Written without WITH: SQLite refuses common table expressions inside triggers.
 */
export function correctionsOf(persons: PersonFilter): RawBuilder<unknown> {
  const person = persons(sql.ref('ep.person_id'));
  const inverted = sql`episodes ep join releases r on r.episode_id = ep.id
     where ${person} and r.released_on_lo < ep.detained_on_hi
       and (ep.detained_on_lo <> ep.detained_on_hi or r.released_on_lo <> r.released_on_hi)`;
  return sql`
    select person_id, day,
           sum(case when certain = 1 then delta else 0 end) as certain,
           sum(case when certain = 0 then delta else 0 end) as possible
      from (
        select d.person_id, case when k.opening = 1 then d.s else d.until end as day, d.certain,
               case when k.opening = 1 then -1 else 1 end as delta
          from (
            select person_id, certain, s, case when e is not null and e < reach then e else reach end as until
              from (
                select certain, person_id, s, e,
                       max(coalesce(e, ${sql.lit(OPEN_END)})) over (
                         partition by certain, person_id order by s, id
                         rows between unbounded preceding and 1 preceding) as reach
                  from (
                    select 1 as certain, ep.person_id, ep.id, ep.detained_on_hi as s, r.released_on_lo as e
                      from episodes ep left join releases r on r.episode_id = ep.id
                     where ${person} and (r.released_on_lo is null or r.released_on_lo > ep.detained_on_hi)
                    union all
                    select 0, ep.person_id, ep.id, ep.detained_on_lo, r.released_on_hi
                      from episodes ep left join releases r on r.episode_id = ep.id
                     where ${person} and (r.released_on_hi is null or r.released_on_hi > ep.detained_on_lo)
                  ) spans
              ) reached
             where reach > s
          ) d
          join (select 1 as opening union all select 0) k on k.opening = 1 or d.until < ${sql.lit(OPEN_END)}
        union all
        select ep.person_id, r.released_on_lo, 1, 1 from ${inverted}
        union all
        select ep.person_id, ep.detained_on_hi, 1, -1 from ${inverted}
      ) deltas
     group by person_id, day
    having sum(case when certain = 1 then delta else 0 end) <> 0
        or sum(case when certain = 0 then delta else 0 end) <> 0`;
}

/** Adds (day, certain, possible) rows to the day sums; `rows` must be grouped by day. */
const addToDays = (rows: RawBuilder<unknown>) => sql`
  insert into stock_day_deltas (day, certain, possible) ${rows}
  on conflict (day) do update set certain = stock_day_deltas.certain + excluded.certain,
                                  possible = stock_day_deltas.possible + excluded.possible;`;

/**
 * The day rows that episode or release rows add (sign 1) or take away (sign −1), grouped by day:
 * `column` names a column of those rows (`new.x` in a SQLite trigger, `added.x` from a transition
 * table) and `from` is where they come from (nothing for a SQLite trigger's one row).
 */
function boundsOf(
  table: 'episodes' | 'releases',
  sign: 1 | -1,
  column: (name: string) => RawBuilder<unknown>,
  from: RawBuilder<unknown>,
) {
  // An episode starts being held on its bounds, a release ends it: releases count negatively.
  const s = sql.lit(table === 'episodes' ? sign : -sign);
  const [certain, possible] =
    table === 'episodes' ? ['detained_on_hi', 'detained_on_lo'] : ['released_on_lo', 'released_on_hi'];
  return sql`select day, sum(certain) as certain, sum(possible) as possible from (
      select ${column(certain)} as day, ${s} as certain, 0 as possible ${from}
      union all
      select ${column(possible)}, 0, ${s} ${from}
    ) bounds group by day order by day`;
}

/** Replaces the corrections of the persons `persons` selects, in the table and in the day sums. */
const refresh = (persons: PersonFilter) => sql`
  ${addToDays(sql`select day, -sum(certain), -sum(possible) from stock_corrections
    where ${persons(sql.ref('person_id'))} group by day order by day`)}
  delete from stock_corrections where ${persons(sql.ref('person_id'))};
  insert into stock_corrections (person_id, day, certain, possible) ${correctionsOf(persons)};
  ${addToDays(sql`select day, sum(certain), sum(possible) from stock_corrections
    where ${persons(sql.ref('person_id'))} group by day order by day`)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stock_day_deltas')
    .addColumn('day', 'text', (col) => col.primaryKey())
    .addColumn('certain', 'integer', (col) => col.notNull())
    .addColumn('possible', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('stock_corrections')
    .addColumn('person_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('certain', 'integer', (col) => col.notNull())
    .addColumn('possible', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('stock_corrections_pkey', ['person_id', 'day'])
    .execute();
  await backfill(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/**
 * One index-only GROUP BY per bound (migration 0011), then the corrections of the persons that can
 * have one: several episodes, or an inverted certain span (found through migration 0014's indexes).
 */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const bounds = [
    ['episodes', 'detained_on_hi', 1, 0],
    ['episodes', 'detained_on_lo', 0, 1],
    ['releases', 'released_on_lo', -1, 0],
    ['releases', 'released_on_hi', 0, -1],
  ] as const;
  for (const [table, column, certain, possible] of bounds) {
    await sql`${addToDays(sql`select ${sql.ref(column)}, ${sql.lit(certain)} * count(*), ${sql.lit(possible)} * count(*)
      from ${sql.table(table)} group by ${sql.ref(column)} order by ${sql.ref(column)}`)}`.execute(db);
  }
  await sql`create temporary table stock_irregular_persons as
    select person_id from episodes group by person_id having count(*) > 1
    union
    select e.person_id from episodes e join releases r on r.episode_id = e.id
     where e.detained_on_lo <> e.detained_on_hi and r.released_on_lo < e.detained_on_hi
    union
    select e.person_id from releases r join episodes e on e.id = r.episode_id
     where r.released_on_lo <> r.released_on_hi and r.released_on_lo < e.detained_on_hi`.execute(db);
  await sql`insert into stock_corrections (person_id, day, certain, possible)
    ${correctionsOf((person) => sql`${person} in (select person_id from stock_irregular_persons)`)}`.execute(
    db,
  );
  await sql`drop table stock_irregular_persons`.execute(db);
  await sql`${addToDays(sql`select day, sum(certain), sum(possible) from stock_corrections
    group by day order by day`)}`.execute(db);
}

/**
 * Row triggers (SQLite has no statement-level ones). The naive bounds are added and taken away row by
 * row; a person's correction is recomputed only when it can be non-empty or was (several episodes, an
 * inverted span, or rows kept), so loading a million first episodes costs no window query.
 */
async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const row = (name: 'new' | 'old', table: 'episodes' | 'releases', sign: 1 | -1) =>
    addToDays(boundsOf(table, sign, (column) => sql.raw(`${name}.${column}`), sql``));
  const personOf = (name: 'new' | 'old', table: 'episodes' | 'releases') =>
    table === 'episodes'
      ? sql.raw(`${name}.person_id`)
      : sql.raw(`(select person_id from episodes where id = ${name}.episode_id)`);
  const needed = (person: RawBuilder<unknown>) => sql`
    exists (select 1 from stock_corrections where person_id = ${person})
    or (select count(*) from (select 1 from episodes where person_id = ${person} limit 2) two) > 1
    or exists (select 1 from episodes ep join releases r on r.episode_id = ep.id
                where ep.person_id = ${person} and r.released_on_lo < ep.detained_on_hi)`;
  const refreshOf = (person: RawBuilder<unknown>) => refresh((column) => sql`${column} = ${person}`);
  const columns = {
    episodes: 'person_id, detained_on_lo, detained_on_hi',
    releases: 'episode_id, released_on_lo, released_on_hi',
  };
  for (const table of ['episodes', 'releases'] as const) {
    const on = sql.table(table);
    const update = sql.raw(`after update of ${columns[table]} on ${table}`);
    const trigger = (name: string) => sql.raw(`stock_${table}_${name}`);
    await sql`create trigger ${trigger('insert')} after insert on ${on}
      begin ${row('new', table, 1)} end`.execute(db);
    await sql`create trigger ${trigger('delete')} after delete on ${on}
      begin ${row('old', table, -1)} end`.execute(db);
    await sql`create trigger ${trigger('update')} ${update}
      begin ${row('old', table, -1)} ${row('new', table, 1)} end`.execute(db);
    for (const [event, name, suffix] of [
      [sql`after insert on ${on}`, 'new', 'insert_new_person'],
      [sql`after delete on ${on}`, 'old', 'delete_old_person'],
      [update, 'old', 'update_old_person'],
      [update, 'new', 'update_new_person'],
    ] as const) {
      const person = personOf(name, table);
      await sql`create trigger ${trigger(suffix)} ${event} when ${needed(person)}
        begin ${refreshOf(person)} end`.execute(db);
    }
  }
}

/**
 * Statement triggers over transition tables: a bulk insert of 1,000 episodes costs one grouped upsert
 * and one correction query over its persons. Day rows are taken in day order so that concurrent
 * writers lock them in one order.
 */
async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function stock_refresh(touched text[]) returns void language plpgsql as $$
    begin
      ${refresh((column) => sql`${column} = any(touched)`)}
    end $$`.execute(db);
  const personsOf = (table: 'episodes' | 'releases', rows: string) =>
    table === 'episodes'
      ? sql.raw(`array(select distinct person_id from ${rows})`)
      : sql.raw(
          `array(select distinct e.person_id from episodes e where e.id in (select episode_id from ${rows}))`,
        );
  for (const table of ['episodes', 'releases'] as const) {
    const on = sql.table(table);
    const fn = (name: string) => sql.raw(`stock_${table}_${name}`);
    await sql`create function ${fn('insert')}() returns trigger language plpgsql as $$
      begin
        ${addToDays(boundsOf(table, 1, (column) => sql.raw(`added.${column}`), sql`from added`))}
        perform stock_refresh(${personsOf(table, 'added')});
        return null;
      end $$`.execute(db);
    await sql`create function ${fn('delete')}() returns trigger language plpgsql as $$
      begin
        ${addToDays(boundsOf(table, -1, (column) => sql.raw(`removed.${column}`), sql`from removed`))}
        perform stock_refresh(${personsOf(table, 'removed')});
        return null;
      end $$`.execute(db);
    await sql`create function ${fn('update')}() returns trigger language plpgsql as $$
      begin
        ${addToDays(boundsOf(table, -1, (column) => sql.raw(`removed.${column}`), sql`from removed`))}
        ${addToDays(boundsOf(table, 1, (column) => sql.raw(`added.${column}`), sql`from added`))}
        perform stock_refresh(${personsOf(table, 'removed')} || ${personsOf(table, 'added')});
        return null;
      end $$`.execute(db);
    await sql`create trigger ${fn('insert')} after insert on ${on}
      referencing new table as added for each statement execute function ${fn('insert')}()`.execute(db);
    await sql`create trigger ${fn('delete')} after delete on ${on}
      referencing old table as removed for each statement execute function ${fn('delete')}()`.execute(db);
    await sql`create trigger ${fn('update')} after update on ${on}
      referencing old table as removed new table as added
      for each statement execute function ${fn('update')}()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of ['episodes', 'releases'])
      for (const name of ['insert', 'delete', 'update']) {
        await sql`drop trigger ${sql.raw(`stock_${table}_${name}`)} on ${sql.table(table)}`.execute(db);
        await sql`drop function ${sql.raw(`stock_${table}_${name}`)}`.execute(db);
      }
    await sql`drop function stock_refresh`.execute(db);
  } else {
    for (const table of ['episodes', 'releases'])
      for (const name of [
        'insert',
        'delete',
        'update',
        'insert_new_person',
        'delete_old_person',
        'update_old_person',
        'update_new_person',
      ])
        await sql`drop trigger ${sql.raw(`stock_${table}_${name}`)}`.execute(db);
  }
  await db.schema.dropTable('stock_corrections').execute();
  await db.schema.dropTable('stock_day_deltas').execute();
}
