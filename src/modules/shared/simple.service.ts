import type { Db } from '../../db/database.js';
import { isForeignKeyViolation } from '../../db/dialect.js';
import { AppError, notFound, ruleViolated } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { type Clock, timestamp } from './clock.js';
import type { Page, Pagination } from './common.schema.js';
import type { CreateOptions, ResourceService } from './resource.js';
import {
  type Filter,
  type TableName,
  type TableSpec,
  deleteById,
  existsById,
  insertRow,
  selectById,
  selectPage,
  selectWhereIn,
  updateRow,
} from './table.repository.js';
import { inTransaction } from './transaction.js';
import { latestRevision, recordRevision } from '../history/history.service.js';
import { scopeCondition } from './scope.repository.js';
import { readScopeOf, type Viewer } from '../user/access.js';

export interface Reference {
  field: string;
  table: TableName;
  entity: string;
}

/** Describes a resource stored in one table; the module's service is made from it. */
export interface SimpleResource<
  TRecord extends { id: string; version: number },
  TCreate,
  TFilter extends Pagination,
> {
  entity: string;
  /** The record kind in history and citations (e.g. "legal_article"). */
  kind: string;
  spec: TableSpec;
  references?: readonly Reference[];
  toFilters(filter: TFilter): Filter[];
  /** Derived columns (e.g. a checksum) computed from the input before writing. */
  prepare?(input: Record<string, unknown>): Record<string, unknown>;
  /** Domain rules over the complete record as it would be stored; throw ruleViolated. */
  check?(record: Record<string, unknown>, db: Db): Promise<void> | void;
  /** Phantom marker so TypeScript keeps the generic parameters attached. */
  readonly _types?: { record: TRecord; create: TCreate };
}

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  /** Whose eyes the service reads for: every get and find is narrowed to what they may see. */
  viewer: Viewer;
}

export async function assertReferencesExist(
  db: Db,
  references: readonly Reference[],
  values: Record<string, unknown>,
): Promise<void> {
  for (const reference of references) {
    const id = values[reference.field];
    if (typeof id !== 'string') continue;
    if (!(await existsById(db, reference.table, id))) {
      throw ruleViolated(reference.field, `${reference.entity} ${id} does not exist`);
    }
  }
}

/**
 * The 409 for an edit made on a stale version: it names the change that got there first (from
 * the history), so the editor can see what happened before applying theirs again.
 */
export async function staleVersion(
  db: Db,
  kind: string,
  entity: string,
  id: string,
  current: { version: number; updatedAt: string },
): Promise<AppError> {
  const latest = await latestRevision(db, kind, id);
  const by = latest
    ? ` by ${latest.actor} at ${latest.at} (revision ${latest.seq})`
    : ` at ${current.updatedAt}`;
  return new AppError(
    'conflict',
    `${entity} ${id} was changed${by}; it is now version ${current.version}: reload it and apply your change again`,
    [{ path: 'version', message: `current version is ${current.version}` }],
  );
}

export async function deleteOrExplain(db: Db, table: TableName, entity: string, id: string): Promise<void> {
  try {
    if (!(await deleteById(db, table, id))) throw notFound(entity, id);
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new AppError(
        'conflict',
        `${entity} ${id} is still referenced by other records; remove those links first`,
      );
    }
    throw error;
  }
}

export interface SimpleService<TRecord, TCreate, TUpdate, TFilter> extends ResourceService<
  TRecord,
  TCreate,
  TUpdate,
  TFilter
> {
  /**
   * Every visible record whose `column` is one of `values`, in find()'s order within each owner:
   * the records of many owners in a few queries (the static mirror renders them all).
   */
  findWhereIn(column: keyof TRecord & string, values: readonly string[]): Promise<TRecord[]>;
}

export function createSimpleService<
  TRecord extends { id: string; version: number; updatedAt: string },
  TCreate extends object,
  TUpdate extends { version?: number | undefined },
  TFilter extends Pagination,
>(
  resource: SimpleResource<TRecord, TCreate, TFilter>,
  deps: ServiceDeps,
): SimpleService<TRecord, TCreate, TUpdate, TFilter> {
  const { spec, entity } = resource;
  const references = resource.references ?? [];
  const prepare = resource.prepare ?? ((input) => input);

  const scoped = (db: Db) => scopeCondition(db, spec.table, spec.links, readScopeOf(deps.viewer));

  /** A record the viewer may not see is "not found", exactly like one that does not exist. */
  async function get(id: string, db: Db = deps.db): Promise<TRecord> {
    const record = await selectById<TRecord>(db, spec, id, scoped(db));
    if (!record) throw notFound(entity, id);
    return record;
  }

  return {
    get: (id: string) => get(id),

    async find(filter: TFilter): Promise<Page<TRecord>> {
      const { rows, total } = await selectPage<TRecord>(
        deps.db,
        spec,
        resource.toFilters(filter),
        filter,
        scoped(deps.db),
      );
      return { items: rows, total, limit: filter.limit, offset: filter.offset };
    },

    findWhereIn: (column, values) => selectWhereIn<TRecord>(deps.db, spec, column, values, scoped(deps.db)),

    async create(input: TCreate, options: CreateOptions = {}): Promise<TRecord> {
      return inTransaction(deps.db, async (trx) => {
        const now = timestamp(deps.clock);
        const values = {
          ...prepare(input as Record<string, unknown>),
          id: options.id ?? newId(),
          createdAt: now,
          updatedAt: now,
        };
        await assertReferencesExist(trx, references, values);
        await resource.check?.(values, trx);
        await insertRow(trx, spec, values);
        const created = await selectById<TRecord>(trx, spec, values.id);
        if (!created) throw new AppError('internal', `${entity} ${values.id} vanished after insert`);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: resource.kind,
          recordId: created.id,
          action: 'create',
          before: null,
          after: created,
        });
        return created;
      });
    },

    async update(id: string, patch: TUpdate): Promise<TRecord> {
      return inTransaction(deps.db, async (trx) => {
        const current = await get(id, trx);
        const { version: expected = current.version, ...changes } = patch;
        if (expected !== current.version) throw await staleVersion(trx, resource.kind, entity, id, current);
        const values = { ...prepare(changes), updatedAt: timestamp(deps.clock) };
        const merged = { ...(current as Record<string, unknown>), ...values };
        await assertReferencesExist(trx, references, values);
        await resource.check?.(merged, trx);
        if (!(await updateRow(trx, spec, id, current.version, values))) {
          throw await staleVersion(trx, resource.kind, entity, id, current);
        }
        const updated = (await selectById<TRecord>(trx, spec, id)) ?? current;
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: resource.kind,
          recordId: id,
          action: 'update',
          before: current,
          after: updated,
        });
        return updated;
      });
    },

    async delete(id: string): Promise<void> {
      await inTransaction(deps.db, async (trx) => {
        const current = await get(id, trx);
        await deleteOrExplain(trx, spec.table, entity, id);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: resource.kind,
          recordId: id,
          action: 'delete',
          before: current,
          after: null,
        });
      });
    },
  };
}
