import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database, Db, PersonTable } from '../../db/database.js';
import { escapeLike, foldForSearch } from '../../lib/fold.js';
import type { Pagination } from '../shared/common.schema.js';
import type { PersonFilter } from './person.schema.js';
import { atColumn, personRowVisible, visiblePersonIds } from '../shared/scope.repository.js';
import type { ReadScope } from '../user/access.js';

export interface PersonRow {
  id: string;
  visibility: string;
  anonymous: number;
  birthDate: string | null;
  gender: string | null;
  region: string | null;
  biography: string | null;
  internalNotes: string | null;
  contacts: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonNameRow {
  id: string;
  personId: string;
  text: string;
  script: string;
  language: string;
  system: string | null;
  isPrimary: number;
  position: number;
}

export interface NewPersonName {
  id: string;
  text: string;
  script: string;
  language: string;
  system: string | null;
  isPrimary: boolean;
}

export interface NewPersonTie {
  id: string;
  kind: string;
  country: string;
  note: string | null;
}

type PersonValues = Omit<PersonTable, 'version' | 'visibility' | 'anonymous' | 'sortName'> & {
  visibility: string;
  anonymous: number;
};

export async function insertPerson(db: Db, values: PersonValues): Promise<void> {
  await db.insertInto('persons').values(values).execute();
}

export async function updatePersonRow(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<PersonValues, 'id' | 'createdAt'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('persons')
    .set({ ...values, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deletePersonRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('persons').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function selectPersonRows(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('persons').selectAll().where('id', 'in', ids).execute();
}

/** The key of lists sorted by name: the folded primary name, else the first one entered. */
export function sortNameOf(names: readonly Pick<NewPersonName, 'text' | 'isPrimary'>[]): string | null {
  const chosen = names.find((name) => name.isPrimary) ?? names[0];
  return chosen ? foldForSearch(chosen.text) : null;
}

export async function replaceNames(db: Db, personId: string, names: readonly NewPersonName[]): Promise<void> {
  await db.deleteFrom('personNames').where('personId', '=', personId).execute();
  await db
    .updateTable('persons')
    .set({ sortName: sortNameOf(names) })
    .where('id', '=', personId)
    .execute();
  if (names.length === 0) return;
  await db
    .insertInto('personNames')
    .values(
      names.map((name, position) => ({
        id: name.id,
        personId,
        text: name.text,
        folded: foldForSearch(name.text),
        script: name.script,
        language: name.language,
        system: name.system,
        isPrimary: name.isPrimary ? 1 : 0,
        position,
      })),
    )
    .execute();
}

export async function replaceOccupations(
  db: Db,
  personId: string,
  occupations: readonly string[],
): Promise<void> {
  await db.deleteFrom('personOccupations').where('personId', '=', personId).execute();
  const unique = [...new Set(occupations)];
  if (unique.length === 0) return;
  await db
    .insertInto('personOccupations')
    .values(unique.map((occupation, position) => ({ personId, occupation, position })))
    .execute();
}

export async function replaceTies(db: Db, personId: string, ties: readonly NewPersonTie[]): Promise<void> {
  await db.deleteFrom('personTies').where('personId', '=', personId).execute();
  if (ties.length === 0) return;
  await db
    .insertInto('personTies')
    .values(ties.map((tie, position) => ({ ...tie, personId, position })))
    .execute();
}

export async function selectNames(db: Db, personIds: readonly string[]): Promise<PersonNameRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('personNames')
    .select(['id', 'personId', 'text', 'script', 'language', 'system', 'isPrimary', 'position'])
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('position')
    .execute();
}

export async function selectOccupations(
  db: Db,
  personIds: readonly string[],
): Promise<{ personId: string; occupation: string }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('personOccupations')
    .select(['personId', 'occupation'])
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('position')
    .execute();
}

export async function selectTies(
  db: Db,
  personIds: readonly string[],
): Promise<{ personId: string; kind: string; country: string; note: string | null }[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('personTies')
    .select(['personId', 'kind', 'country', 'note'])
    .where('personId', 'in', personIds)
    .orderBy('personId')
    .orderBy('position')
    .execute();
}

type PersonsEb = ExpressionBuilder<Database, 'persons'>;

const openEpisodeOf = (eb: PersonsEb) =>
  eb.exists(
    eb
      .selectFrom('episodes')
      .select('episodes.id')
      .whereRef('episodes.personId', '=', 'persons.id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('releases').select('releases.id').whereRef('releases.episodeId', '=', 'episodes.id'),
          ),
        ),
      ),
  );

