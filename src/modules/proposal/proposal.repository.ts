import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, ProposalTable } from '../../db/database.js';

export type ProposalRow = Selectable<ProposalTable>;

export async function insertProposals(db: Db, rows: readonly Insertable<ProposalTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('proposals')
      .values([...rows])
      .execute();
}

export async function selectProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ProposalQuery {
  sourceId?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  limit: number;
  offset: number;
}

export async function selectProposals(
  db: Db,
  query: ProposalQuery,
): Promise<{ rows: ProposalRow[]; total: number }> {
  let base = db.selectFrom('proposals');
  if (query.sourceId) base = base.where('sourceId', '=', query.sourceId);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.kind) base = base.where('kind', '=', query.kind);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('createdAt', 'asc')
      .orderBy('id', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.total ?? 0) };
}

/** Pending proposals of one source, for linking a newly accepted person into them. */
export async function selectPendingOfSource(db: Db, sourceId: string): Promise<ProposalRow[]> {
  return db
    .selectFrom('proposals')
    .selectAll()
    .where('sourceId', '=', sourceId)
    .where('status', '=', 'pending')
    .orderBy('createdAt', 'asc')
    .execute();
}

export async function selectAcceptedOfSource(db: Db, sourceId: string, kind: string): Promise<ProposalRow[]> {
  return db
    .selectFrom('proposals')
    .selectAll()
    .where('sourceId', '=', sourceId)
    .where('kind', '=', kind)
    .where('status', '=', 'accepted')
    .execute();
}

/** Optimistic: only the version that was read is changed (false when someone got there first). */
export async function updateProposal(
  db: Db,
  id: string,
  version: number,
  values: Updateable<ProposalTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('proposals')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
