import type { Db } from '../../db/database.js';
import { AppError, type ErrorIssue, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
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
  countIdentifiedReleases,
  findBatchIds,
  insertBatch,
  replaceBatchCounterparts,
  replaceConcessions,
  selectBatchCounterparts,
  selectBatchRows,
  selectConcessions,
  updateBatchRow,
} from './batch.repository.js';
import type { BatchFilter, BatchRecord, CreateBatch, UpdateBatch } from './batch.schema.js';

export interface BatchServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

const triState = (value: boolean | null | undefined): number | null => (value == null ? null : value ? 1 : 0);

async function checkReferences(
  db: Db,
  batch: Pick<CreateBatch, 'counterparts' | 'concessions'>,
): Promise<void> {
  const issues: ErrorIssue[] = [];
  for (const [index, link] of batch.counterparts.entries()) {
    if (!(await existsById(db, 'counterparts', link.counterpartId))) {
      issues.push({
        path: `counterparts.${index}.counterpartId`,
        message: `counterpart ${link.counterpartId} does not exist`,
      });
    }
  }
  for (const [index, concession] of batch.concessions.entries()) {
    if (concession.givenById && !(await existsById(db, 'counterparts', concession.givenById))) {
      issues.push({
        path: `concessions.${index}.givenById`,
        message: `counterpart ${concession.givenById} does not exist`,
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

async function writeChildren(
  db: Db,
  batchId: string,
  batch: Partial<Pick<CreateBatch, 'counterparts' | 'concessions'>>,
) {
  if (batch.counterparts) await replaceBatchCounterparts(db, batchId, batch.counterparts);
  if (batch.concessions) {
    await replaceConcessions(
      db,
      batchId,
      batch.concessions.map((concession) => ({
        id: newId(),
        kind: concession.kind,
        target: concession.target ?? null,
        givenById: concession.givenById ?? null,
        description: concession.description ?? null,
        announcedOn: concession.announcedOn ?? null,
      })),
    );
  }
}

export function createBatchService(deps: BatchServiceDeps) {
  async function load(db: Db, ids: readonly string[]): Promise<BatchRecord[]> {
    const [rows, links, concessions, identified] = await Promise.all([
      selectBatchRows(db, ids),
      selectBatchCounterparts(db, ids),
      selectConcessions(db, ids),
      countIdentifiedReleases(db, ids),
    ]);
    const identifiedOf = new Map(identified.map((row) => [row.batchId, Number(row.total)]));
    const byId = new Map(
      rows.map((row): [string, BatchRecord] => [
        row.id,
        {
          id: row.id,
          releasedOn: row.releasedOn,
          announcedCount: row.announcedCount,
          title: row.title,
          destinationNote: row.destinationNote,
          forcedExile: row.forcedExile === null ? null : Number(row.forcedExile) === 1,
          description: row.description,
          counterparts: links
            .filter((link) => link.batchId === row.id)
            .map((link) => ({
              counterpartId: link.counterpartId,
              role: link.role as BatchRecord['counterparts'][number]['role'],
              name: link.name,
              kind: link.kind,
            })),
          concessions: concessions
            .filter((concession) => concession.batchId === row.id)
            .map(({ batchId: _batchId, ...concession }) => ({
              ...concession,
              kind: concession.kind as BatchRecord['concessions'][number]['kind'],
            })),
          visibility: row.visibility as BatchRecord['visibility'],
          identifiedCount: identifiedOf.get(row.id) ?? 0,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          version: row.version,
        },
      ]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  const scope = readScopeOf(deps.viewer);

  async function reload(id: string, db: Db): Promise<BatchRecord> {
    const [record] = await load(db, [id]);
    if (!record) throw notFound('release batch', id);
    return record;
  }

  async function get(id: string, db: Db = deps.db): Promise<BatchRecord> {
    if (!(await isVisible(db, 'batch', id, scope))) throw notFound('release batch', id);
    return reload(id, db);
  }

  return {
    get: (id: string) => get(id),

    async find(filter: BatchFilter): Promise<Page<BatchRecord>> {
      const { ids, total } = await findBatchIds(deps.db, filter, scope);
      return { items: await load(deps.db, ids), total, limit: filter.limit, offset: filter.offset };
    },

    async create(input: CreateBatch, options: CreateOptions = {}): Promise<BatchRecord> {
      return inTransaction(deps.db, async (trx) => {
        await checkReferences(trx, input);
        const id = options.id ?? newId();
        const now = timestamp(deps.clock);
        await insertBatch(trx, {
          id,
          releasedOn: input.releasedOn,
          announcedCount: input.announcedCount ?? null,
          title: input.title,
          destinationNote: input.destinationNote ?? null,
          forcedExile: triState(input.forcedExile),
          description: input.description ?? null,
          visibility: input.visibility,
          createdAt: now,
          updatedAt: now,
        });
        await writeChildren(trx, id, input);
        const created = await reload(id, trx);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: 'batch',
          recordId: id,
          action: 'create',
          before: null,
          after: created,
        });
        return created;
      });
    },

    async update(id: string, patch: UpdateBatch): Promise<BatchRecord> {
      return inTransaction(deps.db, async (trx) => {
        const current = await get(id, trx);
        const {
          version: expected = current.version,
          counterparts,
          concessions,
          forcedExile,
          ...scalars
        } = patch;
        if (expected !== current.version)
          throw await staleVersion(trx, 'batch', 'release batch', id, current);
        await checkReferences(trx, { counterparts: counterparts ?? [], concessions: concessions ?? [] });
        const values = {
          ...Object.fromEntries(Object.entries(scalars).filter(([, value]) => value !== undefined)),
          ...(forcedExile === undefined ? {} : { forcedExile: triState(forcedExile) }),
          updatedAt: timestamp(deps.clock),
        };
        if (!(await updateBatchRow(trx, id, current.version, values)))
          throw await staleVersion(trx, 'batch', 'release batch', id, current);
        await writeChildren(trx, id, { counterparts, concessions });
        const updated = await reload(id, trx);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: 'batch',
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
        await deleteOrExplain(trx, 'releaseBatches', 'release batch', id);
        await recordRevision(trx, deps.viewer, deps.clock, {
          entity: 'batch',
          recordId: id,
          action: 'delete',
          before,
          after: null,
        });
      });
    },
  } satisfies ResourceService<BatchRecord, CreateBatch, UpdateBatch, BatchFilter>;
}
export type BatchService = ReturnType<typeof createBatchService>;
