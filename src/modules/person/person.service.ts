import type { Db } from '../../db/database.js';
import { notFound, ruleViolated } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addDays, isoDayOf } from '../../lib/partial-date.js';
import { personHeldOn } from '../../stats/custody.js';
import { custodySpansFor } from '../episode/episode.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import type { Page } from '../shared/common.schema.js';
import type { CreateOptions, ResourceService } from '../shared/resource.js';
import { deleteOrExplain, staleVersion } from '../shared/simple.service.js';
import { reassignRows } from '../shared/table.repository.js';
import { inTransaction } from '../shared/transaction.js';
import { type Change, recordRevision } from '../history/history.service.js';
import { isVisible } from '../shared/scope.repository.js';
import { readScopeOf, redactFields, type Viewer } from '../user/access.js';
import { type NameForms, decodeNameForms } from '../../names/forms.js';
import { insertRedirect, selectNameForms, selectRedirect } from './name-key.repository.js';
import { possibleDuplicates, reindexPersonNames, searchNames } from './name-search.service.js';
import { presentPerson } from './person.presenter.js';
import {
  countPersons,
  findPersonIds,
  selectVisiblePersonIdsAmong,
  insertPerson,
  replaceNames,
  replaceOccupations,
  replaceTies,
  selectNames,
  selectOccupations,
  selectPersonRows,
  selectTieCountries,
  selectTies,
  updatePersonRow,
} from './person.repository.js';
import type {
  CreatePerson,
  NameMatch,
  PersonFilter,
  PersonRecord,
  SearchHit,
  UpdatePerson,
} from './person.schema.js';

/** Persons per bulk read, and "no limit" for a read of every id. */
const PERSONS_PER_READ = 500;
const ALL_ROWS = 2_147_483_647;

const VISIBILITY_ORDER = ['public', 'internal', 'confidential'];

const joinedText = (texts: readonly (string | null)[]): string | null =>
  texts.filter((text): text is string => Boolean(text)).join('\n\n') || null;

export interface PersonServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

function groupByPerson<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.personId) ?? [];
    list.push(row);
    groups.set(row.personId, list);
  }
  return groups;
}

type NameList = CreatePerson['names'];

/** Exactly one primary name: the one marked, else the first. */
function withOnePrimary(names: NameList) {
  const primaryIndex = Math.max(
    0,
    names.findIndex((name) => name.isPrimary),
  );
  return names.map((name, index) => ({
    id: newId(),
    text: name.text,
    script: name.script,
    language: name.language,
    system: name.system ?? null,
    isPrimary: index === primaryIndex,
  }));
}

