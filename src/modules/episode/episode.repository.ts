import type { Db, EpisodeTable, ReleaseTable } from '../../db/database.js';
import { earliestDay, latestDay } from '../../lib/partial-date.js';
import type { EpisodeFilter } from './episode.schema.js';
import { episodeRowVisible } from '../shared/scope.repository.js';
import type { ReadScope } from '../user/access.js';

export type EpisodeRow = Omit<EpisodeTable, 'version' | 'visibility' | 'detainedOnLo' | 'detainedOnHi'> & {
  version: number;
  visibility: string;
};
export type ReleaseRow = Omit<ReleaseTable, 'releasedOnLo' | 'releasedOnHi'>;

export interface ChargeRow {
  id: string;
  episodeId: string;
  articleId: string;
  part: string | null;
  note: string | null;
  articleCode: string;
  articleNumber: string;
  articleTitleEn: string | null;
}

export interface StayRow {
  id: string;
  episodeId: string;
  facilityId: string;
  fromDate: string | null;
  toDate: string | null;
  note: string | null;
  facilityName: string;
}

/** Day bounds of the partial date are stored beside it so SQL can ask "held on day D?" (ADR 0002). */
const detainedBounds = (detainedOn: string) => ({
  detainedOnLo: earliestDay(detainedOn),
  detainedOnHi: latestDay(detainedOn),
});

export async function insertEpisode(db: Db, row: Omit<EpisodeRow, 'version'>): Promise<void> {
  await db
    .insertInto('episodes')
    .values({ ...row, ...detainedBounds(row.detainedOn) })
    .execute();
}

