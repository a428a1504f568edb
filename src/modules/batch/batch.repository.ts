import type { Db, ReleaseBatchTable } from '../../db/database.js';
import type { BatchFilter } from './batch.schema.js';
import type { ReadScope } from '../user/access.js';

export type BatchRow = Omit<ReleaseBatchTable, 'version' | 'visibility'> & {
  version: number;
  visibility: string;
};

export async function insertBatch(db: Db, row: Omit<BatchRow, 'version'>): Promise<void> {
  await db.insertInto('releaseBatches').values(row).execute();
}

export async function updateBatchRow(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<BatchRow, 'id' | 'createdAt' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('releaseBatches')
    .set({ ...values, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceBatchCounterparts(
  db: Db,
  batchId: string,
  links: readonly { counterpartId: string; role: string }[],
): Promise<void> {
  await db.deleteFrom('batchCounterparts').where('batchId', '=', batchId).execute();
  const unique = [...new Map(links.map((link) => [`${link.counterpartId}/${link.role}`, link])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto('batchCounterparts')
    .values(unique.map((link) => ({ batchId, counterpartId: link.counterpartId, role: link.role })))
    .execute();
}

export async function replaceConcessions(
  db: Db,
  batchId: string,
  concessions: readonly {
    id: string;
    kind: string;
    target: string | null;
    givenById: string | null;
    description: string | null;
    announcedOn: string | null;
  }[],
): Promise<void> {
  await db.deleteFrom('concessions').where('batchId', '=', batchId).execute();
  if (concessions.length === 0) return;
  await db
    .insertInto('concessions')
    .values(concessions.map((concession, position) => ({ ...concession, batchId, position })))
    .execute();
}

export async function selectBatchRows(db: Db, ids: readonly string[]): Promise<BatchRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('releaseBatches').selectAll().where('id', 'in', ids).execute();
}

export async function selectBatchCounterparts(db: Db, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .selectFrom('batchCounterparts')
    .innerJoin('counterparts', 'counterparts.id', 'batchCounterparts.counterpartId')
    .select([
      'batchCounterparts.batchId',
      'batchCounterparts.counterpartId',
      'batchCounterparts.role',
      'counterparts.name',
      'counterparts.kind',
    ])
    .where('batchCounterparts.batchId', 'in', batchIds)
    .orderBy('counterparts.name')
    .execute();
}

export async function selectConcessions(db: Db, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .selectFrom('concessions')
    .select(['batchId', 'kind', 'target', 'givenById', 'description', 'announcedOn'])
    .where('batchId', 'in', batchIds)
    .orderBy('batchId')
    .orderBy('position')
    .execute();
}

export async function countIdentifiedReleases(db: Db, batchIds: readonly string[]) {
  if (batchIds.length === 0) return [];
  return db
    .selectFrom('releases')
    .select(['batchId', (eb) => eb.fn.countAll<string | number>().as('total')])
    .where('batchId', 'in', batchIds)
    .groupBy('batchId')
    .execute();
}

export async function findBatchIds(
  db: Db,
  filter: BatchFilter,
  scope: ReadScope,
): Promise<{ ids: string[]; total: number }> {
  let query = db.selectFrom('releaseBatches');
  if (!scope.everything) query = query.where('releaseBatches.visibility', 'in', scope.levels);
  if (filter.from) query = query.where('releasedOn', '>=', filter.from);
  if (filter.to) query = query.where('releasedOn', '<=', filter.to);
  if (filter.counterpartId) {
    const counterpartId = filter.counterpartId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('batchCounterparts')
          .select('batchCounterparts.batchId')
          .whereRef('batchCounterparts.batchId', '=', 'releaseBatches.id')
          .where('batchCounterparts.counterpartId', '=', counterpartId),
      ),
    );
  }
  if (filter.concessionKind) {
    const kind = filter.concessionKind;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('concessions')
          .select('concessions.id')
          .whereRef('concessions.batchId', '=', 'releaseBatches.id')
          .where('concessions.kind', '=', kind),
      ),
    );
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  const rows = await query
    .select('releaseBatches.id')
    .orderBy('releaseBatches.releasedOn', 'desc')
    .orderBy('releaseBatches.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { ids: rows.map((row) => row.id), total: Number(counted?.total ?? 0) };
}
