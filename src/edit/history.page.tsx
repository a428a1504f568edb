import { DiffTable } from './drafts.pages.js';
import type { AnyRecord, EditableKind } from './kinds.js';
import { type EditContext, type EditPage, editLink } from './shell.js';

/** Every revision of one record, oldest first, each as its field-level before and after. */
export async function historyPage(
  context: EditContext,
  kind: EditableKind,
  record: AnyRecord,
): Promise<EditPage> {
  const { t } = context;
  const revisions = await context.services.history.listFor(kind.kind, record.id);
  const label = kind.label(record) || record.id;
  const title = t.history.title(label);
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        <p>
          <a href={editLink(`/${kind.path}/${record.id}`)}>← {label}</a>
        </p>
        {revisions.length === 0 && <p>{t.history.empty}</p>}
        <ol class="revisions">
          {revisions.map((revision) => (
            <li key={revision.seq}>
              <p>
                <strong>{revision.action}</strong> ·{' '}
                <time dateTime={revision.at}>{revision.at.slice(0, 19).replace('T', ' ')}</time> ·{' '}
                {t.history.actor}: <code>{revision.actor}</code>
                {revision.reason && (
                  <>
                    {' '}
                    · {t.history.reason}: {revision.reason}
                  </>
                )}
              </p>
              <DiffTable
                changes={revision.changes}
                labels={{
                  field: t.history.field,
                  before: t.history.before,
                  after: t.history.after,
                  caption: `#${revision.seq}`,
                }}
              />
            </li>
          ))}
        </ol>
      </>
    ),
  };
}
