import { romanize } from '../../src/names/romanize.js';
import { SYSTEMS_BY_LANGUAGE, type NameLanguage, type RomanizationSystem } from '../../src/names/systems.js';
import { type NameParts, type Random, type SyntheticPerson, firstLast, mulberry32, pick } from './names.js';

/**
 * Benchmark queries built from generated persons with the corruptions users actually make: another
 * romanization system than the stored one, the Russian form of a Belarusian name, foreign-press
 * spellings, surname only, reversed order, one or two typing slips, Cyrillic typed (sometimes with
 * a Latin i). Each query knows the person it must find.
 */

export const QUERY_FAMILIES = [
  'other-system',
  'be-ru',
  'foreign-press',
  'surname-only',
  'reversed',
  'typo-1',
  'typo-2',
  'cyrillic',
] as const;
export type QueryFamily = (typeof QUERY_FAMILIES)[number];

export type NamePart = 'first' | 'patronymic' | 'surname';

export interface BenchQuery {
  readonly query: string;
  readonly expectedId: string;
  readonly family: QueryFamily;
  /**
   * The parts of the person's name the query carries. Persons with the same parts (namesakes:
   * same surname for a surname-only query) cannot be told apart by the query.
   */
  readonly parts: readonly NamePart[];
}

/** Identity of a person's name restricted to some parts, to find namesakes. */
export function namesakeKey(person: SyntheticPerson, parts: readonly NamePart[]): string {
  return parts.map((part) => person.parts.be[part] ?? '').join('|');
}

const FOREIGN: readonly RomanizationSystem[] = ['german', 'polish', 'french'];

function latin(parts: NameParts, language: NameLanguage, system: RomanizationSystem, text?: string): string {
  return romanize(text ?? firstLast(parts), language, system);
}

/** A system of the language other than the ones the person's Latin names were stored in. */
function otherSystem(random: Random, person: SyntheticPerson, language: NameLanguage): RomanizationSystem {
  const stored = new Set(person.names.map((name) => name.system));
  const choices = SYSTEMS_BY_LANGUAGE[language].filter(
    (system) => !stored.has(system) && !FOREIGN.includes(system),
  );
  return pick(random, choices.length > 0 ? choices : SYSTEMS_BY_LANGUAGE[language]);
}

/** Keys next to each other on a QWERTY keyboard: what a slip of the finger types instead. */
// prettier-ignore
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'qsz', b: 'vgn', c: 'xvd', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok', j: 'hku',
  k: 'jli', l: 'kop', m: 'nk', n: 'bmh', o: 'ipl', p: 'ol', q: 'wa', r: 'etf', s: 'adw', t: 'ryg',
  u: 'yij', v: 'cbf', w: 'qes', x: 'zcs', y: 'tuh', z: 'xas',
};

/**
 * One typing slip: a neighbouring key, a dropped letter, a doubled letter or two letters swapped.
 * Never on the first letter of a word (people rarely get that one wrong), anywhere else.
 */
export function typo(random: Random, text: string): string {
  const positions: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (/\p{L}/u.test(text.charAt(i)) && /\p{L}/u.test(text.charAt(i - 1))) positions.push(i);
  }
  if (positions.length === 0) return text;
  const at = pick(random, positions);
  const char = text.charAt(at);
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    const options = NEIGHBOURS[char.toLowerCase()] ?? 'aeiou';
    return text.slice(0, at) + pick(random, [...options]) + text.slice(at + 1);
  }
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  if (kind === 2) return text.slice(0, at) + char + text.slice(at);
  const next = text.charAt(at + 1);
  if (!/\p{L}/u.test(next)) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + next + char + text.slice(at + 2);
}

const FIRST_AND_SURNAME: readonly NamePart[] = ['first', 'surname'];

function buildQuery(
  random: Random,
  person: SyntheticPerson,
  family: QueryFamily,
): { text: string; parts: readonly NamePart[] } {
  const full = (text: string) => ({ text, parts: FIRST_AND_SURNAME });
  const language: NameLanguage = random() < 0.5 ? 'be' : 'ru';
  const parts = person.parts[language];
  switch (family) {
    case 'other-system':
      return full(latin(person.parts.be, 'be', otherSystem(random, person, 'be')));
    case 'be-ru':
      return full(latin(person.parts.ru, 'ru', otherSystem(random, person, 'ru')));
    case 'foreign-press':
      return full(latin(parts, language, pick(random, FOREIGN)));
    case 'surname-only':
      return {
        text: latin(parts, language, pick(random, SYSTEMS_BY_LANGUAGE[language]), parts.surname),
        parts: ['surname'],
      };
    case 'reversed':
      return full(
        latin(
          parts,
          language,
          pick(random, SYSTEMS_BY_LANGUAGE[language]),
          `${parts.surname} ${parts.first}`,
        ),
      );
    case 'typo-1':
    case 'typo-2': {
      const base = pick(
        random,
        person.names.filter((name) => name.script === 'Latn'),
      ).text;
      const once = typo(random, base.normalize('NFC'));
      return full(family === 'typo-2' ? typo(random, once) : once);
    }
    case 'cyrillic': {
      const r = random();
      const used: readonly NamePart[] =
        r < 0.4
          ? FIRST_AND_SURNAME
          : r < 0.7
            ? parts.patronymic !== null
              ? ['surname', 'first', 'patronymic']
              : ['surname', 'first']
            : ['surname'];
      let text = used.map((part) => parts[part]).join(' ');
      // Belarusian typed on a Russian keyboard: Latin i for і.
      if (language === 'be' && random() < 0.25) text = text.replace(/і/g, 'i');
      return { text, parts: used };
    }
  }
}

/**
 * `count` queries over `persons`, the families in turn so that each has the same share.
 * Deterministic for the same persons and seed.
 */
export function generateQueries(
  persons: readonly SyntheticPerson[],
  count: number,
  seed: number,
): BenchQuery[] {
  const random = mulberry32(seed);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const person = pick(random, persons);
    const family = QUERY_FAMILIES[i % QUERY_FAMILIES.length] as QueryFamily;
    const { text, parts } = buildQuery(random, person, family);
    queries.push({ query: text, expectedId: person.id, family, parts });
  }
  return queries;
}
