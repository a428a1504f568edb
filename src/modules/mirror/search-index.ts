import type { Services } from '../../app.js';
import { nameKeyGroups } from '../../names/matcher.js';
import { nameForReader } from '../../site/names.js';
import type { PersonRecord } from '../person/person.schema.js';
import type { SearchEntry, SearchIndex } from './search-match.js';

const PAGE = 500;

/** The index entry of one public person: their names in each reader's script and every canonical key. */
export function searchEntry(person: PersonRecord): SearchEntry {
  const keys = new Set<string>();
  for (const name of person.names) {
    for (const group of nameKeyGroups(name)) for (const key of group.keys) keys.add(key);
  }
  return [
    person.id,
    person.status,
    nameForReader(person, 'en'),
    nameForReader(person, 'be'),
    nameForReader(person, 'ru'),
    [...keys].join(' '),
  ];
}

/** Every person the services' viewer may see (the mirror passes the public's): anonymous ones never. */
export async function buildSearchIndex(services: Services): Promise<SearchIndex> {
  const persons: SearchEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await services.persons.find({ limit: PAGE, offset, sort: 'createdAt' });
    persons.push(...page.items.map(searchEntry));
    if (page.items.length < PAGE) return { version: 1, persons };
  }
}

/** The index as a script that sets a global: a page opened from disk may not fetch() a JSON file. */
export const searchIndexScript = (index: SearchIndex) =>
  `window.UNFREE_SEARCH_INDEX=${JSON.stringify(index)};\n`;
