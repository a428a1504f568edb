import { canonicalTokens } from '../../names/canonical.js';

/**
 * The static mirror's name search, run in the reader's browser (search.client.ts bundles this file
 * with names/canonical.ts, so a typed query is folded by exactly the server's canonical rules).
 * Each person carries the canonical keys of every spelling of every name (names/ nameKeyGroups, as
 * the server's index stores them); a person matches when every token of the query starts one of
 * their keys, so "Калеснікава", "Kolesnikova" and "kalesn" all find a Latin-named Kalesnikava.
 */

/** One person of the index: id, status, the name in each locale's script (en, be, ru), keys. */
export type SearchEntry = [id: string, status: string, en: string, be: string, ru: string, keys: string];

export interface SearchIndex {
  version: 1;
  persons: SearchEntry[];
}

export const NAME_COLUMN = { en: 2, be: 3, ru: 4 } as const;
export type SearchLocale = keyof typeof NAME_COLUMN;

export interface SearchMatch {
  entry: SearchEntry;
  /** Query tokens that equal a key (not only start it): more is a better match. */
  exact: number;
}

export function matchPersons(index: SearchIndex, query: string, locale: SearchLocale, limit = 100) {
  const tokens = [...new Set(canonicalTokens(query))];
  if (tokens.length === 0) return { tokens, total: 0, matches: [] as SearchMatch[] };
  const matches: SearchMatch[] = [];
  for (const entry of index.persons) {
    const keys = entry[5].split(' ');
    let exact = 0;
    const all = tokens.every((token) => {
      if (keys.includes(token)) {
        exact += 1;
        return true;
      }
      return keys.some((key) => key.startsWith(token));
    });
    if (all) matches.push({ entry, exact });
  }
  const column = NAME_COLUMN[locale];
  matches.sort((a, b) => b.exact - a.exact || a.entry[column].localeCompare(b.entry[column], locale));
  return { tokens, total: matches.length, matches: matches.slice(0, limit) };
}
