import type { Locale } from './locale.js';

export type QueryValues = Readonly<Record<string, string | number | undefined | null>>;

/**
 * Every link of the site is made here, so that a static export can rewrite them all at once
 * (e.g. "/en/prisoners/…" → "/en/prisoners/…/index.html").
 */
export interface Links {
  /** A page in a locale: page('en', '/prisoners', { q: 'x' }) → "/en/prisoners?q=x". */
  page(locale: Locale, path: string, query?: QueryValues): string;
  /** A static asset: asset('site.css') → "/assets/site.css". */
  asset(name: string): string;
  /** The JSON API and its documentation (a static mirror points these at the live server). */
  api(path: string): string;
  /** A file outside the locales: file('/data/checksums.txt'), '/feeds/prisoners.atom'. */
  file(path: string): string;
  /** Where the name search form submits (a static mirror has its own client-side search page). */
  search(locale: Locale): string;
}

export function queryString(query: QueryValues = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const serverLinks: Links = {
  page: (locale, path, query) => `/${locale}${path === '/' ? '/' : path}${queryString(query)}`,
  asset: (name) => `/assets/${name}`,
  api: (path) => `/api${path}`,
  file: (path) => path,
  search: (locale) => `/${locale}/prisoners`,
};
