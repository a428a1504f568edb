import { mayPublish } from '../modules/user/access.js';
import { EDITABLE_KINDS } from './kinds.js';
import { type EditContext, type EditPage, editLink } from './shell.js';

/** The start page: what can be added, and how many drafts wait. */
export async function dashboardPage(context: EditContext): Promise<EditPage> {
  const { t } = context;
  const pending = await context.services.drafts.find({ status: 'pending', limit: 1, offset: 0 });
  return {
    title: t.home,
    body: (
      <>
        <h1>{t.title}</h1>
        <p>{t.dashboard.intro}</p>
        <p>{mayPublish(context.viewer) ? t.dashboard.mayPublish : t.dashboard.mayNotPublish}</p>
        <p>
          <a href={editLink('/drafts')}>{t.dashboard.pending(String(pending.total))}</a>
        </p>
        <ul class="kinds">
          {EDITABLE_KINDS.map((kind) => (
            <li key={kind.path}>
              <a href={editLink(`/${kind.path}`)}>{t.kinds[kind.kind]}</a> ·{' '}
              <a href={editLink(`/${kind.path}/new`)}>{t.list.add}</a>
            </li>
          ))}
        </ul>
      </>
    ),
  };
}
