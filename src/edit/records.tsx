import type { ComponentChildren } from 'preact';
import { AppError, type ErrorIssue, isAppError } from '../lib/errors.js';
import type { NameMatch } from '../modules/person/person.schema.js';
import { mayPublish, RESTRICTED_FIELDS, type Viewer, visibleLevels } from '../modules/user/access.js';
import {
  compactRows,
  type Field,
  fieldsFor,
  type FormMode,
  type FormValues,
  formValuesOf,
  initialValues,
  payloadOf,
  type ReferenceKind,
  valuesOf,
  zodIssues,
} from './form.js';
import { type Choice, RecordForm, type ReferenceChoices } from './form-view.js';
import { type AnyRecord, type EditableKind, editableKindOf } from './kinds.js';
import { type EditContext, type EditPage, editLink, SavedNotice } from './shell.js';

const REFERENCE_KINDS: Record<ReferenceKind, string> = {
  legalArticle: 'legal_article',
  facility: 'facility',
  batch: 'batch',
  counterpart: 'counterpart',
  source: 'source',
};

function referencesOf(fields: readonly Field[]): Set<ReferenceKind> {
  const found = new Set<ReferenceKind>();
  for (const field of fields) {
    const scalars = field.kind === 'scalar' ? [field] : field.fields;
    for (const scalar of scalars) if (scalar.reference) found.add(scalar.reference);
  }
  return found;
}

/**
 * The fields of a kind's form for this viewer: a field stricter than its record that the viewer may
 * not see (a person's contacts) is neither shown nor sent, so saving the form leaves it as it is.
 */
export function formFields(kind: EditableKind, mode: FormMode, viewer: Viewer): Field[] {
  const restricted = RESTRICTED_FIELDS[kind.kind] ?? {};
  const levels = visibleLevels(viewer);
  return fieldsFor(kind.fields, mode).filter((field) => {
    const level = restricted[field.name];
    return level === undefined || levels.includes(level);
  });
}

/** The records a form's reference fields offer, read with the editor's eyes. */
export async function loadChoices(context: EditContext, fields: readonly Field[]): Promise<ReferenceChoices> {
  const choices: ReferenceChoices = {};
  for (const reference of referencesOf(fields)) {
    const kind = editableKindOf(REFERENCE_KINDS[reference]);
    if (!kind) continue;
    const page = await kind
      .service(context.services)
      .find(kind.filter.parse({ limit: 500 }) as Record<string, unknown>);
    choices[reference] = page.items.map((record): Choice => ({
      value: record.id,
      label: kind.label(record),
    }));
  }
  return choices;
}

/** The list of one kind, newest changes first as the service orders them, with a search for persons. */
export async function listPage(context: EditContext, kind: EditableKind): Promise<EditPage> {
  const { t } = context;
  const q =
    typeof context.query.q === 'string' && context.query.q.trim() !== '' ? context.query.q.trim() : undefined;
  const offset = Number(context.query.offset ?? 0) || 0;
  const filter = kind.filter.parse({ limit: 50, offset, ...(q ? { q } : {}) }) as Record<string, unknown>;
  const page = await kind.service(context.services).find(filter);
  const title = t.kinds[kind.kind];
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        <p>
          <a class="button" href={editLink(`/${kind.path}/new`)}>
            {t.list.add}
          </a>
        </p>
        {kind.kind === 'person' && (
          <form method="get" action={editLink(`/${kind.path}`)} role="search" class="inline">
            <label for="q">{t.list.search}</label> <input id="q" name="q" value={q ?? ''} />{' '}
            <button type="submit">{t.list.find}</button>
          </form>
        )}
        <p>{t.list.total(String(page.total))}</p>
        {page.items.length === 0 ? (
          <p>{t.list.empty}</p>
        ) : (
          <ul class="records">
            {page.items.map((record) => (
              <li key={record.id}>
                <a href={editLink(`/${kind.path}/${record.id}`)}>{kind.label(record) || record.id}</a>{' '}
                <small>
                  {typeof record.visibility === 'string' ? record.visibility : ''} · v{record.version}
                </small>
              </li>
            ))}
          </ul>
        )}
        {page.total > offset + page.items.length && (
          <p>
            <a href={editLink(`/${kind.path}`, { q, offset: String(offset + page.items.length) })}>→</a>
          </p>
        )}
      </>
    ),
  };
}

export interface FormState {
  values: FormValues;
  issues: readonly ErrorIssue[];
  duplicates?: readonly NameMatch[];
}

