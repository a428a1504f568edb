import type { ErrorIssue } from '../lib/errors.js';
import type { EditMessages } from './messages/index.js';
import { type EditPage, editLink } from './shell.js';

/** A clear error page inside the editors' interface: what went wrong, never a stack trace. */
export function errorPage(
  t: EditMessages,
  title: string,
  text: string,
  issues: readonly ErrorIssue[] = [],
): EditPage {
  return {
    title,
    body: (
      <section class="error">
        <h1>{title}</h1>
        <p>{text}</p>
        {issues.length > 0 && (
          <ul>
            {issues.map((issue) => (
              <li key={issue.path}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={editLink('/')}>{t.errors.back}</a>
        </p>
      </section>
    ),
  };
}
