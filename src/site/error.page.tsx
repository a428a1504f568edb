import type { ErrorIssue } from '../lib/errors.js';
import { ErrorSection } from './components.js';
import { messagesFor } from './i18n.js';
import { renderDocument } from './layout.js';
import { serverLinks } from './links.js';
import type { Locale } from './locale.js';

export type ErrorPageKind = 'not_found' | 'bad_request' | 'server_error';

/** A clear error page in the reader's language: what went wrong, never a stack trace. */
export function renderErrorPage(
  locale: Locale,
  kind: ErrorPageKind,
  path: string,
  issues: readonly ErrorIssue[] = [],
): string {
  const t = messagesFor(locale);
  const texts: Record<ErrorPageKind, { title: string; text: string }> = {
    not_found: { title: t.errors.notFoundTitle, text: t.errors.notFoundText },
    bad_request: { title: t.errors.badRequestTitle, text: t.errors.badRequestText },
    server_error: { title: t.errors.serverErrorTitle, text: t.errors.serverErrorText },
  };
  const { title, text } = texts[kind];
  return renderDocument({
    locale,
    t,
    links: serverLinks,
    title,
    path,
    children: (
      <ErrorSection
        title={title}
        text={text}
        issues={issues}
        back={{ href: serverLinks.page(locale, '/'), label: t.errors.backHome }}
      />
    ),
  });
}
