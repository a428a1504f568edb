import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { isoDayOf } from '../../lib/partial-date.js';
import { personHeldOn } from '../../stats/custody.js';
import { custodySpansFor } from '../episode/episode.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import type { Page } from '../shared/common.schema.js';
import type { ResourceService } from '../shared/resource.js';
import { deleteOrExplain, staleVersion } from '../shared/simple.service.js';
import { inTransaction } from '../shared/transaction.js';
import { presentPerson } from './person.presenter.js';
import {
  countPersons,
  findPersonIds,
  insertPerson,
  replaceNames,
  replaceOccupations,
  replaceTies,
  selectNames,
  selectOccupations,
  selectPersonRows,
  selectTies,
  updatePersonRow,
} from './person.repository.js';
import type { CreatePerson, PersonFilter, PersonRecord, UpdatePerson } from './person.schema.js';

export interface PersonServiceDeps {
  db: Db;
  clock: Clock;
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

  async function load(db: Db, ids: readonly string[]): Promise<PersonRecord[]> {
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

  async function get(id: string, db: Db = deps.db): Promise<PersonRecord> {
    const [record] = await load(db, [id]);
    if (!record) throw notFound('person', id);
    return record;
  }

  const service = {
    get: (id: string) => get(id),

    async find(filter: PersonFilter): Promise<Page<PersonRecord>> {
      const { ids, total } = await findPersonIds(deps.db, filter);
      return { items: await load(deps.db, ids), total, limit: filter.limit, offset: filter.offset };
    },

    async create(input: CreatePerson): Promise<PersonRecord> {
      return inTransaction(deps.db, async (trx) => {
        const id = newId();
        const now = timestamp(deps.clock);
        await insertPerson(trx, {
          id,
          visibility: input.visibility,
          anonymous: input.anonymous ? 1 : 0,
          birthDate: input.birthDate ?? null,
          gender: input.gender ?? null,
          region: input.region ?? null,
          biography: input.biography ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await replaceNames(trx, id, withOnePrimary(input.names));
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
        return get(id, trx);
      });
    },

    async update(id: string, patch: UpdatePerson): Promise<PersonRecord> {
      return inTransaction(deps.db, async (trx) => {
        const current = await get(id, trx);
        const {
          version: expected = current.version,
          names,
          occupations,
          ties,
          anonymous,
          ...scalars
        } = patch;
        if (expected !== current.version) throw staleVersion('person', id, current);
        const values = {
          ...Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined)),
          ...(anonymous === undefined ? {} : { anonymous: anonymous ? 1 : 0 }),
          updatedAt: timestamp(deps.clock),
        };
        if (!(await updatePersonRow(trx, id, current.version, values)))
          throw staleVersion('person', id, current);
        if (names) await replaceNames(trx, id, withOnePrimary(names));
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
        return get(id, trx);
      });
    },

    async delete(id: string): Promise<void> {
      await inTransaction(deps.db, (trx) => deleteOrExplain(trx, 'persons', 'person', id));
    },

    /** Was the person held on this day? "maybe" when partial dates leave it open. */
    async heldOn(id: string, day: string) {
      await get(id);
      const spans = (await custodySpansFor(deps.db, [id])).get(id) ?? [];
      return { personId: id, date: day, ...personHeldOn(spans, day) };
    },

    count: () => countPersons(deps.db),
  } satisfies ResourceService<PersonRecord, CreatePerson, UpdatePerson, PersonFilter> &
    Record<string, unknown>;
  return service;
}
export type PersonService = ReturnType<typeof createPersonService>;
