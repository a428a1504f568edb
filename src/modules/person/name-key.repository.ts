import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { atColumn, visiblePersonIds } from '../shared/scope.repository.js';
import type { ReadScope } from '../user/access.js';

/** SQL of the name-search index (table name_keys) and of merge redirects. */

export interface NameKeyRow {
  key: string;
  variant: string;
  system: string;
}

export async function replaceNameKeys(db: Db, personId: string, keys: readonly NameKeyRow[]): Promise<void> {
  await db.deleteFrom('nameKeys').where('personId', '=', personId).execute();
  const unique = [...new Map(keys.map((entry) => [entry.key, entry])).values()];
  // Chunked so that a person with very many spellings stays under SQLite's bound-parameter limit.
  for (let start = 0; start < unique.length; start += 200) {
    await db
      .insertInto('nameKeys')
      .values(unique.slice(start, start + 200).map((entry) => ({ ...entry, personId })))
      .execute();
  }
}

/** The next key after every key starting with prefix, so `key >= prefix AND key < end` is a prefix scan. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
}

export interface KeyCount {
  key: string;
  /** Persons indexed under the key (whatever their visibility: used to plan, never shown). */
  persons: number;
}

/**
 * The distinct index keys equal to one of the keys or starting with one of the prefixes, with how
 * many persons have each: read from name_key_counts (one row per distinct key, kept by triggers on
 * name_keys, migration 0016), one primary-key range per prefix, instead of counting the rows of
 * name_keys in each range (ten times as many at 100,000 persons).
 */
