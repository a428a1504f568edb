import type { Db } from '../../db/database.js';
import { visiblePersonIds } from '../shared/scope.repository.js';
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

/**
 * Persons whose index has one of the keys or a key starting with one of the prefixes, best covered
 * first (an exact key counts twice a prefix), at most `limit` of them.
 */
export async function selectCandidatePersonIds(
  db: Db,
  lookup: { keys: readonly string[]; prefixes: readonly string[] },
  limit: number,
  scope: ReadScope,
): Promise<string[]> {
  if (lookup.keys.length === 0 && lookup.prefixes.length === 0) return [];
  let query = db
    .selectFrom('nameKeys')
    .select((eb) => [
      'personId',
      eb.fn
        .sum<number | string>(
          lookup.keys.length > 0
            ? eb
                .case()
                .when('key', 'in', [...lookup.keys])
                .then(2)
                .else(1)
                .end()
            : eb.lit(1),
        )
        .as('weight'),
    ])
    .where((eb) =>
      eb.or([
        ...(lookup.keys.length > 0 ? [eb('key', 'in', [...lookup.keys])] : []),
        ...lookup.prefixes.map((prefix) =>
          eb.and([eb('key', '>=', prefix), eb('key', '<', prefixEnd(prefix))]),
        ),
      ]),
    )
    .groupBy('personId');
  if (!scope.everything) query = query.where('personId', 'in', visiblePersonIds(db, scope));
  const rows = await query.orderBy('weight', 'desc').orderBy('personId').limit(limit).execute();
  return rows.map((row) => row.personId);
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
