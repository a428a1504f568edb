import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Services } from '../app.js';
import { mayAdminister, mayPublish, type Viewer } from '../modules/user/access.js';
import { LANGUAGE_NAMES } from '../site/i18n.js';
import { queryString } from '../site/links.js';
import { LOCALES, type Locale } from '../site/locale.js';
import { EDITABLE_KINDS } from './kinds.js';
import type { EditMessages } from './messages/index.js';

/** What every editors' page receives: services for the signed-in viewer, never for the public. */
export interface EditContext {
  services: Services;
  viewer: Viewer;
  locale: Locale;
  t: EditMessages;
  /** The session's CSRF token, sent back by every form. */
  csrf: string;
  /** The page's address with its query, for the language switch. */
  path: string;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, unknown>>;
}

export interface EditPage {
  title: string;
  body: ComponentChildren;
  status?: number;
}

/** Every address of the editors' interface is made here. */
export const editLink = (path: string, query: Record<string, string | undefined> = {}) =>
  `/edit${path === '/' ? '' : path}${queryString(query)}`;

export function CsrfField({ csrf }: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={csrf} />;
}

interface ShellProps {
  locale: Locale;
  t: EditMessages;
  title: string;
  path: string;
  viewer: Viewer | null;
  csrf: string;
  children: ComponentChildren;
}

function Shell({ locale, t, title, path, viewer, csrf, children }: ShellProps) {
  const user = viewer?.user ?? null;
  const nav: [string, string][] = user
    ? [
        [t.home, editLink('/')],
        ...EDITABLE_KINDS.map((kind): [string, string] => [t.kinds[kind.kind], editLink(`/${kind.path}`)]),
        [t.reviewQueue, editLink('/drafts')],
        [t.merge, editLink('/merge')],
        ...(viewer && mayPublish(viewer)
          ? ([[t.ingest.title, editLink('/ingest')]] as [string, string][])
          : []),
        // An editor who may not publish imports too: the import becomes a draft (decision 0024).
        [t.imports.title, editLink('/imports')],
        ...(viewer && mayAdminister(viewer) ? [[t.users, editLink('/users')] as [string, string]] : []),
      ]
    : [];
  const pathname = path.split('?')[0] ?? '';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${t.title} · unfree`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="stylesheet" href="/assets/edit.css" />
        <script src="/assets/edit.js" defer />
      </head>
      <body class="editors">
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={editLink('/')}>
              unfree · {t.title}
            </a>
            <nav aria-label={t.languageSwitch} class="languages">
              <ul>
                {LOCALES.map((other) => (
                  <li key={other}>
                    <a
                      href={editLink(`/language/${other}`, { next: path })}
                      hreflang={other}
                      lang={other}
                      aria-current={other === locale ? 'true' : undefined}
                    >
                      {LANGUAGE_NAMES[other]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          {user && (
            <div class="bar account">
              <p>{t.signedInAs(user.email, user.role)}</p>
              <form method="post" action={editLink('/sign-out')} class="inline">
                <CsrfField csrf={csrf} />
                <button type="submit">{t.signOut}</button>
              </form>
              <a href={`/${locale}/`}>{t.publicSite}</a>
            </div>
          )}
          {nav.length > 0 && (
            <nav aria-label={t.navigation} class="main-nav">
              <ul>
                {nav.map(([label, href]) => (
                  <li key={href}>
                    <a
                      href={href}
                      aria-current={
                        href === pathname || (href !== '/edit' && pathname.startsWith(`${href}/`))
                          ? 'page'
                          : undefined
                      }
                    >
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

export function renderEditDocument(
  props: Omit<ShellProps, 'children' | 'title'> & { page: EditPage },
): string {
  const { page, ...shell } = props;
  return `<!doctype html>${render(
    <Shell {...shell} title={page.title}>
      {page.body}
    </Shell>,
  )}`;
}

/** The notice a redirect after saving asks for (?saved=draft|published). */
export function SavedNotice({ context }: { context: EditContext }) {
  const { t } = context;
  const texts: Record<string, string> = {
    draft: t.form.savedDraft,
    published: t.form.savedPublished,
    merged: t.mergeForm.merged,
    rejected: t.review.rejected,
    withdrawn: t.review.withdrawn,
    created: t.usersPage.created,
    changed: t.usersPage.changed,
  };
  const saved = context.query.saved;
  const text = typeof saved === 'string' ? texts[saved] : undefined;
  if (!text) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}
