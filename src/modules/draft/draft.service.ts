import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { fieldDiff, recordRevision } from '../history/history.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import type { Page } from '../shared/common.schema.js';
import { inTransaction } from '../shared/transaction.js';
import { mayPublish, redactFields, type Viewer, visibleLevels } from '../user/access.js';
import { DRAFT_KINDS, type DraftableRecord, type DraftKind, type DraftTargets } from './draft.kinds.js';
import { closeDraft, type DraftRow, insertDraft, selectDraft, selectDraftPage } from './draft.repository.js';
import type {
  DraftAction,
  DraftChange,
  DraftDetail,
  DraftFilter,
  DraftRecord,
  DraftStatus,
  Review,
  SubmittedDraft,
} from './draft.schema.js';

export interface DraftServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  /** The services of the same viewer over another handle (a transaction), to apply a change. */
  servicesOn(db: Db): DraftTargets;
}

const VISIBILITY_ORDER = ['public', 'internal', 'confidential'];
const strictest = (levels: readonly (string | undefined)[]): string =>
  levels.reduce<string>(
    (worst, level) =>
      level && VISIBILITY_ORDER.indexOf(level) > VISIBILITY_ORDER.indexOf(worst) ? level : worst,
    'public',
  );

/** Thrown to end a trial run: its transaction rolls back and nothing stays written. */
class TrialOver extends Error {
  constructor(readonly result: DraftableRecord | null) {
    super('trial run over');
  }
}

type Applied = DraftableRecord | null;

function kindOf(name: string): DraftKind {
  const kind = (DRAFT_KINDS as Record<string, DraftKind>)[name];
  if (!kind) throw new AppError('validation_failed', `drafts cannot change records of kind ${name}`);
  return kind;
}

/** Applies one change through the kind's own service, which checks every domain rule. */
async function apply(services: DraftTargets, change: DraftChange): Promise<Applied> {
  const kind = kindOf(change.kind);
  const service = kind.service(services);
  const targetId = change.targetId ?? '';
  switch (change.action) {
    case 'create':
      return service.create(change.payload as never);
    case 'update':
      return service.update(targetId, change.payload as never);
    case 'delete':
      await service.delete(targetId);
      return null;
    case 'merge': {
      const { duplicateId, version } = change.payload as { duplicateId: string; version?: number };
      return services.persons.merge(targetId, duplicateId, version);
    }
  }
}

function schemaFor(kind: DraftKind, action: DraftAction) {
  switch (action) {
    case 'create':
      return kind.create;
    case 'update':
      return kind.update;
    case 'merge':
      return kind.merge ?? null;
    case 'delete':
      return null;
  }
}

function describe(change: DraftChange, kind: DraftKind, label: string | null): string {
  const what = label ? `${kind.entity} “${label}”` : `${kind.entity} ${change.targetId ?? ''}`.trim();
  switch (change.action) {
    case 'create':
      return `add ${what}`;
    case 'update':
      return `change ${Object.keys(change.payload)
        .filter((field) => field !== 'version')
        .join(', ')} of ${what}`;
    case 'delete':
      return `delete ${what}`;
    case 'merge':
      return `merge ${String(change.payload.duplicateId)} into ${what}`;
  }
}

/** A short human label of a record or a payload: a person's name, a batch's title… */
function labelOf(value: object | null | undefined): string | null {
  if (!value) return null;
  const record = value as Record<string, unknown>;
  for (const field of ['displayName', 'title', 'name', 'number', 'organisation']) {
    const text = record[field];
    if (typeof text === 'string' && text !== '') return text;
  }
  const names = record.names;
  if (Array.isArray(names)) {
    const first = names[0] as { text?: unknown } | undefined;
    if (typeof first?.text === 'string') return first.text;
  }
  return null;
}

/**
 * The review workflow (docs/decisions/0006-review-workflow.md): changes by editors who may not
 * publish wait here as drafts; a reviewer publishes or rejects them. A draft is tried when it is
 * submitted (applied in a transaction that is rolled back), so an editor learns of a broken rule
 * or a likely duplicate at once, not when a reviewer gets to it.
 */
