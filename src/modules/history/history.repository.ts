import type { CompiledQuery } from 'kysely';
import type { Db, RevisionTable } from '../../db/database.js';

/**
 * Takes the next place in the chain: bumps the head's sequence number and returns it with the
 * previous hash. The UPDATE locks the head row until the transaction ends, so concurrent writers
 * queue here and the chain cannot fork.
 */
export async function advanceHead(db: Db): Promise<{ seq: number; prevHash: string }> {
  const row = await db
    .updateTable('revisionHead')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), prevHash: row.hash };
}

export async function insertRevision(db: Db, revision: RevisionTable): Promise<void> {
  await db.insertInto('revisions').values(revision).execute();
  await db.updateTable('revisionHead').set({ hash: revision.hash }).where('id', '=', 1).execute();
}

/** Takes `count` places in the chain at once (bulk loads): the first seq and the hash before it. */
export async function advanceHeadBy(db: Db, count: number): Promise<{ firstSeq: number; prevHash: string }> {
  const row = await db
    .updateTable('revisionHead')
    .set((eb) => ({ seq: eb('seq', '+', count) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { firstSeq: Number(row.seq) - count + 1, prevHash: row.hash };
}

/** Many revisions in multi-row INSERTs (under both dialects' parameter limits), then the new head hash. */
export async function insertRevisions(db: Db, revisions: readonly RevisionTable[]): Promise<void> {
  const last = revisions[revisions.length - 1];
  if (!last) return;
  for (let start = 0; start < revisions.length; start += 3000) {
    await db
      .insertInto('revisions')
      .values(revisions.slice(start, start + 3000))
      .execute();
  }
  await db.updateTable('revisionHead').set({ hash: last.hash }).where('id', '=', 1).execute();
}

export async function selectRevisionsOf(db: Db, entity: string, recordId: string): Promise<RevisionTable[]> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('entity', '=', entity)
    .where('recordId', '=', recordId)
    .orderBy('seq')
    .execute();
}

export async function selectLatestRevisionOf(
  db: Db,
  entity: string,
  recordId: string,
): Promise<RevisionTable | undefined> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('entity', '=', entity)
    .where('recordId', '=', recordId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function selectRevisionPage(db: Db, afterSeq: number, limit: number): Promise<RevisionTable[]> {
  return db
    .selectFrom('revisions')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

const headQuery = (db: Db) => db.selectFrom('revisionHead').select(['seq', 'hash']).where('id', '=', 1);
const compiledHeadQueries = new WeakMap<Db, CompiledQuery<{ seq: number | string; hash: string }>>();

/**
 * The head of the chain. Compiled once per database handle: every page served from the public
 * cache reads it to know whether the data changed, and building the query cost more than running it.
 */
export async function selectHead(db: Db): Promise<{ seq: number; hash: string }> {
  let compiled = compiledHeadQueries.get(db);
  if (!compiled) {
    compiled = headQuery(db).compile();
    compiledHeadQueries.set(db, compiled);
  }
  const row = (await db.executeQuery(compiled)).rows[0];
  if (!row) throw new Error('the history head row is missing');
  return { seq: Number(row.seq), hash: row.hash };
}
