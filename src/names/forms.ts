import { type NameInput, type StoredKeyGroup, nameKeyGroups } from './matcher.js';

/**
 * The stored ranking data of one person (table name_forms): each name as written with the key
 * groups of all its spellings (nameKeyGroups). Computed when the names are written, read back for
 * the candidates of a search, so the ranking never romanizes at query time. A text format of its
 * own (JSON, one version tag): data written by older rules decodes to null and is recomputed.
 */

/** Bump when the romanization or canonical rules change what nameKeyGroups returns. */
export const NAME_FORMS_VERSION = 1;

/** What a person's names rank with. */
export interface NameForms {
  readonly names: readonly NameInput[];
  readonly keyGroups: readonly (readonly StoredKeyGroup[])[];
}

type EncodedName = [text: string, script: string, language: string, system: string | null, groups: string[]];

/** Key groups as "key key" strings, a leading "~" marking a rare group. */
function encodeGroup(group: StoredKeyGroup): string {
  return (group.rare ? '~' : '') + group.keys.join(' ');
}

function decodeGroup(text: string): StoredKeyGroup {
  const rare = text.startsWith('~');
  return { keys: (rare ? text.slice(1) : text).split(' '), rare };
}

export function encodeNameForms(names: readonly NameInput[]): string {
  const encoded: EncodedName[] = names.map((name) => [
    name.text,
    name.script,
    name.language,
    name.system ?? null,
    nameKeyGroups(name).map(encodeGroup),
  ]);
  return JSON.stringify({ v: NAME_FORMS_VERSION, n: encoded });
}

function isEncodedName(value: unknown): value is EncodedName {
  if (!Array.isArray(value) || value.length !== 5) return false;
  const [text, script, language, system, groups] = value as unknown[];
  return (
    typeof text === 'string' &&
    (script === 'Cyrl' || script === 'Latn') &&
    typeof language === 'string' &&
    (system === null || typeof system === 'string') &&
    Array.isArray(groups) &&
    groups.every((group) => typeof group === 'string' && group.replace(/^~/, '').length > 0)
  );
}

/** The stored forms, or null when they are unreadable or from other rules (then recompute). */
export function decodeNameForms(stored: string): NameForms | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  const { v, n } = (parsed ?? {}) as { v?: unknown; n?: unknown };
  if (v !== NAME_FORMS_VERSION || !Array.isArray(n) || !n.every(isEncodedName)) return null;
  const encoded = n;
  return {
    names: encoded.map(([text, script, language, system]) => ({
      text,
      script: script as NameInput['script'],
      language,
      system: system as NameInput['system'],
    })),
    keyGroups: encoded.map(([, , , , groups]) => groups.map(decodeGroup)),
  };
}
