import type { Services } from '../../app.js';
import type { NameForms } from '../../names/forms.js';
import { type NameInput, type StoredKeyGroup, nameKeyGroups } from '../../names/matcher.js';
import { nameForReader } from '../../site/names.js';
import type { PersonRecord } from '../person/person.schema.js';
import type { SearchEntry, SearchIndex } from './search-match.js';

const PAGE = 500;

const nameIdentity = (name: NameInput) =>
  JSON.stringify([name.text, name.script, name.language, name.system ?? null]);

/**
 * The index entry of one public person: their names in each reader's script and every canonical
 * key. The keys of a name come from its stored forms when they hold that very name (romanizing
 * every name of a 100,000-person registry again costs 15 s), else they are computed.
 */
export function searchEntry(person: PersonRecord, stored?: NameForms): SearchEntry {
  const storedGroups = new Map<string, readonly StoredKeyGroup[]>();
  stored?.names.forEach((name, index) => {
    const groups = stored.keyGroups[index];
    if (groups) storedGroups.set(nameIdentity(name), groups);
  });
  const keys = new Set<string>();
  for (const name of person.names) {
    const groups = storedGroups.get(nameIdentity(name)) ?? nameKeyGroups(name);
    for (const group of groups) for (const key of group.keys) keys.add(key);
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
  // find's order from one read of its ids, then the records by chunk: OFFSET pages would be quadratic.
  const ids = await services.persons.ids({ sort: 'createdAt' });
  const persons: SearchEntry[] = [];
  for (let start = 0; start < ids.length; start += PAGE) {
    const chunk = ids.slice(start, start + PAGE);
    const records = await services.persons.getMany(chunk);
    const forms = await services.persons.nameForms(chunk);
    for (const id of chunk) {
      const record = records.get(id);
      if (record) persons.push(searchEntry(record, forms.get(id)));
    }
  }
  return { version: 1, persons };
}

/** The index as a script that sets a global: a page opened from disk may not fetch() a JSON file. */
export const searchIndexScript = (index: SearchIndex) =>
  `window.UNFREE_SEARCH_INDEX=${JSON.stringify(index)};\n`;
