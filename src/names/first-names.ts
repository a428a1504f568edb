import { canonicalKey } from './canonical.js';
import data from './first-names.json' with { type: 'json' };
import { romanizeAll } from './romanize.js';
import { hasCyrillic } from './script.js';

/**
 * First-name equivalence (Uladzimir = Vladimir = Włodzimierz, Ales = Aliaksandr), kept as editable
 * data in first-names.json. Every name is indexed under its canonical key; Cyrillic names are also
 * indexed under the canonical key of each of their romanizations in both languages, so the JSON
 * lists only the Latin spellings no system would produce.
 */

export interface FirstNameGroup {
  readonly id: string;
  readonly names: readonly string[];
}

function readGroups(raw: unknown): FirstNameGroup[] {
  const groups = (raw as { groups?: unknown }).groups;
  if (!Array.isArray(groups)) throw new Error('first-names.json: "groups" must be an array');
  const ids = new Set<string>();
  return groups.map((group: unknown, index) => {
    const { id, names } = (group ?? {}) as { id?: unknown; names?: unknown };
    if (typeof id !== 'string' || id.length === 0)
      throw new Error(`first-names.json: group ${index} has no id`);
    if (ids.has(id)) throw new Error(`first-names.json: duplicate group id "${id}"`);
    ids.add(id);
    if (
      !Array.isArray(names) ||
      names.length === 0 ||
      !names.every((n) => typeof n === 'string' && n.trim())
    ) {
      throw new Error(`first-names.json: group "${id}" needs a non-empty list of names`);
    }
    return { id, names: names as string[] };
  });
}

export const FIRST_NAME_GROUPS: readonly FirstNameGroup[] = readGroups(data);

function spellingsOf(name: string): string[] {
  if (!hasCyrillic(name)) return [name];
  return [name, ...romanizeAll(name, 'be').map((r) => r.text), ...romanizeAll(name, 'ru').map((r) => r.text)];
}

function buildIndex(groups: readonly FirstNameGroup[]): Map<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups) {
    for (const name of group.names) {
      for (const spelling of spellingsOf(name)) {
        const key = canonicalKey(spelling);
        if (key.length === 0 || key.includes(' ')) continue;
        const ids = index.get(key);
        if (!ids) index.set(key, [group.id]);
        else if (!ids.includes(group.id)) ids.push(group.id);
      }
    }
  }
  return index;
}

const GROUPS_BY_KEY: ReadonlyMap<string, readonly string[]> = buildIndex(FIRST_NAME_GROUPS);
const NONE: readonly string[] = [];

/** Group ids of a canonical token (as produced by canonicalTokens); empty when it is no known first name. */
export function firstNameGroupsOfKey(key: string): readonly string[] {
  return GROUPS_BY_KEY.get(key) ?? NONE;
}

/** Group ids of a first name in any spelling or script: "Uładzimir" and "Владимир" both give ['vladimir']. */
export function firstNameGroupKeys(token: string): readonly string[] {
  return firstNameGroupsOfKey(canonicalKey(token));
}

/** Whether two canonical tokens are known spellings of the same first name. */
export function sameFirstName(a: string, b: string): boolean {
  const groupsA = firstNameGroupsOfKey(a);
  if (groupsA.length === 0) return false;
  const groupsB = firstNameGroupsOfKey(b);
  return groupsA.some((id) => groupsB.includes(id));
}

/** Every canonical key of the groups a token belongs to: used to widen a database lookup. */
export function equivalentFirstNameKeys(key: string): readonly string[] {
  const groups = firstNameGroupsOfKey(key);
  if (groups.length === 0) return NONE;
  const keys: string[] = [];
  for (const [candidate, ids] of GROUPS_BY_KEY) {
    if (candidate !== key && ids.some((id) => groups.includes(id))) keys.push(candidate);
  }
  return keys;
}

/** All indexed first-name keys with their groups; for tests that look for accidental overlaps. */
export function firstNameIndex(): ReadonlyMap<string, readonly string[]> {
  return GROUPS_BY_KEY;
}
