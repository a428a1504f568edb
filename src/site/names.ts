import type { Locale } from './locale.js';

interface Name {
  text: string;
  script: string;
  language: string;
  isPrimary: boolean;
}

/** How well a name suits a reader of the locale: lower is better. */
function rank(name: Name, locale: Locale): number {
  switch (locale) {
    case 'be':
      return name.script === 'Cyrl' ? (name.language === 'be' ? 0 : 1) : name.isPrimary ? 2 : 3;
    case 'ru':
      return name.script === 'Cyrl' ? (name.language === 'ru' ? 0 : 1) : name.isPrimary ? 2 : 3;
    case 'en':
      return name.script === 'Latn' ? (name.isPrimary ? 0 : name.language === 'en' ? 1 : 2) : 3;
  }
}

/** The names of a person, the one in the reader's script first (be → Belarusian Cyrillic…). */
export function namesForReader<T extends Name>(names: readonly T[], locale: Locale): T[] {
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name, locale) - rank(b.name, locale) || a.index - b.index)
    .map((entry) => entry.name);
}

export function nameForReader(
  person: { names: readonly Name[]; displayName: string },
  locale: Locale,
): string {
  return namesForReader(person.names, locale)[0]?.text ?? person.displayName;
}