export function createPersonService(deps: PersonServiceDeps) {
  const today = () => isoDayOf(deps.clock());

  /** Records as stored, restricted fields included: for history, never for a response. */
  async function loadUnredacted(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
    const [rows, names, occupations, ties, custody] = await Promise.all([
      selectPersonRows(db, ids),
      selectNames(db, ids),
      selectOccupations(db, ids),
      selectTies(db, ids),
      custodySpansFor(db, ids),
    ]);
    const namesOf = groupByPerson(names);
    const occupationsOf = groupByPerson(occupations);
    const tiesOf = groupByPerson(ties);
    const byId = new Map(
      rows.map((row) => [
        row.id,
        presentPerson(
          {
            row,
            names: namesOf.get(row.id) ?? [],
            occupations: (occupationsOf.get(row.id) ?? []).map((entry) => entry.occupation),
            ties: tiesOf.get(row.id) ?? [],
            custody: custody.get(row.id) ?? [],
          },
          today(),
        ),
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  // Fields stricter than the record are dropped here, for every way a person leaves the service.
  async function load(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
    return (await loadUnredacted(db, ids)).map((record) => redactFields('person', record, deps.viewer));
  }

  async function stored(db: Db, id: string): Promise<PersonRecord | null> {
    return (await loadUnredacted(db, [id]))[0] ?? null;
  }

  const record = (db: Db, change: Omit<Change, 'entity'>) =>
    recordRevision(db, deps.viewer, deps.clock, { entity: 'person', ...change });

  const scope = readScopeOf(deps.viewer);

  /** The record as just written, for the writer (whatever its visibility). */
  async function reload(id: string, db: Db): Promise<PersonRecord> {
    const [record] = await load(db, [id]);
    if (!record) throw notFound('person', id);
    return record;
  }

  /** A person the viewer may not see is "not found", exactly like one that does not exist. */
  async function get(id: string, db: Db = deps.db): Promise<PersonRecord> {
    if (!(await isVisible(db, 'person', id, scope))) throw notFound('person', id);
    return reload(id, db);
  }

  /** Which of these ids (at most PERSONS_PER_READ) the viewer may see, in no particular order. */
  const visibleAmong = (ids: readonly string[]): Promise<string[]> =>
    selectVisiblePersonIdsAmong(deps.db, ids, scope);

  /** Like get, for an id given as a reference in the input: a missing one is a broken rule, not a 404. */
  async function getOrRule(db: Db, id: string): Promise<PersonRecord> {
    const [record] = (await isVisible(db, 'person', id, scope)) ? await load(db, [id]) : [];
    if (!record) throw ruleViolated('duplicateId', `person ${id} does not exist`);
    return record;
  }

  const service = {
    get: (id: string) => get(id),

    async find(filter: PersonFilter): Promise<Page<PersonRecord>> {
      const { ids, total } = await findPersonIds(deps.db, filter, scope);
      return { items: await load(deps.db, ids), total, limit: filter.limit, offset: filter.offset };
    },

    /**
     * Like find, among the given persons only (e.g. the hits of a name search): in the order given
     * (best match first), or in the filter's sort order when `order` is 'sort'.
     */
    async findAmong(
      ids: readonly string[],
      filter: PersonFilter,
      order: 'given' | 'sort' = 'given',
    ): Promise<Page<PersonRecord>> {
      const all = await findPersonIds(
        deps.db,
        { ...filter, onlyIds: ids, limit: ids.length || 1, offset: 0 },
        scope,
      );
      const kept = new Set(all.ids);
      const ordered = order === 'sort' ? all.ids : ids.filter((id) => kept.has(id));
      const pageIds = ordered.slice(filter.offset, filter.offset + filter.limit);
      return {
        items: await load(deps.db, pageIds),
        total: ordered.length,
        limit: filter.limit,
        offset: filter.offset,
      };
    },

    /**
     * Persons held today whose birthday (full birth dates only) falls on one of the days from
     * `from` to `to`, inclusive: supporters send cards.
     */
    async birthdaysBetween(from: string, to: string): Promise<PersonRecord[]> {
      const days: string[] = [];
      for (let day = from; day <= to && days.length < 366; day = addDays(day, 1)) days.push(day.slice(5));
      const { ids } = await findPersonIds(
        deps.db,
        { status: 'held', birthdays: days, limit: 500, offset: 0, sort: 'name' },
        scope,
      );
      const records = await load(deps.db, ids);
      const position = (record: PersonRecord) => days.indexOf(record.birthDate?.slice(5) ?? '');
      return records.sort((a, b) => position(a) - position(b));
    },

    async create(
      input: CreatePerson,
      options: CreateOptions = {},
    ): Promise<PersonRecord & { duplicateWarnings: NameMatch[] }> {
      return inTransaction(deps.db, async (trx) => {
        const duplicateWarnings = await possibleDuplicates(trx, input.names, scope);
        const id = options.id ?? newId();
        const now = timestamp(deps.clock);
        await insertPerson(trx, {
          id,
          visibility: input.visibility,
          anonymous: input.anonymous ? 1 : 0,
          birthDate: input.birthDate ?? null,
          gender: input.gender ?? null,
          region: input.region ?? null,
          biography: input.biography ?? null,
          internalNotes: input.internalNotes ?? null,
          contacts: input.contacts ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await replaceNames(trx, id, withOnePrimary(input.names));
        await reindexPersonNames(trx, id, input.names);
        await replaceOccupations(trx, id, input.occupations);
        await replaceTies(
          trx,
          id,
          input.ties.map((tie) => ({
            id: newId(),
            kind: tie.kind,
            country: tie.country,
            note: tie.note ?? null,
          })),
        );
        await record(trx, { recordId: id, action: 'create', before: null, after: await stored(trx, id) });
        return { ...(await reload(id, trx)), duplicateWarnings };
      });
    },

    async update(id: string, patch: UpdatePerson): Promise<PersonRecord> {
      return inTransaction(deps.db, async (trx) => {
        const current = await get(id, trx);
        const before = await stored(trx, id);
        const {
          version: expected = current.version,
          names,
          occupations,
          ties,
          anonymous,
          ...scalars
        } = patch;
        if (expected !== current.version) throw await staleVersion(trx, 'person', 'person', id, current);
        const values = {
          ...Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined)),
          ...(anonymous === undefined ? {} : { anonymous: anonymous ? 1 : 0 }),
          updatedAt: timestamp(deps.clock),
        };
        if (!(await updatePersonRow(trx, id, current.version, values)))
          throw await staleVersion(trx, 'person', 'person', id, current);
        if (names) {
          await replaceNames(trx, id, withOnePrimary(names));
          await reindexPersonNames(trx, id, names);
        }
        if (occupations) await replaceOccupations(trx, id, occupations);
        if (ties) {
          await replaceTies(
            trx,
            id,
            ties.map((tie) => ({
              id: newId(),
              kind: tie.kind,
              country: tie.country,
              note: tie.note ?? null,
            })),
          );
        }
        await record(trx, { recordId: id, action: 'update', before, after: await stored(trx, id) });
        return get(id, trx);
      });
    },

    async delete(id: string): Promise<void> {
      await inTransaction(deps.db, async (trx) => {
        await get(id, trx);
        const before = await stored(trx, id);
        await deleteOrExplain(trx, 'persons', 'person', id);
        await record(trx, { recordId: id, action: 'delete', before, after: null });
      });
    },

    /** Was the person held on this day? "maybe" when partial dates leave it open. */
    async heldOn(id: string, day: string) {
      await get(id);
      const spans = (await custodySpansFor(deps.db, [id])).get(id) ?? [];
      return { personId: id, date: day, ...personHeldOn(spans, day) };
    },

    count: () => countPersons(deps.db),

    /** Countries the persons this viewer may see have ties to. */
    tieCountries: () => selectTieCountries(deps.db, scope),

    /** The current id of a person: itself, or where a merge moved it (null if neither). */
    async resolveId(id: string): Promise<string | null> {
      if (await isVisible(deps.db, 'person', id, scope)) return id;
      const target = await selectRedirect(deps.db, id);
      return target && (await isVisible(deps.db, 'person', target, scope)) ? target : null;
    },

    /**
     * The ids of every person find(filter) would list, in its order, from one query: for walking
     * all pages of a list (the static mirror), where OFFSET per page would be quadratic.
     */
    async ids(filter: Omit<PersonFilter, 'limit' | 'offset'>): Promise<string[]> {
      return (await findPersonIds(deps.db, { ...filter, limit: ALL_ROWS, offset: 0 }, scope)).ids;
    },

    /** The persons of these ids the viewer may see, by id, in the order of the ids: get for many persons at once. */
    async getMany(ids: readonly string[]): Promise<Map<string, PersonRecord>> {
      const found = new Map<string, PersonRecord>();
      for (let start = 0; start < ids.length; start += PERSONS_PER_READ) {
        const chunk = ids.slice(start, start + PERSONS_PER_READ);
        const loaded = new Map(
          (await load(deps.db, await visibleAmong(chunk))).map((record) => [record.id, record]),
        );
        for (const id of chunk) {
          const record = loaded.get(id);
          if (record) found.set(id, record);
        }
      }
      return found;
    },

    /**
     * The stored name forms (name_forms: each name with its key groups) of the persons of these
     * ids the viewer may see; unreadable or older-rules forms are left out (the caller computes).
     */
    async nameForms(ids: readonly string[]): Promise<Map<string, NameForms>> {
      const found = new Map<string, NameForms>();
      for (let start = 0; start < ids.length; start += PERSONS_PER_READ) {
        const visible = await visibleAmong(ids.slice(start, start + PERSONS_PER_READ));
        for (const row of await selectNameForms(deps.db, visible)) {
          const forms = decodeNameForms(row.forms);
          if (forms) found.set(row.personId, forms);
        }
      }
      return found;
    },

    /** resolveId for many ids: a visible person is itself, the others go through the merge redirects. */
    async resolveIds(ids: readonly string[]): Promise<Map<string, string | null>> {
      const resolved = new Map<string, string | null>();
      for (let start = 0; start < ids.length; start += PERSONS_PER_READ) {
        const chunk = ids.slice(start, start + PERSONS_PER_READ);
        const seen = new Set(await visibleAmong(chunk));
        for (const id of chunk) resolved.set(id, seen.has(id) ? id : await service.resolveId(id));
      }
      return resolved;
    },

    /** Persons matching a name typed in any script and spelling, best first, each with its reason. */
    async search(query: string, limit = 20): Promise<SearchHit[]> {
      const hits = await searchNames(deps.db, query, limit, scope);
      const records = new Map(
        (
          await load(
            deps.db,
            hits.map((hit) => hit.personId),
          )
        ).map((r) => [r.id, r]),
      );
      return hits.flatMap((hit) => {
        const record = records.get(hit.personId);
        return record
          ? [{ ...hit, displayName: record.displayName, status: record.status, birthDate: record.birthDate }]
          : [];
      });
    },

    /** Possible duplicates of a person with these names (live warnings while an editor types). */
    checkDuplicates(
      names: Parameters<typeof possibleDuplicates>[1],
      excludePersonId?: string,
    ): Promise<NameMatch[]> {
      return possibleDuplicates(deps.db, names, scope, excludePersonId);
    },

    /**
     * Folds a duplicate record into this one: names, occupations, ties, episodes, recognitions,
     * condition events and citations move here; empty fields are filled from the duplicate; the
     * stricter visibility and the anonymous flag win; the duplicate's id redirects here.
     */
    async merge(id: string, duplicateId: string, expectedVersion?: number): Promise<PersonRecord> {
      if (id === duplicateId) throw ruleViolated('duplicateId', 'a person cannot be merged into itself');
      return inTransaction(deps.db, async (trx) => {
        const [target, duplicate] = [await get(id, trx), await getOrRule(trx, duplicateId)];
        const rows = (await selectPersonRows(trx, [id, duplicateId])).sort((row) => (row.id === id ? -1 : 1));
        const [targetBefore, duplicateBefore] = [await stored(trx, id), await stored(trx, duplicateId)];
        if ((expectedVersion ?? target.version) !== target.version)
          throw await staleVersion(trx, 'person', 'person', id, target);
        if (target.status === 'held' && duplicate.status === 'held') {
          throw ruleViolated(
            'duplicateId',
            'both records have an open detention episode; close one of them before merging',
          );
        }
        const names = [
          ...target.names,
          ...duplicate.names
            .filter(
              (name) => !target.names.some((own) => own.text === name.text && own.language === name.language),
            )
            .map((name) => ({ ...name, isPrimary: false })),
        ];
        await replaceNames(trx, id, withOnePrimary(names));
        await reindexPersonNames(trx, id, names);
        await replaceOccupations(trx, id, [...target.occupations, ...duplicate.occupations]);
        const ties = [...target.ties, ...duplicate.ties].filter(
          (tie, index, all) =>
            all.findIndex((other) => other.kind === tie.kind && other.country === tie.country) === index,
        );
        await replaceTies(
          trx,
          id,
          ties.map((tie) => ({ id: newId(), kind: tie.kind, country: tie.country, note: tie.note })),
        );
        for (const table of ['episodes', 'recognitions', 'conditionEvents'] as const) {
          await reassignRows(trx, table, 'personId', duplicateId, id);
        }
        await reassignRows(trx, 'citations', 'subjectId', duplicateId, id, { subjectType: 'person' });
        const strictest =
          VISIBILITY_ORDER.indexOf(duplicate.visibility) > VISIBILITY_ORDER.indexOf(target.visibility);
        const updated = await updatePersonRow(trx, id, target.version, {
          birthDate: target.birthDate ?? duplicate.birthDate,
          gender: target.gender ?? duplicate.gender,
          region: target.region ?? duplicate.region,
          biography: target.biography ?? duplicate.biography,
          // From the stored rows, not the presented records: the viewer may not see these fields,
          // and a merge must not lose them.
          internalNotes: joinedText(rows.map((row) => row.internalNotes)),
          contacts: joinedText(rows.map((row) => row.contacts)),
          visibility: strictest ? duplicate.visibility : target.visibility,
          anonymous: target.anonymous || duplicate.anonymous ? 1 : 0,
          updatedAt: timestamp(deps.clock),
        });
        if (!updated) throw await staleVersion(trx, 'person', 'person', id, target);
        await deleteOrExplain(trx, 'persons', 'person', duplicateId);
        await record(trx, {
          recordId: duplicateId,
          action: 'delete',
          before: duplicateBefore,
          after: null,
          reason: `merged into ${id}`,
        });
        await record(trx, {
          recordId: id,
          action: 'merge',
          before: targetBefore,
          after: await stored(trx, id),
          reason: `merged ${duplicateId} into this record`,
        });
        await insertRedirect(trx, duplicateId, id, timestamp(deps.clock));
        return get(id, trx);
      });
    },

    /** Rebuilds the name index of every person (after a change to the romanization rules). */
    async reindexAll(onProgress?: (done: number) => void): Promise<number> {
      let done = 0;
      for (;;) {
        const { ids } = await findPersonIds(deps.db, { limit: 500, offset: done, sort: 'createdAt' }, scope);
        if (ids.length === 0) return done;
        await inTransaction(deps.db, async (trx) => {
          const names = await selectNames(trx, ids);
          for (const personId of ids) {
            await reindexPersonNames(
              trx,
              personId,
              names
                .filter((name) => name.personId === personId)
                .map((name) => ({ ...name, script: name.script as 'Cyrl' | 'Latn' })),
            );
          }
        });
        done += ids.length;
        onProgress?.(done);
      }
    },
  } satisfies ResourceService<PersonRecord, CreatePerson, UpdatePerson, PersonFilter> &
    Record<string, unknown>;
  return service;
}
export type PersonService = ReturnType<typeof createPersonService>;
