import type { Db } from '../../db/database.js';
import { AppError, type ErrorIssue, notFound, ruleViolated } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isCertainlyBefore, isoDayOf } from '../../lib/partial-date.js';
import { type CustodySpan, personStatus } from '../../stats/custody.js';
import { type Clock, timestamp } from '../shared/clock.js';
import type { Page } from '../shared/common.schema.js';
import type { CreateOptions, ResourceService } from '../shared/resource.js';
import { deleteOrExplain, staleVersion } from '../shared/simple.service.js';
import { existsById } from '../shared/table.repository.js';
import { inTransaction } from '../shared/transaction.js';
import { recordRevision } from '../history/history.service.js';
import { isVisible } from '../shared/scope.repository.js';
import { readScopeOf, type Viewer } from '../user/access.js';
import {
  type EpisodeRow,
  findEpisodeIds,
  selectEpisodeIdsByFacility,
  selectVisibleEpisodeIds,
  insertEpisode,
  replaceCharges,
  replaceRelease,
  replaceStays,
  selectCharges,
  selectCustodyRows,
  selectEpisodeIdsOfPerson,
  selectEpisodeIdsOfPersons,
  selectLatestReleasedEpisodeIds,
  selectEpisodeRows,
  selectReleases,
  selectStays,
  updateEpisodeRow,
} from './episode.repository.js';
import type { CreateEpisode, EpisodeFilter, EpisodeRecord, UpdateEpisode } from './episode.schema.js';
import { presentEpisodes } from './episode.presenter.js';

/** Persons per bulk read: their episodes' ids stay well inside the bound parameters of one query. */
const PERSONS_PER_READ = 500;

export interface EpisodeServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

/** Custody spans of many persons at once, for derived facts (status, days in custody). */
export async function custodySpansFor(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, CustodySpan[]>> {
  const spans = new Map<string, CustodySpan[]>();
  for (const row of await selectCustodyRows(db, personIds)) {
    const list = spans.get(row.personId) ?? [];
    list.push({
      id: row.id,
      detainedOn: row.detainedOn,
      releasedOn: row.releasedOn,
      releaseMode: row.releaseMode,
    });
    spans.set(row.personId, list);
  }
  return spans;
}

/** The person an episode belongs to (for records that hang on both, such as condition events). */
export async function episodeOwner(db: Db, episodeId: string): Promise<string | undefined> {
  return (await selectEpisodeRows(db, [episodeId]))[0]?.personId;
}

type EpisodeContent = Omit<CreateEpisode, 'personId'>;

/** Every rule an episode must satisfy, checked on the complete episode as it would be stored. */
async function checkEpisode(
  db: Db,
  personId: string,
  episodeId: string,
  episode: EpisodeContent,
  today: string,
) {
  const issues: ErrorIssue[] = [];
  const notAfter = (path: string, date: string | null | undefined, limit: string, what: string) => {
    if (date && isCertainlyBefore(date, limit))
      issues.push({ path, message: `${date} is before ${what} ${limit}` });
  };
  if (isCertainlyBefore(today, episode.detainedOn)) {
    issues.push({ path: 'detainedOn', message: `${episode.detainedOn} is in the future` });
  }
  notAfter('verdictOn', episode.verdictOn, episode.detainedOn, 'the detention on');
  notAfter('release.releasedOn', episode.release?.releasedOn, episode.detainedOn, 'the detention on');
  if (episode.release?.releasedOn && isCertainlyBefore(today, episode.release.releasedOn)) {
    issues.push({ path: 'release.releasedOn', message: `${episode.release.releasedOn} is in the future` });
  }
  for (const [index, charge] of episode.charges.entries()) {
    if (!(await existsById(db, 'legalArticles', charge.articleId))) {
      issues.push({
        path: `charges.${index}.articleId`,
        message: `legal article ${charge.articleId} does not exist`,
      });
    }
  }
  for (const [index, stay] of episode.facilityStays.entries()) {
    if (!(await existsById(db, 'facilities', stay.facilityId))) {
      issues.push({
        path: `facilityStays.${index}.facilityId`,
        message: `facility ${stay.facilityId} does not exist`,
      });
    }
    notAfter(`facilityStays.${index}.to`, stay.to, stay.from ?? episode.detainedOn, 'the start of the stay');
    notAfter(`facilityStays.${index}.from`, stay.from, episode.detainedOn, 'the detention on');
  }
  const batchId = episode.release?.batchId;
  if (batchId && !(await existsById(db, 'releaseBatches', batchId))) {
    issues.push({ path: 'release.batchId', message: `release batch ${batchId} does not exist` });
  }
  if (!episode.release) {
    const spans = (await custodySpansFor(db, [personId])).get(personId) ?? [];
    const otherOpen = spans.find((span) => span.id !== episodeId && span.releasedOn === null);
    if (otherOpen) {
      issues.push({
        path: 'release',
        message: `the person is already held in episode ${otherOpen.id}; record its release before a new detention`,
      });
    }
  }
  if (issues.length > 0) {
    throw new AppError(
      'rule_violated',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      issues,
    );
  }
}

async function writeChildren(db: Db, episodeId: string, episode: Partial<EpisodeContent>): Promise<void> {
  if (episode.charges) {
    await replaceCharges(
      db,
      episodeId,
      episode.charges.map((charge) => ({
        id: newId(),
        articleId: charge.articleId,
        part: charge.part ?? null,
        note: charge.note ?? null,
      })),
    );
  }
  if (episode.facilityStays) {
    await replaceStays(
      db,
      episodeId,
      episode.facilityStays.map((stay) => ({
        id: newId(),
        facilityId: stay.facilityId,
        fromDate: stay.from ?? null,
        toDate: stay.to ?? null,
        note: stay.note ?? null,
      })),
    );
  }
  if (episode.release !== undefined) {
    const release = episode.release;
    await replaceRelease(
      db,
      episodeId,
      release === null
        ? null
        : {
            id: newId(),
            episodeId,
            releasedOn: release.releasedOn,
            mode: release.mode,
            batchId: release.batchId ?? null,
            destinationCountry: release.destinationCountry ?? null,
            forcedExile: release.forcedExile == null ? null : release.forcedExile ? 1 : 0,
            citizenshipStripped:
              release.citizenshipStripped == null ? null : release.citizenshipStripped ? 1 : 0,
            note: release.note ?? null,
          },
    );
  }
}

function scalarValues(
  episode: Partial<EpisodeContent>,
): Partial<Omit<EpisodeRow, 'id' | 'personId' | 'createdAt' | 'version'>> {
  const { charges: _charges, facilityStays: _stays, release: _release, ...scalars } = episode;
  return Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined));
}

