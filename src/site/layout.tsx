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

/** Every address the frame links, made through the page's Links (a mirror follows each one). */
interface FrameHrefs {
  /** The page itself in each language: the head and the language switch link it. */
  languages: Readonly<Record<Locale, string>>;
  stylesheet: string;
  home: string;
  nav: readonly string[];
  data: string;
  openData: string;
  apiDocs: string;
}

function frameHrefsOf(links: Links, locale: Locale, path: string): FrameHrefs {
  const { pathname, search } = splitPath(path);
  const query = search === '' ? {} : Object.fromEntries(new URLSearchParams(search));
  return {
    languages: Object.fromEntries(
      LOCALES.map((other) => [other, links.page(other, pathname, query)]),
    ) as Record<Locale, string>,
    stylesheet: links.asset('site.css'),
    home: links.page(locale, '/'),
    nav: NAV.map(([, navPath]) => links.page(locale, navPath)),
    data: links.page(locale, '/data'),
    openData: links.api('/v1/persons'),
    apiDocs: links.api('/docs'),
  };
}

interface FrameProps {
  locale: Locale;
  t: Messages;
  title: string;
  hrefs: FrameHrefs;
  /** The pathname after the locale: its section is marked current in the navigation. */
  pathname: string;
  children: ComponentChildren;
}

/** The frame's markup, from addresses already made. */
function Frame({ locale, t, title, hrefs, pathname, children }: FrameProps) {
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.siteName}`}</title>
        <meta name="description" content={t.tagline} />
        <link rel="stylesheet" href={hrefs.stylesheet} />
        {LOCALES.map((other) => (
          <link rel="alternate" hreflang={other} href={hrefs.languages[other]} key={other} />
        ))}
        <link rel="alternate" hreflang="x-default" href={hrefs.languages.en} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={hrefs.home}>
              {t.siteName}
            </a>
            <nav aria-label={t.languageSwitch} class="languages">
              <ul>
                {LOCALES.map((other) => (
                  <li key={other}>
                    <a
                      href={hrefs.languages[other]}
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
              {NAV.map(([key, navPath], index) => (
                <li key={key}>
                  <a href={hrefs.nav[index]} aria-current={isCurrent(navPath, pathname) ? 'page' : undefined}>
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
            <a href={hrefs.data}>{t.footer.downloads}</a> · <a href={hrefs.openData}>{t.footer.openData}</a> ·{' '}
            <a href={hrefs.apiDocs}>{t.footer.apiDocs}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** The frame of every public page: skip link, header, navigation, language switch, footer. */
export function Shell({ locale, t, links, title, path, children }: ShellProps) {
  return (
    <Frame
      locale={locale}
      t={t}
      title={title}
      hrefs={frameHrefsOf(links, locale, path)}
      pathname={splitPath(path).pathname}
    >
      {children}
    </Frame>
  );
}

/**
 * What preact does to text and attribute values (its encodeEntities): the frame's holes are
 * filled with values escaped the same way, so a filled frame equals the rendered Shell.
 */
export function escapeLikePreact(text: string): string {
  return text.replace(/["&<]/g, (char) => (char === '"' ? '&quot;' : char === '&' ? '&amp;' : '&lt;'));
}

/**
 * Marks for the frame's holes: a private-use character, which never occurs in the messages or in
 * the addresses of the frame's fixed links, and which preact leaves as it is.
 */
const HOLE = /\uE000(title|body|en|be|ru)\uE000/;
const hole = (name: string) => `\uE000${name}\uE000`;
const HOLES = { title: hole('title'), body: hole('body'), en: hole('en'), be: hole('be'), ru: hole('ru') };

type Hole = 'title' | 'body' | Locale;
/** A rendered frame cut at its holes: literal text, then a hole, then text… */
type CutFrame = readonly (string | { hole: Hole })[];

function cutFrame(props: Omit<FrameProps, 'title' | 'children'>): CutFrame {
  const html = render(
    <Frame {...props} hrefs={{ ...props.hrefs, languages: HOLES }} title={HOLES.title}>
      {HOLES.body}
    </Frame>,
  );
  return html.split(HOLE).map((part, index) => (index % 2 === 0 ? part : { hole: part as Hole }));
}

/**
 * Rendered frames by what they show besides the page's own title, body and language links: the
 * locale, the section marked current and the fixed links (which a mirror makes relative to the
 * page's folder). Every page of a mirror folder shares one; bounded all the same.
 */
const frames = new Map<string, CutFrame>();
const FRAMES = 512;

export function renderDocument(shell: ShellProps): string {
  const hrefs = frameHrefsOf(shell.links, shell.locale, shell.path);
  const { pathname } = splitPath(shell.path);
  // preact writes an empty attribute as a bare name (href, not href=""): such a page is rendered whole.
  if (LOCALES.some((other) => hrefs.languages[other] === ''))
    return `<!doctype html>${render(
      <Frame locale={shell.locale} t={shell.t} title={shell.title} hrefs={hrefs} pathname={pathname}>
        {shell.children}
      </Frame>,
    )}`;
  const current = NAV.map(([, navPath]) => (isCurrent(navPath, pathname) ? 1 : 0)).join('');
  const key = [
    shell.locale,
    current,
    hrefs.stylesheet,
    hrefs.home,
    ...hrefs.nav,
    hrefs.data,
    hrefs.openData,
    hrefs.apiDocs,
  ].join('\n');
  let frame = frames.get(key);
  if (!frame) {
    if (frames.size >= FRAMES) frames.clear();
    frame = cutFrame({ locale: shell.locale, t: shell.t, hrefs, pathname });
    frames.set(key, frame);
  }
  const fills: Record<Hole, string> = {
    title: escapeLikePreact(shell.title),
    body: render(<>{shell.children}</>),
    en: escapeLikePreact(hrefs.languages.en),
    be: escapeLikePreact(hrefs.languages.be),
    ru: escapeLikePreact(hrefs.languages.ru),
  };
  let html = '<!doctype html>';
  for (const part of frame) html += typeof part === 'string' ? part : fills[part.hole];
  return html;
}
