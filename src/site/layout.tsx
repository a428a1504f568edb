import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { LANGUAGE_NAMES, type Messages } from './i18n.js';
import type { Links } from './links.js';
import { LOCALES, type Locale } from './locale.js';

export interface ShellProps {
  locale: Locale;
  t: Messages;
  links: Links;
  title: string;
  /** The page's path after the locale, with its query: the language switch keeps it. */
  path: string;
  children: ComponentChildren;
}

const NAV = [
  ['home', '/'],
  ['prisoners', '/prisoners'],
  ['releases', '/releases'],
  ['facilities', '/facilities'],
  ['birthdays', '/birthdays'],
  ['statistics', '/statistics'],
] as const;

function splitPath(path: string): { pathname: string; search: string } {
  const index = path.indexOf('?');
  return index < 0
    ? { pathname: path, search: '' }
    : { pathname: path.slice(0, index), search: path.slice(index) };
}

function isCurrent(navPath: string, pathname: string): boolean {
  return navPath === '/' ? pathname === '/' : pathname === navPath || pathname.startsWith(`${navPath}/`);
}

/** The frame of every public page: skip link, header, navigation, language switch, footer. */
export function Shell({ locale, t, links, title, path, children }: ShellProps) {
  const { pathname, search } = splitPath(path);
  const query = Object.fromEntries(new URLSearchParams(search));
  const inLocale = (other: Locale) => links.page(other, pathname, query);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.siteName}`}</title>
        <meta name="description" content={t.tagline} />
        <link rel="stylesheet" href={links.asset('site.css')} />
        {LOCALES.map((other) => (
          <link rel="alternate" hreflang={other} href={inLocale(other)} key={other} />
        ))}
        <link rel="alternate" hreflang="x-default" href={inLocale('en')} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={links.page(locale, '/')}>
              {t.siteName}
            </a>
            <nav aria-label={t.languageSwitch} class="languages">
              <ul>
                {LOCALES.map((other) => (
                  <li key={other}>
                    <a
                      href={inLocale(other)}
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
          <nav aria-label={t.mainNavigation} class="main-nav">
            <ul>
              {NAV.map(([key, navPath]) => (
                <li key={key}>
                  <a
                    href={links.page(locale, navPath)}
                    aria-current={isCurrent(navPath, pathname) ? 'page' : undefined}
                  >
                    {t.nav[key]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t.footer.computed}</p>
          <p>
            <a href={links.page(locale, '/data')}>{t.footer.downloads}</a> ·{' '}
            <a href={links.api('/v1/persons')}>{t.footer.openData}</a> ·{' '}
            <a href={links.api('/docs')}>{t.footer.apiDocs}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(shell: ShellProps): string {
  return `<!doctype html>${render(<Shell {...shell} />)}`;
}
