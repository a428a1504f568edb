import { AppError, type ErrorIssue, isAppError } from '../lib/errors.js';
import { DRAFT_STATUSES, type DraftStatus, rejectSchema } from '../modules/draft/draft.schema.js';
import { IMPORT_OUTCOMES, type ImportOutcome } from '../modules/import/import.schema.js';
import { idSchema } from '../modules/shared/common.schema.js';
import { mayPublish } from '../modules/user/access.js';
import type { FormValues } from './form.js';
import { ImportDraftReport } from './imports.page.js';
import { zodIssues } from './form.js';
import { editableKindOf } from './kinds.js';
import { CsrfField, type EditContext, type EditPage, editLink, SavedNotice } from './shell.js';

/** A value of a diff, shown as text: lists and objects as compact JSON. */
export function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(shown).join('; ');
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>).filter(
      (part) => part !== null && part !== undefined && part !== '' && part !== false,
    );
    return parts.map(shown).join(', ');
  }
  return JSON.stringify(value);
}

export function DiffTable({
  changes,
  labels,
}: {
  changes: Readonly<Record<string, { from: unknown; to: unknown }>>;
  labels: { field: string; before: string; after: string; caption: string };
}) {
  return (
    <table class="diff">
      <caption>{labels.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.field}</th>
          <th scope="col">{labels.before}</th>
          <th scope="col">{labels.after}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(changes).map(([field, change]) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td>
              <del>{shown(change.from)}</del>
            </td>
            <td>
              <ins>{shown(change.to)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An import draft's outcomes at submission, as its payload keeps them. */
function submittedOutcomes(payload: Readonly<Record<string, unknown>>): ImportOutcome[] {
  const outcomes = payload.submittedOutcomes;
  return Array.isArray(outcomes)
    ? outcomes.filter((outcome): outcome is ImportOutcome =>
        (IMPORT_OUTCOMES as readonly unknown[]).includes(outcome),
      )
    : [];
}

function statusOf(query: Readonly<Record<string, unknown>>): DraftStatus {
  const status = query.status;
  return (DRAFT_STATUSES as readonly unknown[]).includes(status) ? (status as DraftStatus) : 'pending';
}

/** The review queue: drafts by status (reviewers see every draft, editors their own). */
export async function draftsPage(context: EditContext): Promise<EditPage> {
  const { t } = context;
  const status = statusOf(context.query);
  const page = await context.services.drafts.find({ status, limit: 100, offset: 0 });
  return {
    title: t.review.title,
    body: (
      <>
        <h1>{t.review.title}</h1>
        <SavedNotice context={context} />
        <nav aria-label={t.review.status} class="tabs">
          <ul>
            {DRAFT_STATUSES.map((each) => (
              <li key={each}>
                <a
                  href={editLink('/drafts', { status: each })}
                  aria-current={each === status ? 'page' : undefined}
                >
                  {t.review.statuses[each]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {page.items.length === 0 ? (
          <p>{t.review.empty}</p>
        ) : (
          <table class="drafts">
            <caption>{t.review.statuses[status]}</caption>
            <thead>
              <tr>
                <th scope="col">{t.review.summary}</th>
                <th scope="col">{t.review.kind}</th>
                <th scope="col">{t.review.author}</th>
                <th scope="col">{t.review.submitted}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((draft) => (
                <tr key={draft.id}>
                  <th scope="row">
                    <a href={editLink(`/drafts/${draft.id}`)}>{draft.summary}</a>
                  </th>
                  <td>{t.kinds[draft.kind]}</td>
                  <td>{draft.author.displayName}</td>
                  <td>{draft.createdAt.slice(0, 16).replace('T', ' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  };
}

function draftId(context: EditContext): string {
  const id = context.params.id ?? '';
  if (!idSchema.safeParse(id).success) throw new AppError('not_found', `no draft ${id}`);
  return id;
}

/** One draft: what it changes, field by field, and the buttons its reader may press. */
export async function draftPage(context: EditContext, issues: readonly ErrorIssue[] = []): Promise<EditPage> {
  const { t } = context;
  const draft = await context.services.drafts.get(draftId(context));
  const pending = draft.status === 'pending';
  const reviewer = mayPublish(context.viewer);
  const mine = draft.author.id === context.viewer.user?.id;
  const kind = editableKindOf(draft.kind);
  const result =
    draft.resultId && draft.status === 'published' && kind
      ? editLink(`/${kind.path}/${draft.resultId}`)
      : null;
  const title = t.review.draftTitle(draft.summary);
  const action = (decision: string) => editLink(`/drafts/${draft.id}/${decision}`);
  return {
    title,
    status: issues.length > 0 ? 409 : 200,
    body: (
      <>
        <h1>{title}</h1>
        <SavedNotice context={context} />
        {issues.length > 0 && (
          <div class="error-summary" role="alert">
            <ul>
              {issues.map((issue, index) => (
                <li key={index}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          </div>
        )}
        <dl class="facts">
          <div>
            <dt>{t.review.status}</dt>
            <dd>{t.review.statuses[draft.status]}</dd>
          </div>
          <div>
            <dt>{t.review.author}</dt>
            <dd>{draft.author.displayName}</dd>
          </div>
          {draft.note && (
            <div>
              <dt>{t.review.note}</dt>
              <dd>{draft.note}</dd>
            </div>
          )}
          {draft.reviewNote && (
            <div>
              <dt>{t.review.reviewNote}</dt>
              <dd>{draft.reviewNote}</dd>
            </div>
          )}
        </dl>
        {result && (
          <p>
            <a href={result}>{t.review.result}</a>
          </p>
        )}
        {draft.stale && (
          <p class="warning" role="alert">
            {draft.kind === 'import' ? t.review.importStale : t.review.stale}
          </p>
        )}
        {pending && draft.report && (
          <ImportDraftReport
            context={context}
            report={draft.report}
            submitted={submittedOutcomes(draft.payload)}
          />
        )}
        {pending && !draft.report && (
          <DiffTable
            changes={draft.changes}
            labels={{
              field: t.review.field,
              before: t.review.before,
              after: t.review.after,
              caption: t.review.changes,
            }}
          />
        )}
        {pending && reviewer && (
          <div class="review-actions">
            <form method="post" action={action('publish')} class="record-form">
              <CsrfField csrf={context.csrf} />
              <input type="hidden" name="version" value={String(draft.version)} />
              <div class="field">
                <label for="publish-note">{t.review.reviewNote}</label>
                <textarea id="publish-note" name="note" rows={2} />
              </div>
              <button type="submit">{t.review.publish}</button>
            </form>
            <form method="post" action={action('reject')} class="record-form">
              <CsrfField csrf={context.csrf} />
              <input type="hidden" name="version" value={String(draft.version)} />
              <div class="field">
                <label for="reject-note">{t.review.rejectNote}</label>
                <textarea id="reject-note" name="note" rows={2} />
              </div>
              <button type="submit" class="secondary">
                {t.review.reject}
              </button>
            </form>
          </div>
        )}
        {pending && mine && (
          <form method="post" action={action('withdraw')} class="inline">
            <CsrfField csrf={context.csrf} />
            <button type="submit" class="secondary">
              {t.review.withdraw}
            </button>
          </form>
        )}
      </>
    ),
  };
}

/** Publish, reject (with a note) or withdraw; a refusal (a stale draft's 409) shows on the draft's page. */
export async function reviewDraft(
  context: EditContext,
  values: FormValues,
): Promise<{ redirect: string } | { page: EditPage }> {
  const id = draftId(context);
  const decision = context.params.decision;
  const note = values.note?.trim() ? values.note.trim() : undefined;
  const version = values.version && /^\d+$/.test(values.version) ? Number(values.version) : undefined;
  const drafts = context.services.drafts;
  try {
    if (decision === 'publish') await drafts.publish(id, { note, version });
    else if (decision === 'withdraw') await drafts.withdraw(id, { note, version });
    else if (decision === 'reject') {
      const review = rejectSchema.safeParse({ note: note ?? '', version });
      if (!review.success) return { page: await draftPage(context, zodIssues(review.error.issues)) };
      await drafts.reject(id, review.data);
    } else throw new AppError('not_found', `no such decision: ${decision ?? ''}`);
  } catch (error) {
    if (!isAppError(error) || !['conflict', 'rule_violated', 'not_found'].includes(error.code)) throw error;
    if (error.code === 'not_found' && decision !== 'publish') throw error;
    const issues = [
      { path: '', message: error.message },
      ...error.issues.filter((issue) => issue.path !== 'status'),
    ];
    return { page: await draftPage(context, issues) };
  }
  const saved = decision === 'publish' ? 'published' : decision === 'reject' ? 'rejected' : 'withdrawn';
  return { redirect: editLink(`/drafts/${id}`, { saved }) };
}
