import type { ErrorIssue } from '../lib/errors.js';
import { ErrorSection } from '../site/components.js';
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
      <ErrorSection
        title={title}
        text={text}
        issues={issues}
        back={{ href: editLink('/'), label: t.errors.back }}
      />
    ),
  };
}
