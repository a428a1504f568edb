import { AppError, type ErrorIssue, isAppError } from '../lib/errors.js';
import {
  acceptSchema,
  ingestSchema,
  type ProposalRecord,
  rejectSchema,
} from '../modules/proposal/proposal.schema.js';
import { idSchema, VISIBILITIES } from '../modules/shared/common.schema.js';
import { shown } from './drafts.pages.js';
import { type FormValues, zodIssues } from './form.js';
import { CsrfField, type EditContext, type EditPage, editLink } from './shell.js';

interface IngestState {
  values?: FormValues;
  issues?: readonly ErrorIssue[];
  message?: string;
}

const optional = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

function Proposal({ context, proposal }: { context: EditContext; proposal: ProposalRecord }) {
  const { t } = context;
  const action = (decision: string) =>
    editLink(`/proposals/${proposal.id}/${decision}`, { sourceId: proposal.sourceId });
  return (
    <li class="proposal">
      <p>
        <strong>{proposal.kind.replaceAll('_', ' ')}</strong> · {t.ingest.confidence}{' '}
        {proposal.confidence.toFixed(2)}
      </p>
      <blockquote>{proposal.evidence.sentence}</blockquote>
      <p>{shown(proposal.payload)}</p>
      <form method="post" action={action('accept')} class="inline">
        <CsrfField csrf={context.csrf} />
        <input type="hidden" name="version" value={String(proposal.version)} />
        <label for={`visibility-${proposal.id}`}>{t.ingest.visibility}</label>
        <select id={`visibility-${proposal.id}`} name="visibility">
          {VISIBILITIES.map((level) => (
            <option key={level} value={level} selected={level === 'internal'}>
              {level}
            </option>
          ))}
        </select>
        <button type="submit">{t.ingest.accept}</button>
      </form>{' '}
      <form method="post" action={action('reject')} class="inline">
        <CsrfField csrf={context.csrf} />
        <input type="hidden" name="version" value={String(proposal.version)} />
        <label for={`reason-${proposal.id}`}>{t.ingest.reason}</label>
        <input id={`reason-${proposal.id}`} name="reason" />
        <button type="submit" class="secondary">
          {t.ingest.reject}
        </button>
      </form>
    </li>
  );
}

/** Paste an article; the proposals read from it (and any others pending) with accept / reject. */
export async function ingestPage(context: EditContext, state: IngestState = {}): Promise<EditPage> {
  const { t } = context;
  const values = state.values ?? {};
  const issues = state.issues ?? [];
  const sourceId = typeof context.query.sourceId === 'string' ? context.query.sourceId : undefined;
  const proposals = await context.services.proposals.find({
    status: 'pending',
    limit: 50,
    offset: 0,
    ...(sourceId && idSchema.safeParse(sourceId).success ? { sourceId } : {}),
  });
  const errorOf = (name: string) =>
    issues.filter((issue) => issue.path === name).map((issue) => issue.message);
  const field = (name: string, label: string, multiline = false) => {
    const errors = errorOf(name);
    const id = `ingest-${name}`;
    const common = {
      id,
      name,
      'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
      'aria-describedby': errors.length > 0 ? `${id}-error` : undefined,
    };
    return (
      <div class={`field${errors.length > 0 ? ' invalid' : ''}`}>
        <label for={id}>{label}</label>
        {multiline ? (
          <textarea {...common} rows={12} value={values[name] ?? ''} />
        ) : (
          <input {...common} value={values[name] ?? ''} />
        )}
        {errors.length > 0 && (
          <p class="field-error" id={`${id}-error`}>
            {errors.join('; ')}
          </p>
        )}
      </div>
    );
  };
  const unplaced = issues.filter((issue) => !['text', 'url', 'publisher', 'published'].includes(issue.path));
  return {
    title: t.ingest.title,
    status: issues.length > 0 ? 400 : 200,
    body: (
      <>
        <h1>{t.ingest.title}</h1>
        <p>{t.ingest.intro}</p>
        {state.message && (
          <p class="notice" role="status">
            {state.message}
          </p>
        )}
        {unplaced.length > 0 && (
          <div class="error-summary" role="alert">
            <ul>
              {unplaced.map((issue, index) => (
                <li key={index}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={editLink('/ingest')} class="record-form">
          <CsrfField csrf={context.csrf} />
          {field('text', t.ingest.text, true)}
          {field('url', t.ingest.url)}
          {field('publisher', t.ingest.publisher)}
          {field('published', t.ingest.published)}
          <p class="actions">
            <button type="submit">{t.ingest.submit}</button>
          </p>
        </form>
        <h2>{t.ingest.proposals}</h2>
        {proposals.items.length === 0 ? (
          <p>{t.ingest.none}</p>
        ) : (
          <ol class="proposals">
            {proposals.items.map((proposal) => (
              <Proposal key={proposal.id} context={context} proposal={proposal} />
            ))}
          </ol>
        )}
      </>
    ),
  };
}

export async function submitArticle(
  context: EditContext,
  values: FormValues,
): Promise<{ redirect: string } | { page: EditPage }> {
  const parsed = ingestSchema.safeParse({
    text: optional(values.text),
    url: optional(values.url),
    publisher: optional(values.publisher),
    published: optional(values.published),
  });
  if (!parsed.success)
    return { page: await ingestPage(context, { values, issues: zodIssues(parsed.error.issues) }) };
  try {
    const result = await context.services.proposals.ingest(parsed.data);
    return { redirect: editLink('/ingest', { sourceId: result.source.id }) };
  } catch (error) {
    if (!isAppError(error) || !['validation_failed', 'rule_violated', 'conflict'].includes(error.code))
      throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
    return { page: await ingestPage(context, { values, issues }) };
  }
}

/** Accept (creating the record through its service) or reject (with a reason) one proposal. */
export async function decideProposal(
  context: EditContext,
  values: FormValues,
): Promise<{ redirect: string } | { page: EditPage }> {
  const id = context.params.id ?? '';
  if (!idSchema.safeParse(id).success) throw new AppError('not_found', `no proposal ${id}`);
  const version = values.version && /^\d+$/.test(values.version) ? Number(values.version) : undefined;
  const back = editLink('/ingest', {
    sourceId: typeof context.query.sourceId === 'string' ? context.query.sourceId : undefined,
  });
  try {
    if (context.params.decision === 'accept') {
      const input = acceptSchema.safeParse({ visibility: values.visibility, version });
      if (!input.success)
        return { page: await ingestPage(context, { issues: zodIssues(input.error.issues) }) };
      await context.services.proposals.accept(id, input.data);
    } else if (context.params.decision === 'reject') {
      const input = rejectSchema.safeParse({ reason: values.reason ?? '', version });
      if (!input.success)
        return { page: await ingestPage(context, { issues: zodIssues(input.error.issues) }) };
      await context.services.proposals.reject(id, input.data.reason, input.data.version);
    } else throw new AppError('not_found', `no such decision: ${context.params.decision ?? ''}`);
  } catch (error) {
    if (!isAppError(error) || !['conflict', 'rule_violated', 'validation_failed'].includes(error.code))
      throw error;
    const issues = [{ path: '', message: error.message }, ...error.issues];
    return { page: await ingestPage(context, { issues }) };
  }
  return { redirect: back };
}