export function createEpisodeService(deps: EpisodeServiceDeps) {
  const today = () => isoDayOf(deps.clock());

  async function load(db: Db, ids: readonly string[]): Promise<EpisodeRecord[]> {
    const [rows, charges, stays, releases] = await Promise.all([
      selectEpisodeRows(db, ids),
      selectCharges(db, ids),
      selectStays(db, ids),
      selectReleases(db, ids),
    ]);
    const byId = new Map(
      presentEpisodes(rows, charges, stays, releases).map((record) => [record.id, record]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  const scope = readScopeOf(deps.viewer);

  /** The record as just written, for the writer (whatever its visibility). */
  async function reload(id: string, db: Db): Promise<EpisodeRecord> {
    const [record] = await load(db, [id]);
    if (!record) throw notFound('episode', id);
    return record;
  }

  /** An episode the viewer may not see (or whose person they may not see) is "not found". */
  async function get(id: string, db: Db = deps.db): Promise<EpisodeRecord> {
    if (!(await isVisible(db, 'episode', id, scope))) throw notFound('episode', id);
    return reload(id, db);
  }

  const service = {
    get: (id: string) => get(id),

    /** The latest releases the viewer may see, latest release date first (the releases feed). */
    async latestReleased(limit: number): Promise<EpisodeRecord[]> {
      return load(deps.db, await selectLatestReleasedEpisodeIds(deps.db, scope, limit));
    },

    async find(filter: EpisodeFilter): Promise<Page<EpisodeRecord>> {
      const { ids, total } = await findEpisodeIds(deps.db, filter, scope);
      return { items: await load(deps.db, ids), total, limit: filter.limit, offset: filter.offset };
    },

    async create(input: CreateEpisode, options: CreateOptions = {}): Promise<EpisodeRecord> {
      return inTransaction(deps.db, async (trx) => {
        if (!(await existsById(trx, 'persons', input.personId))) {
          throw ruleViolated('personId', `person ${input.personId} does not exist`);
        }
        const id = options.id ?? newId();
        const { personId, ...content } = input;
        await checkEpisode(trx, personId, id, content, today());
        const now = timestamp(deps.clock);
        await insertEpisode(trx, {
          id,
          personId,
          detainedOn: content.detainedOn,
          place: content.place ?? null,
          preTrialMeasure: content.preTrialMeasure ?? null,
          court: content.court ?? null,
          verdictOn: content.verdictOn ?? null,
          sentenceMonths: content.sentenceMonths ?? null,
          sentenceRegime: content.sentenceRegime ?? null,
          sentenceNote: content.sentenceNote ?? null,
          visibility: content.visibility,
          createdAt: now,
          updatedAt: now,
        });
        await writeChildren(trx, id, content);
        const created = await reload(id, trx);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: 'episode',
          recordId: id,
          action: 'create',
          before: null,
          after: created,
        });
        return created;
      });
    },

    async update(id: string, patch: UpdateEpisode): Promise<EpisodeRecord> {
      return inTransaction(deps.db, async (trx) => {
        const current = await get(id, trx);
        const { version: expected = current.version, ...changes } = patch;
        if (expected !== current.version) throw await staleVersion(trx, 'episode', 'episode', id, current);
        const merged: EpisodeContent = {
          ...current,
          ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
          charges: changes.charges ?? current.charges,
          facilityStays: changes.facilityStays ?? current.facilityStays,
          release: changes.release === undefined ? current.release : changes.release,
        };
        await checkEpisode(trx, current.personId, id, merged, today());
        const written = await updateEpisodeRow(trx, id, current.version, {
          ...scalarValues(changes),
          updatedAt: timestamp(deps.clock),
        });
        if (!written) throw await staleVersion(trx, 'episode', 'episode', id, current);
        await writeChildren(trx, id, changes);
        const updated = await reload(id, trx);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: 'episode',
          recordId: id,
          action: 'update',
          before: current,
          after: updated,
        });
        return get(id, trx);
      });
    },

    async delete(id: string): Promise<void> {
      await inTransaction(deps.db, async (trx) => {
        const before = await get(id, trx);
        await deleteOrExplain(trx, 'episodes', 'episode', id);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: 'episode',
          recordId: id,
          action: 'delete',
          before,
          after: null,
        });
      });
    },

    async listForPerson(personId: string): Promise<EpisodeRecord[]> {
      return load(deps.db, await selectEpisodeIdsOfPerson(deps.db, personId, scope));
    },

    /** listForPerson for many persons at once (the static mirror): person id → episodes. */
    async listForPersons(personIds: readonly string[]): Promise<Map<string, EpisodeRecord[]>> {
      const byPerson = new Map<string, EpisodeRecord[]>(personIds.map((id) => [id, []]));
      for (let start = 0; start < personIds.length; start += PERSONS_PER_READ) {
        const owned = await selectEpisodeIdsOfPersons(
          deps.db,
          personIds.slice(start, start + PERSONS_PER_READ),
          scope,
        );
        const records = await load(
          deps.db,
          owned.map((row) => row.id),
        );
        for (const record of records) byPerson.get(record.personId)?.push(record);
      }
      return byPerson;
    },

    /**
     * The ids find({ facilityId }) would list for each facility, in its order, from one query:
     * for walking every facility's page (the static mirror).
     */
    async idsByFacility(): Promise<Map<string, string[]>> {
      const byFacility = new Map<string, string[]>();
      const seen = new Set<string>();
      for (const row of await selectEpisodeIdsByFacility(deps.db, scope)) {
        // An episode with two stays in one facility is listed once, as find's EXISTS does.
        const pair = `${row.facilityId} ${row.id}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const ids = byFacility.get(row.facilityId) ?? [];
        if (ids.length === 0) byFacility.set(row.facilityId, ids);
        ids.push(row.id);
      }
      return byFacility;
    },

    /** The episodes of these ids the viewer may see, in the ids' order. */
    async getMany(ids: readonly string[]): Promise<EpisodeRecord[]> {
      const records: EpisodeRecord[] = [];
      for (let start = 0; start < ids.length; start += PERSONS_PER_READ) {
        const chunk = ids.slice(start, start + PERSONS_PER_READ);
        const visible = await selectVisibleEpisodeIds(deps.db, chunk, scope);
        records.push(
          ...(await load(
            deps.db,
            chunk.filter((id) => visible.has(id)),
          )),
        );
      }
      return records;
    },

    /** Derived status of one person, from their episodes. */
    async statusOf(personId: string) {
      return personStatus((await custodySpansFor(deps.db, [personId])).get(personId) ?? []);
    },
  } satisfies ResourceService<EpisodeRecord, CreateEpisode, UpdateEpisode, EpisodeFilter> &
    Record<string, unknown>;
  return service;
}
export type EpisodeService = ReturnType<typeof createEpisodeService>;