/** Filters beyond the public schema, for callers inside the server (search results, birthdays). */
export interface PersonQuery extends PersonFilter {
  /** Only these persons (e.g. the hits of a name search). */
  onlyIds?: readonly string[];
  /** Birthdays on these days of the year, as MM-DD (full birth dates only). */
  birthdays?: readonly string[];
}

type EpisodeCriteria = Pick<
  PersonQuery,
  'facilityId' | 'articleId' | 'sentenceMonthsMin' | 'sentenceMonthsMax' | 'detainedFrom' | 'detainedTo'
>;

const hasEpisodeCriteria = (filter: EpisodeCriteria): boolean =>
  [
    filter.facilityId,
    filter.articleId,
    filter.sentenceMonthsMin,
    filter.sentenceMonthsMax,
    filter.detainedFrom,
    filter.detainedTo,
  ].some((value) => value !== undefined);

/**
 * One episode of the person that meets every episode criterion at once, and that the viewer may
 * see: a filter must not reveal what a hidden episode holds.
 */
function matchingEpisodeOf(eb: PersonsEb, filter: EpisodeCriteria, scope: ReadScope) {
  let episodes = eb
    .selectFrom('episodes')
    .select('episodes.id')
    .whereRef('episodes.personId', '=', 'persons.id');
  if (!scope.everything) episodes = episodes.where('episodes.visibility', 'in', scope.levels);
  if (filter.detainedFrom !== undefined)
    episodes = episodes.where('episodes.detainedOnHi', '>=', filter.detainedFrom);
  if (filter.detainedTo !== undefined)
    episodes = episodes.where('episodes.detainedOnLo', '<=', filter.detainedTo);
  if (filter.sentenceMonthsMin !== undefined)
    episodes = episodes.where('episodes.sentenceMonths', '>=', filter.sentenceMonthsMin);
  if (filter.sentenceMonthsMax !== undefined)
    episodes = episodes.where('episodes.sentenceMonths', '<=', filter.sentenceMonthsMax);
  const { articleId, facilityId } = filter;
  if (articleId !== undefined) {
    episodes = episodes.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('episodeCharges')
          .select('episodeCharges.id')
          .whereRef('episodeCharges.episodeId', '=', 'episodes.id')
          .where('episodeCharges.articleId', '=', articleId),
      ),
    );
  }
  if (facilityId !== undefined) {
    episodes = episodes.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('facilityStays')
          .select('facilityStays.id')
          .whereRef('facilityStays.episodeId', '=', 'episodes.id')
          .where('facilityStays.facilityId', '=', facilityId),
      ),
    );
  }
  return eb.exists(episodes);
}

