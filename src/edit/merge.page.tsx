import { type ErrorIssue, isAppError } from '../lib/errors.js';
import { mergeSchema, type PersonRecord } from '../modules/person/person.schema.js';
import { idSchema } from '../modules/shared/common.schema.js';
import { mayPublish } from '../modules/user/access.js';
import { type FormValues, zodIssues } from './form.js';
import { CsrfField, type EditContext, type EditPage, editLink } from './shell.js';

interface MergeState {
  values?: FormValues;
  issues?: readonly ErrorIssue[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

async function personOrNull(context: EditContext, id: string): Promise<PersonRecord | null> {
  if (!idSchema.safeParse(id).success) return null;
  return context.services.persons.get(id).catch(() => null);
}

/**
 * Merging two persons: find them by name, name the one kept and the duplicate, see what moves
 * (names, episodes), then confirm. An editor who may not publish submits the merge as a draft.
 */
export async function mergePage(context: EditContext, state: MergeState): Promise<EditPage> {
  const { t } = context;
  const values = state.values ?? {};
  const q = text(context.query.q);
  const keepId = text(values.keep ?? context.query.keep);
  const duplicateId = text(values.duplicate ?? context.query.duplicate);
  const hits = q ? await context.services.persons.search(q, 10) : [];
  const [keep, duplicate] = [await personOrNull(context, keepId), await personOrNull(context, duplicateId)];
  const episodes = duplicate ? await context.services.episodes.listForPerson(duplicate.id) : [];
  const issues = state.issues ?? [];
  return {
    title: t.mergeForm.title,
    status: issues.length > 0 ? 422 : 200,
    body: (
      <>
        <h1>{t.mergeForm.title}</h1>
        <p>{t.mergeForm.intro}</p>
        <form method="get" action={editLink('/merge')} role="search" class="inline">
          <label for="merge-q">{t.mergeForm.search}</label> <input id="merge-q" name="q" value={q} />
          <input type="hidden" name="keep" value={keepId} />
          <input type="hidden" name="duplicate" value={duplicateId} />{' '}
          <button type="submit">{t.list.find}</button>
        </form>
        {hits.length > 0 && (
          <ul class="records">
            {hits.map((hit) => (
              <li key={hit.personId}>
                {hit.displayName} <code>{hit.personId}</code> · {hit.reason}
              </li>
            ))}
          </ul>
        )}
        {issues.length > 0 && (
          <div class="error-summary" role="alert">
            <ul>
              {issues.map((issue, index) => (
                <li key={index}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          </div>
        )}
        <form method="get" action={editLink('/merge')} class="record-form">
          <div class="field">
            <label for="keep">{t.mergeForm.keep}</label>
            <input id="keep" name="keep" value={keepId} />
          </div>
          <div class="field">
            <label for="duplicate">{t.mergeForm.duplicate}</label>
            <input id="duplicate" name="duplicate" value={duplicateId} />
          </div>
          <button type="submit" class="secondary">
            {t.mergeForm.preview}
          </button>
        </form>
        {keep && duplicate && (
          <section class="merge-preview">
            <h2>{t.mergeForm.moves}</h2>
            <p>
              {duplicate.displayName} → {keep.displayName}
            </p>
            <h3>{t.mergeForm.names}</h3>
            <ul>
              {duplicate.names.map((name) => (
                <li key={name.id} lang={name.language}>
                  {name.text}
                </li>
              ))}
            </ul>
            <p>{t.mergeForm.episodes(String(episodes.length))}</p>
            <form method="post" action={editLink('/merge')}>
              <CsrfField csrf={context.csrf} />
              <input type="hidden" name="keep" value={keep.id} />
              <input type="hidden" name="duplicate" value={duplicate.id} />
              <input type="hidden" name="version" value={String(keep.version)} />
              <button type="submit">{t.mergeForm.confirm}</button>
            </form>
          </section>
        )}
      </>
    ),
  };
}

export async function submitMerge(
  context: EditContext,
  values: FormValues,
): Promise<{ redirect: string } | { page: EditPage }> {
  const keep = text(values.keep);
  const parsed = mergeSchema.safeParse({
    duplicateId: text(values.duplicate),
    version: values.version && /^\d+$/.test(values.version) ? Number(values.version) : undefined,
  });
  if (!parsed.success || !idSchema.safeParse(keep).success) {
    const issues = parsed.success
      ? [{ path: 'keep', message: 'must be an id (UUID)' }]
      : zodIssues(parsed.error.issues);
    return { page: await mergePage(context, { values, issues }) };
  }
  try {
    if (!mayPublish(context.viewer)) {
      const submitted = await context.services.drafts.submit({
        kind: 'person',
        action: 'merge',
        targetId: keep,
        payload: parsed.data,
      });
      return { redirect: editLink(`/drafts/${submitted.draft.id}`, { saved: 'draft' }) };
    }
    await context.services.persons.merge(keep, parsed.data.duplicateId, parsed.data.version);
    return { redirect: editLink(`/persons/${keep}`, { saved: 'merged' }) };
  } catch (error) {
    if (
      !isAppError(error) ||
      !['rule_violated', 'not_found', 'conflict', 'validation_failed'].includes(error.code)
    )
      throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
    return { page: await mergePage(context, { values, issues }) };
  }
}
