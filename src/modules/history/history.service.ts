import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import type { Clock } from '../shared/clock.js';
import { isVisible } from '../shared/scope.repository.js';
import {
  type DiffedChange,
  type FieldDiff,
  type RevisionAction,
  type RevisionContent,
  fieldDiff,
  revisionHash,
} from './history.diff.js';
import { RESTRICTED_FIELDS, readScopeOf, visibleLevels, type Viewer } from '../user/access.js';
import {
  advanceHead,
  advanceHeadBy,
  insertRevision,
  insertRevisions,
  selectHead,
  selectLatestRevisionOf,
  selectRevisionPage,
  selectRevisionsOf,
} from './history.repository.js';

export { type DiffedChange, type FieldDiff, type RevisionAction, fieldDiff, revisionHash };

/**
 * Every change is an append-only revision — who, when, what changed as a field diff, why — each
 * chained to the one before by a SHA-256 over its content and the previous hash
 * (docs/decisions/0005-history.md). Recorded in the same transaction as the change itself.
 */
export interface Change {
  entity: string;
  recordId: string;
  action: RevisionAction;
  before: object | null;
  after: object | null;
  reason?: string | null | undefined;
}

/** The last revision of a record, if any. */
export async function latestRevision(db: Db, entity: string, recordId: string) {
  return selectLatestRevisionOf(db, entity, recordId);
}

export function actorOf(viewer: Viewer): string {
  return viewer.user ? viewer.user.id : 'public';
}

const reasonsOfTransactions = new WeakMap<Db, string>();

/**
 * Names why every change made in this transaction is made (e.g. "import <id> of list.csv, sha256 …"),
 * for the changes whose service gives no reason of its own: an import calls many services, and each
 * of their revisions must say that the import made it.
 */
export function giveReasonForTransaction(trx: Db, reason: string): void {
  reasonsOfTransactions.set(trx, reason);
}

/** Appends one revision; call it inside the transaction that makes the change. */
export async function recordRevision(db: Db, viewer: Viewer, clock: Clock, change: Change): Promise<number> {
  const diff = fieldDiff(change.before, change.after);
  if (change.action === 'update' && Object.keys(diff).length === 0) return 0;
  const { seq, prevHash } = await advanceHead(db);
  const content: RevisionContent = {
    seq,
    at: clock().toISOString(),
    actor: actorOf(viewer),
    entity: change.entity,
    recordId: change.recordId,
    action: change.action,
    diff: canonicalJson(diff),
    reason: change.reason ?? reasonsOfTransactions.get(db) ?? null,
  };
  await insertRevision(db, { ...content, prevHash, hash: revisionHash(prevHash, content) });
  return seq;
}

/**
 * Appends many revisions in one step, chained exactly as recordRevision chains them one by one
 * (bulk loads): one head update and batched INSERTs instead of two statements per change.
 */
export async function recordRevisions(
  db: Db,
  viewer: Viewer,
  clock: Clock,
  changes: readonly Change[],
): Promise<number> {
  const diffed: DiffedChange[] = [];
  for (const change of changes) {
    const diff = fieldDiff(change.before, change.after);
    if (change.action === 'update' && Object.keys(diff).length === 0) continue;
    diffed.push({ ...change, diff: canonicalJson(diff), reason: change.reason ?? null });
  }
  return recordDiffedRevisions(db, viewer, clock, diffed);
}

