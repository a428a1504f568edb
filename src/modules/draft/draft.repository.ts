import type { Selectable } from 'kysely';
import type { Db, DraftTable } from '../../db/database.js';

export type DraftRow = Selectable<DraftTable> & {
  authorName: string;
  reviewerName: string | null;
};

/** Who may read which drafts, as the service decided it. */
export interface DraftReadScope {
  /** Visibility levels of other people's drafts that may be read. */
  levels: readonly string[];
  /** The reader, who always sees their own drafts. */
  readerId: string;
  /** Only the reader's own drafts (editors who may not publish). */
  ownOnly: boolean;
}

export interface DraftQuery {
  status: string;
  kind?: string | undefined;
  targetId?: string | undefined;
  authorId?: string | undefined;
  limit: number;
  offset: number;
}

function selectDrafts(db: Db, scope: DraftReadScope) {
  return db
    .selectFrom('drafts')
    .innerJoin('users as author', 'author.id', 'drafts.authorId')
    .leftJoin('users as reviewer', 'reviewer.id', 'drafts.reviewerId')
    .selectAll('drafts')
    .select(['author.displayName as authorName', 'reviewer.displayName as reviewerName'])
    .where((eb) =>
      scope.ownOnly
        ? eb('drafts.authorId', '=', scope.readerId)
        : eb.or([
            eb('drafts.visibility', 'in', [...scope.levels]),
            eb('drafts.authorId', '=', scope.readerId),
          ]),
    );
}

export async function insertDraft(db: Db, row: Omit<DraftTable, 'version'>): Promise<void> {
  await db.insertInto('drafts').values(row).execute();
}

export async function selectDraft(db: Db, id: string, scope: DraftReadScope): Promise<DraftRow | undefined> {
  return selectDrafts(db, scope).where('drafts.id', '=', id).executeTakeFirst();
}

export async function selectDraftPage(
  db: Db,
  query: DraftQuery,
  scope: DraftReadScope,
): Promise<{ rows: DraftRow[]; total: number }> {
  let filtered = selectDrafts(db, scope).where('drafts.status', '=', query.status);
  if (query.kind !== undefined) filtered = filtered.where('drafts.kind', '=', query.kind);
  if (query.targetId !== undefined) filtered = filtered.where('drafts.targetId', '=', query.targetId);
  if (query.authorId !== undefined) filtered = filtered.where('drafts.authorId', '=', query.authorId);
  const rows = await filtered
    .orderBy('drafts.createdAt', 'asc')
    .orderBy('drafts.id', 'asc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const counted = await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(counted.total) };
}

/** Moves a pending draft to its outcome; false when it was no longer pending at that version. */
export async function closeDraft(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Pick<DraftTable, 'status' | 'reviewerId' | 'reviewedAt' | 'reviewNote' | 'resultId' | 'updatedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('drafts')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
