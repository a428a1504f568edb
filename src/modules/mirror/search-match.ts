import { lookupSlots } from '../../names/lookup.js';

/**
 * The static mirror's name search, run in the reader's browser (search.client.ts bundles this file
 * with names/, so a typed query is read exactly as the server reads it: lookupSlots folds it with
 * the canonical rules, reads Cyrillic as Belarusian and as Russian, adds first-name equivalents).
 * Each person carries the canonical keys of every spelling of every name (names/ nameKeyGroups, as
 * the server's index stores them); a person matches when every word of the query equals one of
 * their keys or starts one, so "Ганна Вымыслава", "Hana Vymyslava" and "vymysl" all find a
 * Latin-named Hanna Vymyslava. The server ranks by edit distance too; this search does not forgive typos.
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
  const slots = lookupSlots(query);
  if (slots.length === 0) return { total: 0, matches: [] as SearchMatch[] };
  const matches: SearchMatch[] = [];
  for (const entry of index.persons) {
    const keys = entry[5].split(' ');
    let exact = 0;
    const all = slots.every((slot) => {
      if (slot.keys.some((key) => keys.includes(key))) {
        exact += 1;
        return true;
      }
      return slot.tokens.some((token) => keys.some((key) => key.startsWith(token)));
    });
    if (all) matches.push({ entry, exact });
  }
  const column = NAME_COLUMN[locale];
  matches.sort((a, b) => b.exact - a.exact || a.entry[column].localeCompare(b.entry[column], locale));
  return { total: matches.length, matches: matches.slice(0, limit) };
}