export async function selectKeyCounts(
  db: Db,
  lookup: { keys: readonly string[]; prefixes: readonly string[] },
): Promise<KeyCount[]> {
  // Each part is tagged so the keys come out as the per-range scans gave them: part by part, in key order.
  const counts = (part: number) =>
    db.selectFrom('nameKeyCounts').select(['key', 'persons', sql.lit(part).as('part')]);
  const parts = [
    ...(lookup.keys.length > 0 ? [counts(0).where('key', 'in', [...lookup.keys])] : []),
    ...lookup.prefixes.map((prefix, index) =>
      counts(index + 1)
        .where('key', '>=', prefix)
        .where('key', '<', prefixEnd(prefix)),
    ),
  ];
  const [first, ...rest] = parts;
  if (first === undefined) return [];
  const rows = await rest.reduce((query, part) => query.unionAll(part), first).execute();
  rows.sort((a, b) => Number(a.part) - Number(b.part) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const persons = new Map<string, number>();
  for (const row of rows) if (!persons.has(row.key)) persons.set(row.key, Number(row.persons));
  return [...persons].map(([key, n]) => ({ key, persons: n }));
}

/**
 * The distinct keys of the persons having one of `anchorKeys` (to weigh a misspelt word against;
 * never shown). Index-only: the anchor keys' rows of name_keys_key, then each person's primary-key
 * range; CROSS JOIN keeps SQLite to that order.
 */
export async function selectCoOccurringKeys(db: Db, anchorKeys: readonly string[]): Promise<string[]> {
  if (anchorKeys.length === 0) return [];
  const rows = await sql<{ key: string }>`
    select distinct ${sql.ref('other.key')} as key
    from ${sql.table('nameKeys')} as anchor cross join ${sql.table('nameKeys')} as other
    where ${sql.ref('anchor.key')} in (${sql.join([...anchorKeys])})
      and ${sql.ref('other.personId')} = ${sql.ref('anchor.personId')}`.execute(db);
  return rows.rows.map((row) => row.key);
}

/** A key that counts for one query word, with its weight in thousandths (WeightedKey in names/). */
export interface CandidateKey {
  key: string;
  slot: number;
  weight: number;
}

/**
 * Persons having any of the keys, best first by their upper bound: the sum over query words of
 * the best weight among the person's keys for that word; at most `limit`, only those the scope
 * may see. With `anchorKeys` (the rarest word's keys), only persons having one of those are read,
 * each through its own few rows of the primary key: a common first name in the query then costs
 * nothing. The weights travel as a VALUES list joined on the key, not as a CASE per row.
 */
export async function selectCandidates(
  db: Db,
  keys: readonly CandidateKey[],
  anchorKeys: readonly string[] | null,
  limit: number,
  scope: ReadScope,
): Promise<string[]> {
  if (keys.length === 0) return [];
  // Slots and weights are integers computed here, inlined as literals: PostgreSQL then types the
  // VALUES columns as integer (a bound parameter would be text) and the sums stay exact.
  const weights = sql.join(
    keys.map(
      (entry) =>
        sql`(${entry.key}, ${sql.lit(Math.trunc(entry.slot))}, ${sql.lit(Math.round(entry.weight))})`,
    ),
  );
  const nameKeys = sql.table('nameKeys');
  const personId = sql.ref('nameKeys.personId');
  // CROSS JOIN fixes SQLite's join order, and `key || ''` keeps it from seeking the primary key
  // once per listed key: each anchored person's few rows are read in one range and filtered.
  // PostgreSQL plans both like any inner join.
  const anchored = anchorKeys !== null && anchorKeys.length > 0;
  const keyList = sql.join([...new Set(keys.map((entry) => entry.key))]);
  const matched = anchored
    ? sql`(select distinct ${sql.ref('anchor.personId')} as person_id from ${nameKeys} as anchor
           where ${sql.ref('anchor.key')} in (${sql.join([...anchorKeys])})) as anchored
        cross join ${nameKeys} cross join weights
        where ${personId} = ${sql.ref('anchored.personId')} and (${sql.ref('nameKeys.key')} || '') in (${keyList})
          and weights.key = ${sql.ref('nameKeys.key')}`
    : sql`weights cross join ${nameKeys} where ${sql.ref('nameKeys.key')} = weights.key`;
  const best = sql`(
      select ${personId} as person_id, weights.slot as slot, max(weights.weight) as weight
      from ${matched}
      group by ${personId}, weights.slot
    ) as best`;
  const ranked = (count: number, visibleOnly: boolean) => sql`
    with weights (key, slot, weight) as (values ${weights})
    select ${sql.ref('best.personId')}, sum(${sql.ref('best.weight')}) as bound from ${best}
    ${visibleOnly ? sql`where exists ${visibleTo(db, scope, 'best.personId')}` : sql``}
    group by ${sql.ref('best.personId')}
    order by bound desc, ${sql.ref('best.personId')}
    limit ${sql.lit(Math.trunc(count))}`;
  if (scope.everything) {
    const rows = await sql<{ personId: string }>`${ranked(limit, false)}`.execute(db);
    return rows.rows.map((row) => row.personId);
  }
  // Usually most of the best-bounded persons are visible: check the scope for the first
  // 2 × limit only. If `limit` of them are visible, they are exactly the best `limit` visible
  // persons (the order is total: ties go by id); so are all the visible ones when fewer than
  // 2 × limit persons were grouped at all. Otherwise check every grouped person.
  const shortlist = await sql<{ personId: string; visible: number | boolean }>`
    select ${sql.ref('ranked.personId')}, exists ${visibleTo(db, scope, 'ranked.personId')} as visible
    from (${ranked(2 * limit, false)}) as ranked
    order by ${sql.ref('ranked.bound')} desc, ${sql.ref('ranked.personId')}`.execute(db);
  const visible = shortlist.rows.filter((row) => Boolean(row.visible)).map((row) => row.personId);
  if (visible.length >= limit || shortlist.rows.length < 2 * limit) return visible.slice(0, limit);
  const rows = await sql<{ personId: string }>`${ranked(limit, true)}`.execute(db);
  return rows.rows.map((row) => row.personId);
}

/** The visibility policy's persons, correlated with an outer column (an EXISTS probes by key). */
function visibleTo(db: Db, scope: ReadScope, outerColumn: string) {
  return visiblePersonIds(db, scope, atColumn(outerColumn));
}

/** One statement (an upsert): it runs on every write of a person's names. */
export async function replaceNameForms(db: Db, personId: string, forms: string): Promise<void> {
  await db
    .insertInto('nameForms')
    .values({ personId, forms })
    .onConflict((conflict) => conflict.column('personId').doUpdateSet({ forms }))
    .execute();
}

export async function selectNameForms(
  db: Db,
  personIds: readonly string[],
): Promise<{ personId: string; forms: string }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('nameForms')
    .select(['personId', 'forms'])
    .where('personId', 'in', [...personIds])
    .execute();
}

export async function selectRedirect(db: Db, oldId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('personRedirects')
    .select('personId')
    .where('oldId', '=', oldId)
    .executeTakeFirst();
  return row?.personId;
}

/** Records that `fromId` now lives at `toId`, and repoints earlier redirects to `fromId`. */
export async function insertRedirect(db: Db, fromId: string, toId: string, at: string): Promise<void> {
  await db.updateTable('personRedirects').set({ personId: toId }).where('personId', '=', fromId).execute();
  await db.insertInto('personRedirects').values({ oldId: fromId, personId: toId, mergedAt: at }).execute();
}
