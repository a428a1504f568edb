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

const isGiven = (value: QueryValues[string]) => value !== undefined && value !== null && value !== '';

export function queryString(query: QueryValues = {}): string {
  const entries = Object.entries(query).filter(([, value]) => isGiven(value));
  // Most links have no query: no URLSearchParams for them (a mirror makes millions of links).
  if (entries.length === 0) return '';
  const params = new URLSearchParams();
  for (const [key, value] of entries) params.set(key, String(value));
  return `?${params.toString()}`;
}

export const serverLinks: Links = {
  page: (locale, path, query) => `/${locale}${path === '/' ? '/' : path}${queryString(query)}`,
  asset: (name) => `/assets/${name}`,
  api: (path) => `/api${path}`,
  file: (path) => path,
  search: (locale) => `/${locale}/prisoners`,
};