function Duplicates({ context, matches }: { context: EditContext; matches: readonly NameMatch[] }) {
  const { t } = context;
  return (
    <div class="warning" role="alert">
      <h2>{t.form.duplicatesTitle}</h2>
      <p>{t.form.duplicatesHint}</p>
      <ul>
        {matches.map((match) => (
          <li key={match.personId}>
            <a href={editLink(`/persons/${match.personId}`)}>{match.matchedName}</a>: {match.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

async function relatedOfPerson(context: EditContext, record: AnyRecord) {
  const { t } = context;
  const episodes = await context.services.episodes.listForPerson(record.id);
  const duplicates = await context.services.persons.checkDuplicates(
    (record.names as { text: string; script: 'Cyrl' | 'Latn'; language: string }[]).map((name) => ({
      text: name.text,
      script: name.script,
      language: name.language,
    })),
    record.id,
  );
  const adds: [string, string][] = [
    [t.form.addEpisode, editLink('/episodes/new', { personId: record.id })],
    [t.form.addRecognition, editLink('/recognitions/new', { personId: record.id })],
    [t.form.addConditionEvent, editLink('/condition-events/new', { personId: record.id })],
  ];
  return (
    <>
      <h3>{t.form.episodes}</h3>
      {episodes.length === 0 ? (
        <p>{t.list.empty}</p>
      ) : (
        <ul>
          {episodes.map((episode) => (
            <li key={episode.id}>
              <a href={editLink(`/episodes/${episode.id}`)}>
                {episode.detainedOn} {episode.place ?? ''}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ul>
        {adds.map(([label, href]) => (
          <li key={href}>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
      {duplicates.length > 0 && <Duplicates context={context} matches={duplicates} />}
    </>
  );
}

/** The form of a new record or of an existing one, with what the editor typed and its errors. */
export async function formPage(
  context: EditContext,
  kind: EditableKind,
  record: AnyRecord | null,
  state: FormState,
): Promise<EditPage> {
  const { t } = context;
  const mode: FormMode = record ? 'update' : 'create';
  const label = record ? kind.label(record) || record.id : '';
  const title = record ? t.form.editTitle(t.kinds[kind.kind], label) : t.form.newTitle(t.kinds[kind.kind]);
  const action = editLink(record ? `/${kind.path}/${record.id}` : `/${kind.path}/new`);
  const related: ComponentChildren = record && (
    <aside class="related">
      <h2>{t.form.related}</h2>
      <ul>
        <li>
          <a href={editLink(`/${kind.path}/${record.id}/history`)}>{t.form.history}</a>
        </li>
        {kind.kind !== 'citation' && kind.kind !== 'source' && (
          <li>
            <a href={editLink('/citations/new', { subjectType: kind.kind, subjectId: record.id })}>
              {t.form.addCitation}
            </a>
          </li>
        )}
        {kind.kind === 'person' && (
          <li>
            <a href={`/${context.locale}/prisoners/${record.id}`}>{t.form.publicPage}</a>
          </li>
        )}
      </ul>
      {kind.kind === 'person' && (await relatedOfPerson(context, record))}
    </aside>
  );
  return {
    title,
    status: state.issues.length > 0 ? 400 : 200,
    body: (
      <>
        <h1>{title}</h1>
        <SavedNotice context={context} />
        <p>{mayPublish(context.viewer) ? t.dashboard.mayPublish : t.dashboard.mayNotPublish}</p>
        <RecordForm
          kind={kind}
          fields={formFields(kind, mode, context.viewer)}
          action={action}
          values={state.values}
          issues={state.issues}
          t={t}
          csrf={context.csrf}
          choices={await loadChoices(context, kind.fields)}
          confirm={state.duplicates && <Duplicates context={context} matches={state.duplicates} />}
        />
        {related}
      </>
    ),
  };
}

/** The starting state of a form: the record's values, or a new record's defaults and the address's prefill. */
export function startingState(
  kind: EditableKind,
  record: AnyRecord | null,
  query: Readonly<Record<string, unknown>>,
): FormState {
  if (record) return { values: valuesOf(kind.fields, record), issues: [] };
  const given = Object.fromEntries((kind.prefill ?? []).map((name) => [name, query[name]]));
  return { values: initialValues(kind.fields, given), issues: [] };
}

export type Submission = { redirect: string } | { state: FormState; status: number };

const FORM_ERRORS = new Set(['validation_failed', 'rule_violated', 'not_found', 'conflict']);

/**
 * A submitted form: parsed into the kind's payload, validated by the kind's schema (once, here on
 * the server), then saved through the service — or kept as a draft when the editor may not publish.
 */
export async function submitForm(
  context: EditContext,
  kind: EditableKind,
  record: AnyRecord | null,
  body: unknown,
): Promise<Submission> {
  const mode: FormMode = record ? 'update' : 'create';
  const raw = formValuesOf(body);
  if (raw._add) return { state: { values: raw, issues: [] }, status: 200 };
  const values = compactRows(kind.fields, raw);
  const parsed = (mode === 'create' ? kind.create : kind.update).safeParse(
    payloadOf(kind.fields, values, mode),
  );
  if (!parsed.success) return { state: { values, issues: zodIssues(parsed.error.issues) }, status: 400 };
  const payload = parsed.data as Record<string, unknown>;
  try {
    if (kind.kind === 'person' && mode === 'create' && raw._confirm !== 'duplicates') {
      const names = payload.names as Parameters<EditContext['services']['persons']['checkDuplicates']>[0];
      const duplicates = await context.services.persons.checkDuplicates(names);
      if (duplicates.length > 0) return { state: { values, issues: [], duplicates }, status: 200 };
    }
    if (!mayPublish(context.viewer)) {
      const submitted = await context.services.drafts.submit({
        kind: kind.kind,
        action: mode,
        targetId: record?.id ?? null,
        payload,
      });
      return { redirect: editLink(`/drafts/${submitted.draft.id}`, { saved: 'draft' }) };
    }
    const service = kind.service(context.services);
    const saved = record
      ? await service.update(record.id, payload as never)
      : await service.create(payload as never);
    return { redirect: editLink(`/${kind.path}/${saved.id}`, { saved: 'published' }) };
  } catch (error) {
    if (!isAppError(error) || !FORM_ERRORS.has(error.code)) throw error;
    const issues =
      error.issues.length > 0 && error.code !== 'conflict'
        ? error.issues
        : [
            {
              path: '',
              message:
                error.code === 'conflict' ? `${context.t.form.stale} (${error.message})` : error.message,
            },
          ];
    return { state: { values, issues }, status: error.code === 'conflict' ? 409 : 422 };
  }
}

export function requireKind(kind: EditableKind | undefined, path: string): EditableKind {
  if (!kind) throw new AppError('not_found', `no kind of record at ${path}`);
  return kind;
}