/** recordRevisions for changes diffed beforehand (in a bulk load's worker threads). */
export async function recordDiffedRevisions(
  db: Db,
  viewer: Viewer,
  clock: Clock,
  changes: readonly DiffedChange[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const { firstSeq, prevHash } = await advanceHeadBy(db, changes.length);
  const at = clock().toISOString();
  const actor = actorOf(viewer);
  let previous = prevHash;
  const rows = changes.map((change, index) => {
    const content: RevisionContent = {
      seq: firstSeq + index,
      at,
      actor,
      entity: change.entity,
      recordId: change.recordId,
      action: change.action,
      diff: change.diff,
      reason: change.reason,
    };
    const row = { ...content, prevHash: previous, hash: revisionHash(previous, content) };
    previous = row.hash;
    return row;
  });
  await insertRevisions(db, rows);
  return rows.length;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  problems: string[];
}

/**
 * Walks the whole chain: each revision's hash must match its content and the previous hash, the
 * sequence must have no gap, and the head must point at the last revision. Any edit, deletion or
 * truncation of history breaks one of these.
 */
export async function verifyChain(db: Db, onProgress?: (checked: number) => void): Promise<ChainReport> {
  // One snapshot for the whole walk, so a change committed meanwhile cannot look like damage.
  if (!db.isTransaction) {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => verifyChain(trx, onProgress));
  }
  const problems: string[] = [];
  let expectedPrev = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await selectRevisionPage(db, expectedSeq - 1, 5000);
    if (page.length === 0) break;
    for (const revision of page) {
      const { hash, prevHash, ...content } = revision;
      const seq = Number(content.seq);
      if (seq !== expectedSeq) problems.push(`revisions ${expectedSeq}–${seq - 1} are missing`);
      if (prevHash !== expectedPrev)
        problems.push(`revision ${seq} does not follow the one before it (its previous hash differs)`);
      if (revisionHash(prevHash, { ...content, seq }) !== hash)
        problems.push(`revision ${seq} was altered (its hash does not match its content)`);
      expectedPrev = hash;
      expectedSeq = seq + 1;
      checked += 1;
    }
    onProgress?.(checked);
  }
  const head = await selectHead(db);
  if (head.seq !== expectedSeq - 1 || head.hash !== expectedPrev) {
    problems.push(
      `the chain ends at revision ${expectedSeq - 1} but the head says ${head.seq}: revisions were removed from the end`,
    );
  }
  return { ok: problems.length === 0, checked, problems };
}

export interface RevisionView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  changes: FieldDiff;
  reason: string | null;
  hash: string;
}

export function createHistoryService(deps: { db: Db; clock: Clock; viewer: Viewer }) {
  const scope = readScopeOf(deps.viewer);

  /** Restricted fields the viewer may not see are masked in diffs, as they are in records. */
  function redact(entity: string, diff: FieldDiff): FieldDiff {
    const restricted = RESTRICTED_FIELDS[entity] ?? {};
    const levels = visibleLevels(deps.viewer);
    return Object.fromEntries(
      Object.entries(diff).map(([field, change]) => {
        const level = restricted[field];
        return level && !levels.includes(level)
          ? [field, { from: '[restricted]', to: '[restricted]' }]
          : [field, change];
      }),
    );
  }

  return {
    /** The history of one record, oldest first, for staff who may see the record. */
    async listFor(entity: string, recordId: string): Promise<RevisionView[]> {
      if (!deps.viewer.user) throw new AppError('unauthorized', 'sign in to read the history of records');
      if (!(await isVisible(deps.db, entity, recordId, scope))) {
        const everything = deps.viewer.user.role === 'admin';
        if (!everything) throw new AppError('not_found', `${entity} ${recordId} does not exist`);
      }
      return (await selectRevisionsOf(deps.db, entity, recordId)).map((revision) => ({
        seq: Number(revision.seq),
        at: revision.at,
        actor: revision.actor,
        action: revision.action,
        changes: redact(entity, JSON.parse(revision.diff) as FieldDiff),
        reason: revision.reason,
        hash: revision.hash,
      }));
    },

    /** The last change to a record, to name it when a stale edit is refused. */
    latestOf: (entity: string, recordId: string) => selectLatestRevisionOf(deps.db, entity, recordId),

    verify: (onProgress?: (checked: number) => void) => verifyChain(deps.db, onProgress),

    /**
     * A token that changes with every committed change to the registry (the head of the chain),
     * so that output computed from the data can be reused until the data changes. It says nothing
     * about the records; never show it.
     */
    async dataVersion(): Promise<string> {
      const head = await selectHead(deps.db);
      return `${head.seq}.${head.hash.slice(0, 16)}`;
    },
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;