export async function updateEpisodeRow(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<EpisodeRow, 'id' | 'personId' | 'createdAt' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('episodes')
    .set({
      ...values,
      ...(values.detainedOn ? detainedBounds(values.detainedOn) : {}),
      version: expectedVersion + 1,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEpisodeRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('episodes').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function replaceCharges(
  db: Db,
  episodeId: string,
  charges: readonly { id: string; articleId: string; part: string | null; note: string | null }[],
): Promise<void> {
  await db.deleteFrom('episodeCharges').where('episodeId', '=', episodeId).execute();
  if (charges.length === 0) return;
  await db
    .insertInto('episodeCharges')
    .values(charges.map((charge, position) => ({ ...charge, episodeId, position })))
    .execute();
}

export async function replaceStays(
  db: Db,
  episodeId: string,
  stays: readonly {
    id: string;
    facilityId: string;
    fromDate: string | null;
    toDate: string | null;
    note: string | null;
  }[],
): Promise<void> {
  await db.deleteFrom('facilityStays').where('episodeId', '=', episodeId).execute();
  if (stays.length === 0) return;
  await db
    .insertInto('facilityStays')
    .values(stays.map((stay, position) => ({ ...stay, episodeId, position })))
    .execute();
}

export async function replaceRelease(db: Db, episodeId: string, release: ReleaseRow | null): Promise<void> {
  await db.deleteFrom('releases').where('episodeId', '=', episodeId).execute();
  if (!release) return;
  await db
    .insertInto('releases')
    .values({
      ...release,
      releasedOnLo: earliestDay(release.releasedOn),
      releasedOnHi: latestDay(release.releasedOn),
    })
    .execute();
}

const EPISODE_COLUMNS = [
  'episodes.id',
  'episodes.personId',
  'episodes.detainedOn',
  'episodes.place',
  'episodes.preTrialMeasure',
  'episodes.court',
  'episodes.verdictOn',
  'episodes.sentenceMonths',
  'episodes.sentenceRegime',
  'episodes.sentenceNote',
  'episodes.visibility',
  'episodes.createdAt',
  'episodes.updatedAt',
  'episodes.version',
] as const;

export async function selectEpisodeRows(db: Db, ids: readonly string[]): Promise<EpisodeRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('episodes').select(EPISODE_COLUMNS).where('episodes.id', 'in', ids).execute();
}

export async function selectEpisodeIdsOfPerson(
  db: Db,
  personId: string,
  scope: ReadScope,
): Promise<string[]> {
  let query = db.selectFrom('episodes').select('id').where('personId', '=', personId);
  if (!scope.everything) query = query.where(episodeRowVisible(db, scope));
  const rows = await query.orderBy('detainedOn').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** Those of these episode ids the scope may see. */
export async function selectVisibleEpisodeIds(
  db: Db,
  ids: readonly string[],
  scope: ReadScope,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  let query = db
    .selectFrom('episodes')
    .select('id')
    .where('id', 'in', [...ids]);
  if (!scope.everything) query = query.where(episodeRowVisible(db, scope));
  return new Set((await query.execute()).map((row) => row.id));
}

/** The visible episodes of many persons, each person's in listForPerson's order (detained, then id). */
export async function selectEpisodeIdsOfPersons(
  db: Db,
  personIds: readonly string[],
  scope: ReadScope,
): Promise<{ id: string; personId: string }[]> {
  if (personIds.length === 0) return [];
  let query = db
    .selectFrom('episodes')
    .select(['id', 'personId'])
    .where('personId', 'in', [...personIds]);
  if (!scope.everything) query = query.where(episodeRowVisible(db, scope));
  return query.orderBy('detainedOn').orderBy('id').execute();
}

export async function selectCharges(db: Db, episodeIds: readonly string[]): Promise<ChargeRow[]> {
  if (episodeIds.length === 0) return [];
  return db
    .selectFrom('episodeCharges')
    .innerJoin('legalArticles', 'legalArticles.id', 'episodeCharges.articleId')
    .select([
      'episodeCharges.id',
      'episodeCharges.episodeId',
      'episodeCharges.articleId',
      'episodeCharges.part',
      'episodeCharges.note',
      'legalArticles.code as articleCode',
      'legalArticles.number as articleNumber',
      'legalArticles.titleEn as articleTitleEn',
    ])
    .where('episodeCharges.episodeId', 'in', episodeIds)
    .orderBy('episodeCharges.episodeId')
    .orderBy('episodeCharges.position')
    .execute();
}

export async function selectStays(db: Db, episodeIds: readonly string[]): Promise<StayRow[]> {
  if (episodeIds.length === 0) return [];
  return db
    .selectFrom('facilityStays')
    .innerJoin('facilities', 'facilities.id', 'facilityStays.facilityId')
    .select([
      'facilityStays.id',
      'facilityStays.episodeId',
      'facilityStays.facilityId',
      'facilityStays.fromDate',
      'facilityStays.toDate',
      'facilityStays.note',
      'facilities.name as facilityName',
    ])
    .where('facilityStays.episodeId', 'in', episodeIds)
    .orderBy('facilityStays.episodeId')
    .orderBy('facilityStays.position')
    .execute();
}

export async function selectReleases(db: Db, episodeIds: readonly string[]): Promise<ReleaseRow[]> {
  if (episodeIds.length === 0) return [];
  return db
    .selectFrom('releases')
    .select([
      'id',
      'episodeId',
      'releasedOn',
      'mode',
      'batchId',
      'destinationCountry',
      'forcedExile',
      'citizenshipStripped',
      'note',
    ])
    .where('episodeId', 'in', episodeIds)
    .execute();
}

export interface CustodyRow {
  id: string;
  personId: string;
  detainedOn: string;
  releasedOn: string | null;
  releaseMode: string | null;
}

export async function selectCustodyRows(db: Db, personIds: readonly string[]): Promise<CustodyRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('episodes')
    .leftJoin('releases', 'releases.episodeId', 'episodes.id')
    .select([
      'episodes.id',
      'episodes.personId',
      'episodes.detainedOn',
      'releases.releasedOn',
      'releases.mode as releaseMode',
    ])
    .where('episodes.personId', 'in', personIds)
    .orderBy('episodes.detainedOn')
    .execute();
}

/**
 * Ids of the latest releases the scope may see: released episodes by release date as written,
 * latest first, then by id (the releases feed). A top-N sort over the releases, not every episode.
 */
export async function selectLatestReleasedEpisodeIds(
  db: Db,
  scope: ReadScope,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom('episodes').innerJoin('releases', 'releases.episodeId', 'episodes.id');
  if (!scope.everything) query = query.where(episodeRowVisible(db, scope));
  const rows = await query
    .select('episodes.id')
    .orderBy('releases.releasedOn', 'desc')
    .orderBy('episodes.id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Every stay's facility with its episode, the episodes in find's order (detention date, then id),
 * for the episodes the scope may see: the static mirror cuts each facility's page from one read
 * instead of a count and a page query per facility over all episodes.
 */
export async function selectEpisodeIdsByFacility(
  db: Db,
  scope: ReadScope,
): Promise<{ facilityId: string; id: string }[]> {
  let query = db
    .selectFrom('facilityStays')
    .innerJoin('episodes', 'episodes.id', 'facilityStays.episodeId')
    .select(['facilityStays.facilityId', 'episodes.id']);
  if (!scope.everything) query = query.where(episodeRowVisible(db, scope));
  return query.orderBy('episodes.detainedOn').orderBy('episodes.id').execute();
}

export async function findEpisodeIds(
  db: Db,
  filter: EpisodeFilter,
  scope: ReadScope,
): Promise<{ ids: string[]; total: number }> {
  let query = db.selectFrom('episodes').leftJoin('releases', 'releases.episodeId', 'episodes.id');
  if (!scope.everything) query = query.where(episodeRowVisible(db, scope));
  if (filter.personId) query = query.where('episodes.personId', '=', filter.personId);
  if (filter.status === 'released') query = query.where('releases.id', 'is not', null);
  if (filter.status === 'sentenced')
    query = query.where('releases.id', 'is', null).where('episodes.verdictOn', 'is not', null);
  if (filter.status === 'pre_trial')
    query = query.where('releases.id', 'is', null).where('episodes.verdictOn', 'is', null);
  if (filter.batchId) query = query.where('releases.batchId', '=', filter.batchId);
  if (filter.releaseMode) query = query.where('releases.mode', '=', filter.releaseMode);
  if (filter.detainedFrom) query = query.where('episodes.detainedOnHi', '>=', filter.detainedFrom);
  if (filter.detainedTo) query = query.where('episodes.detainedOnLo', '<=', filter.detainedTo);
  if (filter.articleId) {
    const articleId = filter.articleId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('episodeCharges')
          .select('episodeCharges.id')
          .whereRef('episodeCharges.episodeId', '=', 'episodes.id')
          .where('episodeCharges.articleId', '=', articleId),
      ),
    );
  }
  if (filter.facilityId) {
    const facilityId = filter.facilityId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('facilityStays')
          .select('facilityStays.id')
          .whereRef('facilityStays.episodeId', '=', 'episodes.id')
          .where('facilityStays.facilityId', '=', facilityId),
      ),
    );
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  const rows = await query
    .select('episodes.id')
    .orderBy('episodes.detainedOn')
    .orderBy('episodes.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { ids: rows.map((row) => row.id), total: Number(counted?.total ?? 0) };
}