function whereFilters(filter: Omit<PersonQuery, keyof Pagination | 'sort'>, scope: ReadScope) {
  return (eb: PersonsEb) => {
    const conditions = [];
    if (hasEpisodeCriteria(filter)) conditions.push(matchingEpisodeOf(eb, filter, scope));
    if (filter.onlyIds !== undefined) {
      conditions.push(
        filter.onlyIds.length === 0 ? eb.lit(false) : eb('persons.id', 'in', [...filter.onlyIds]),
      );
    }
    if (filter.birthdays !== undefined) {
      const days = [...filter.birthdays];
      conditions.push(
        days.length === 0
          ? eb.lit(false)
          : eb.and([
              eb(sql<number>`length(${sql.ref('persons.birthDate')})`, '=', 10),
              eb(sql<string>`substr(${sql.ref('persons.birthDate')}, 6, 5)`, 'in', days),
            ]),
      );
    }
    if (filter.q !== undefined) {
      const pattern = `%${escapeLike(foldForSearch(filter.q))}%`;
      conditions.push(
        eb.exists(
          eb
            .selectFrom('personNames')
            .select('personNames.id')
            .whereRef('personNames.personId', '=', 'persons.id')
            .where(sql<SqlBool>`${sql.ref('personNames.folded')} like ${pattern} escape '\\'`),
        ),
      );
    }
    if (filter.status === 'held') conditions.push(openEpisodeOf(eb));
    if (filter.status === 'released') {
      conditions.push(
        eb.and([
          eb.exists(
            eb.selectFrom('episodes').select('episodes.id').whereRef('episodes.personId', '=', 'persons.id'),
          ),
          eb.not(openEpisodeOf(eb)),
        ]),
      );
    }
    if (filter.gender !== undefined) conditions.push(eb('persons.gender', '=', filter.gender));
    if (filter.region !== undefined) conditions.push(eb('persons.region', '=', filter.region));
    if (filter.visibility !== undefined) conditions.push(eb('persons.visibility', '=', filter.visibility));
    if (filter.anonymous !== undefined)
      conditions.push(eb('persons.anonymous', '=', filter.anonymous ? 1 : 0));
    if (filter.occupation !== undefined) {
      const occupation = filter.occupation;
      conditions.push(
        eb.exists(
          eb
            .selectFrom('personOccupations')
            .select('personOccupations.personId')
            .whereRef('personOccupations.personId', '=', 'persons.id')
            .where('personOccupations.occupation', '=', occupation),
        ),
      );
    }
    if (filter.tieCountry !== undefined) {
      // The few persons tied to a country, as a list: correlated, SQLite probed the country index
      // once per person (730,000 rows read for 73 ties at 10,000 persons).
      const country = filter.tieCountry;
      conditions.push(
        eb(
          'persons.id',
          'in',
          eb.selectFrom('personTies').select('personTies.personId').where('personTies.country', '=', country),
        ),
      );
    }
    if (filter.heldOn !== undefined) {
      const day = filter.heldOn;
      // Certainly held: detained by the day at the latest reading, released after it at the earliest.
      conditions.push(
        eb.exists(
          eb
            .selectFrom('episodes')
            .leftJoin('releases', 'releases.episodeId', 'episodes.id')
            .select('episodes.id')
            .whereRef('episodes.personId', '=', 'persons.id')
            .where('episodes.detainedOnHi', '<=', day)
            .where((inner) =>
              inner.or([inner('releases.id', 'is', null), inner('releases.releasedOnLo', '>', day)]),
            ),
        ),
      );
    }
    return eb.and(conditions);
  };
}

export async function findPersonIds(
  db: Db,
  filter: PersonQuery,
  scope: ReadScope,
): Promise<{ ids: string[]; total: number }> {
  let base = db.selectFrom('persons').where(whereFilters(filter, scope));
  if (!scope.everything) base = base.where(personRowVisible(scope));
  const counted = await base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirst();
  const direction = filter.sort.startsWith('-') ? 'desc' : 'asc';
  const key = filter.sort.replace(/^-/, '');
  let query = base.select('persons.id');
  if (key === 'name') query = query.orderBy('persons.sortName', direction);
  if (key === 'createdAt') query = query.orderBy('persons.createdAt', direction);
  if (key === 'birthDate') query = query.orderBy('persons.birthDate', direction);
  const rows = await query.orderBy('persons.id').limit(filter.limit).offset(filter.offset).execute();
  return { ids: rows.map((row) => row.id), total: Number(counted?.total ?? 0) };
}

/** Which of these persons the scope may see, in no order: getMany's check, without find's count and sort. */
export async function selectVisiblePersonIdsAmong(
  db: Db,
  ids: readonly string[],
  scope: ReadScope,
): Promise<string[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', 'in', [...ids]);
  if (!scope.everything) query = query.where(personRowVisible(scope));
  return (await query.execute()).map((row) => row.id);
}

export async function countPersons(db: Db): Promise<number> {
  const row = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Countries that visible persons have ties to (citizenship, origin…), for country dossiers. */
export async function selectTieCountries(db: Db, scope: ReadScope): Promise<string[]> {
  let query = db.selectFrom('personTies').select('personTies.country').distinct();
  if (!scope.everything)
    query = query.where((eb) => eb.exists(visiblePersonIds(db, scope, atColumn('personTies.personId'))));
  const rows = await query.orderBy('personTies.country').execute();
  return rows.map((row) => row.country);
}