export function createDraftService(deps: DraftServiceDeps) {
  const { viewer } = deps;

  function staffOnly(): NonNullable<Viewer['user']> {
    if (!viewer.user) throw new AppError('unauthorized', 'sign in to see and review drafts');
    return viewer.user;
  }

  /** Reviewers see every draft they may read; other editors see their own. */
  function readScope() {
    const user = staffOnly();
    return { levels: visibleLevels(viewer), readerId: user.id, ownOnly: !mayPublish(viewer) };
  }

  function present(row: DraftRow): DraftRecord {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    return {
      id: row.id,
      kind: row.kind as DraftRecord['kind'],
      action: row.action as DraftAction,
      targetId: row.targetId,
      payload: row.kind === 'person' ? redactFields('person', payload, viewer) : payload,
      summary: row.summary,
      note: row.note,
      visibility: row.visibility as DraftRecord['visibility'],
      status: row.status as DraftStatus,
      author: { id: row.authorId, displayName: row.authorName },
      reviewer: row.reviewerId === null ? null : { id: row.reviewerId, displayName: row.reviewerName ?? '' },
      reviewedAt: row.reviewedAt,
      reviewNote: row.reviewNote,
      resultId: row.resultId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: Number(row.version),
    };
  }

  async function load(db: Db, id: string): Promise<DraftRow> {
    const row = await selectDraft(db, id, readScope());
    if (!row) throw notFound('draft', id);
    return row;
  }

  async function current(services: DraftTargets, change: DraftChange): Promise<DraftableRecord | null> {
    if (change.action === 'create' || !change.targetId) return null;
    return kindOf(change.kind).service(services).get(change.targetId);
  }

  /** Runs the change and rolls it back: its errors are the editor's to fix now. */
  async function trial(change: DraftChange): Promise<Applied> {
    if (deps.db.isTransaction) return null;
    try {
      await deps.db.transaction().execute(async (trx) => {
        throw new TrialOver(await apply(deps.servicesOn(trx), change));
      });
    } catch (error) {
      if (error instanceof TrialOver) return error.result;
      throw error;
    }
    return null;
  }

  async function close(
    id: string,
    review: Review,
    outcome: 'published' | 'rejected' | 'withdrawn',
    publish?: (db: Db, draft: DraftRow) => Promise<Applied>,
  ) {
    return inTransaction(deps.db, async (trx) => {
      const row = await load(trx, id);
      if (row.status !== 'pending') {
        throw new AppError('conflict', `draft ${id} is already ${row.status}`, [
          { path: 'status', message: row.status },
        ]);
      }
      const version = Number(row.version);
      if (review.version !== undefined && review.version !== version) {
        throw new AppError('conflict', `draft ${id} changed since you read it; it is now version ${version}`);
      }
      const applied = publish ? await publish(trx, row) : null;
      const now = timestamp(deps.clock);
      const values = {
        status: outcome,
        reviewerId: outcome === 'withdrawn' ? null : staffOnly().id,
        reviewedAt: now,
        reviewNote: review.note ?? null,
        resultId: applied?.id ?? row.targetId,
        updatedAt: now,
      };
      if (!(await closeDraft(trx, id, version, values))) {
        throw new AppError('conflict', `draft ${id} was reviewed by someone else at the same moment`);
      }
      await recordRevision(trx, viewer, deps.clock, {
        entity: 'draft',
        recordId: id,
        action: 'update',
        before: { status: row.status },
        after: { status: outcome, resultId: values.resultId },
        reason: `${outcome}: ${row.summary}${review.note ? ` — ${review.note}` : ''}`,
      });
      return { draft: present(await load(trx, id)), record: applied };
    });
  }

  return {
    /**
     * Keeps a change as a draft. The payload has passed the kind's schema at the edge; here it is
     * tried against the domain rules, and an update is pinned to the version the editor saw.
     */
    async submit(change: DraftChange): Promise<SubmittedDraft> {
      const author = staffOnly();
      const kind = kindOf(change.kind);
      const target = await current(deps.servicesOn(deps.db), change);
      const payload =
        change.action === 'update' && target && change.payload.version === undefined
          ? { ...change.payload, version: target.version }
          : change.payload;
      const pinned: DraftChange = { ...change, payload };
      const preview = await trial(pinned);
      const now = timestamp(deps.clock);
      const id = newId();
      const summary = kind.describe
        ? kind.describe(pinned, target)
        : describe(pinned, kind, labelOf(preview) ?? labelOf(target) ?? labelOf(payload));
      await inTransaction(deps.db, async (trx) => {
        await insertDraft(trx, {
          id,
          kind: change.kind,
          action: change.action,
          targetId: change.targetId ?? null,
          payload: JSON.stringify(payload),
          summary,
          note: change.note ?? null,
          visibility: strictest([target?.visibility, payload.visibility as string | undefined]),
          status: 'pending',
          authorId: author.id,
          reviewerId: null,
          reviewedAt: null,
          reviewNote: null,
          resultId: null,
          createdAt: now,
          updatedAt: now,
        });
        await recordRevision(trx, viewer, deps.clock, {
          entity: 'draft',
          recordId: id,
          action: 'create',
          before: null,
          after: { kind: change.kind, action: change.action, targetId: change.targetId ?? null, summary },
          reason: change.note,
        });
      });
      return { draft: present(await load(deps.db, id)), preview: preview as SubmittedDraft['preview'] };
    },

    async find(filter: DraftFilter): Promise<Page<DraftRecord>> {
      const user = staffOnly();
      const { rows, total } = await selectDraftPage(
        deps.db,
        {
          status: filter.status,
          kind: filter.kind,
          targetId: filter.targetId,
          authorId: filter.mine ? user.id : undefined,
          limit: filter.limit,
          offset: filter.offset,
        },
        readScope(),
      );
      return { items: rows.map(present), total, limit: filter.limit, offset: filter.offset };
    },

    /** One draft with the changes it would make, field by field, to the record as it is now. */
    async get(id: string): Promise<DraftDetail> {
      const row = await load(deps.db, id);
      const draft = present(row);
      const change: DraftChange = { ...draft, payload: draft.payload };
      const services = deps.servicesOn(deps.db);
      const kind = kindOf(draft.kind);
      if (kind.recheck) {
        // A change of many records (an import) is reviewed by what it would do now, not by a diff.
        const now = draft.status === 'pending' ? await kind.recheck(services, draft.payload) : null;
        return {
          ...draft,
          changes: {},
          stale: now?.stale ?? false,
          report: (now?.report ?? null) as DraftDetail['report'],
        };
      }
      const now = draft.status === 'pending' ? await current(services, change).catch(() => null) : null;
      const proposed =
        draft.action === 'delete' ? null : { ...(now ?? {}), ...withoutVersion(draft.payload) };
      const expected = draft.payload.version;
      return {
        ...draft,
        changes: draft.status === 'pending' ? fieldDiff(now, proposed) : {},
        stale:
          draft.status === 'pending' &&
          draft.action !== 'create' &&
          (now === null || (typeof expected === 'number' && expected !== now.version)),
      };
    },

    /** Applies the draft as the reviewer, in one transaction with closing it. */
    async publish(id: string, review: Review) {
      if (!mayPublish(viewer)) throw new AppError('forbidden', 'only a reviewer may publish drafts');
      return close(id, review, 'published', async (trx, row) => {
        const kind = kindOf(row.kind);
        const schema = schemaFor(kind, row.action as DraftAction);
        const parsed = schema ? schema.safeParse(JSON.parse(row.payload)) : null;
        if (parsed && !parsed.success) {
          throw new AppError(
            'rule_violated',
            `draft ${id} no longer fits the ${kind.entity} format; reject it and ask for a new one`,
            parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
          );
        }
        const payload = (parsed?.data ?? JSON.parse(row.payload)) as Record<string, unknown>;
        if (kind.publish) return kind.publish(deps.servicesOn(trx), payload, row.id);
        return apply(deps.servicesOn(trx), {
          kind: row.kind as DraftChange['kind'],
          action: row.action as DraftAction,
          targetId: row.targetId,
          payload,
        });
      });
    },

    async reject(id: string, review: Review) {
      if (!mayPublish(viewer)) throw new AppError('forbidden', 'only a reviewer may reject drafts');
      return (await close(id, review, 'rejected')).draft;
    },

    /** The author takes their own draft back. */
    async withdraw(id: string, review: Review) {
      const user = staffOnly();
      const row = await load(deps.db, id);
      if (row.authorId !== user.id) throw new AppError('forbidden', 'only its author may withdraw a draft');
      return (await close(id, review, 'withdrawn')).draft;
    },
  };
}
export type DraftService = ReturnType<typeof createDraftService>;

function withoutVersion(payload: Record<string, unknown>): Record<string, unknown> {
  const { version: _version, ...rest } = payload;
  return rest;
}
