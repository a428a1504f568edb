import { posix } from 'node:path';
import { type Links, type QueryValues, queryString } from './links.js';
import { isLocale } from './locale.js';

/**
 * The static mirror's links (docs/decisions/0013). Every address of the live site maps to one file:
 * a page to "<path>/index.html", a file to itself; a query becomes part of the name, after a comma
 * ("/en/prisoners?page=2" → "en/prisoners,page=2/index.html", "/en/prisoners.csv?status=held" →
 * "en/prisoners,status=held.csv"). Links are relative to the page they are written into and name
 * index.html explicitly, so the same folder works from any web server, under any prefix, and
 * opened from disk (file://), where no server turns a folder into its index.html.
 */

/** Characters kept as they are in a query part of a file name; others become ~XX per UTF-8 byte. */
const PLAIN = /[A-Za-z0-9_-]/;

function escapeValue(value: string): string {
  let escaped = '';
  for (const char of value) {
    if (PLAIN.test(char)) {
      escaped += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8'))
      escaped += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/** "status=held,sort=-name" (keys sorted, so one query has one name), or "" without a query. */
function querySlug(search: string): string {
  if (search === '') return '';
  const params = [...new URLSearchParams(search)].filter(([, value]) => value !== '');
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.map(([key, value]) => `${escapeValue(key)}=${escapeValue(value)}`).join(',');
}

/** Whether the last segment of a path names a file ("prisoners.csv"), not a page. */
const isFilePath = (pathname: string) => /\.[a-z0-9]+$/i.test(pathname.split('/').pop() ?? '');

/**
 * The file (relative to the mirror's root, no leading slash) that holds a live address:
 * "/en/" → "en/index.html", "/en/prisoners/abc" → "en/prisoners/abc/index.html".
 */
export function staticFileOf(url: string): string {
  const remembered = filesOfUrls.get(url);
  if (remembered !== undefined) return remembered;
  const file = fileOf(url);
  // Every page links the same menus: their files are remembered, in a bounded map.
  if (filesOfUrls.size >= REMEMBERED_FILES) filesOfUrls.clear();
  filesOfUrls.set(url, file);
  return file;
}
const REMEMBERED_FILES = 4_096;
const filesOfUrls = new Map<string, string>();

function fileOf(url: string): string {
  const index = url.indexOf('?');
  const pathname = (index < 0 ? url : url.slice(0, index)).replace(/^\/+/, '');
  const slug = querySlug(index < 0 ? '' : url.slice(index + 1));
  if (isFilePath(pathname)) {
    if (!slug) return pathname;
    const dot = pathname.lastIndexOf('.');
    return `${pathname.slice(0, dot)},${slug}${pathname.slice(dot)}`;
  }
  const base = pathname.replace(/\/+$/, '');
  const page = slug ? (base ? `${base},${slug}` : `,${slug}`) : base;
  return page ? `${page}/index.html` : 'index.html';
}

/** Paths that need normalising (empty, "." or ".." segments): the mirror's own files never do. */
const UNNORMAL = /(^|\/)\.{0,2}(\/|$)/;

/** The href from one file of the mirror to another ("../releases/index.html"). */
export function relativeHref(fromFile: string, toFile: string): string {
  return hrefsFrom(fromFile)(toFile);
}

/**
 * relativeHref from one file to any other, with the file's folder split once: a page makes
 * dozens of links and the mirror writes 400,000 pages.
 */
function hrefsFrom(fromFile: string): (toFile: string) => string {
  const fromUnnormal = UNNORMAL.test(fromFile);
  const from = fromFile.split('/');
  from.pop();
  return (toFile) => {
    if (fromUnnormal || UNNORMAL.test(toFile)) {
      const href = posix.relative(posix.dirname(fromFile), toFile);
      return href === '' ? posix.basename(toFile) : href;
    }
    // posix.relative by segments.
    const to = toFile.split('/');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common += 1;
    if (common === to.length)
      return common === from.length
        ? (to[to.length - 1] ?? '')
        : '../'.repeat(from.length - common - 1) + '..';
    return '../'.repeat(from.length - common) + to.slice(common).join('/');
  };
}

export interface StaticLinkOptions {
  /** The live server the API links point to; without it they point to the mirror's /data page. */
  liveUrl?: string;
  /** Called with every live address a link was made to, so the export can follow it. */
  onLink?: (url: string) => void;
}

/** The page address of the mirror's own client-side search, in a locale. */
export const staticSearchUrl = (locale: string) => `/${locale}/search`;

/** Links for one file of the mirror, relative to it. */
export function staticLinks(fromFile: string, options: StaticLinkOptions = {}): Links {
  const hrefTo = hrefsFrom(fromFile);
  const to = (url: string) => {
    options.onLink?.(url);
    return hrefTo(staticFileOf(url));
  };
  const pageUrl = (locale: string, path: string, query?: QueryValues) =>
    `/${locale}${path === '/' ? '/' : path}${queryString(query)}`;
  const [first = ''] = fromFile.split('/');
  const locale = isLocale(first) ? first : 'en';
  return {
    page: (locale, path, query) => to(pageUrl(locale, path, query)),
    asset: (name) => hrefTo(`assets/${name}`),
    api: (path) =>
      options.liveUrl ? `${options.liveUrl.replace(/\/+$/, '')}/api${path}` : to(pageUrl(locale, '/data')),
    file: (path) => to(path),
    search: (locale) => to(staticSearchUrl(locale)),
  };
}
