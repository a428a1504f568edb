import {
  CASES,
  CASE_PATTERNS,
  IRREGULAR_FIRST_NAMES,
  type CasePattern,
  type Gender,
  type GrammaticalCase,
  type NameKind,
} from './case-patterns.js';
import { NAME_LANGUAGES, type NameLanguage } from './systems.js';

export { CASES, type Gender, type GrammaticalCase, type NameKind } from './case-patterns.js';

/**
 * Case forms of Russian and Belarusian names. News text names people in every case ("освобождение
 * Беляцкого", "суд над Колесниковой"); to find them, the ingest pipeline declines the names it
 * knows, or maps a word it meets back to nominative candidates and looks those up.
 * Both directions read the same patterns (case-patterns.ts), so they agree with each other.
 */

export type CaseForms = Readonly<Record<GrammaticalCase, readonly string[]>>;

export interface DeclineOptions {
  readonly language: NameLanguage;
  readonly gender: Gender;
  readonly kind: NameKind;
}

type Casing = 'lower' | 'title' | 'upper';

function casingOf(word: string): Casing {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  if (word.length > 1 && word === word.toUpperCase()) return 'upper';
  return 'title';
}

function applyCasing(word: string, casing: Casing): string {
  if (casing === 'upper') return word.toUpperCase();
  if (casing === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

const asList = (endings: string | readonly string[]): readonly string[] =>
  typeof endings === 'string' ? [endings] : endings;

function applies(pattern: CasePattern, options: DeclineOptions): boolean {
  return (
    pattern.language === options.language &&
    pattern.genders.includes(options.gender) &&
    pattern.kinds.includes(options.kind)
  );
}

/** The pattern for a lower-case nominative: longest matching ending, first listed among equals. */
function patternFor(nominative: string, options: DeclineOptions): CasePattern | null {
  let best: CasePattern | null = null;
  for (const pattern of CASE_PATTERNS) {
    if (!applies(pattern, options) || !nominative.endsWith(pattern.nom)) continue;
    const stem = nominative.slice(0, nominative.length - pattern.nom.length);
    if (stem.length < 2 || !pattern.stem.test(stem)) continue;
    if (best === null || pattern.nom.length > best.nom.length) best = pattern;
  }
  return best;
}

function indeclinable(word: string): CaseForms {
  const forms = [word];
  return { genitive: forms, dative: forms, accusative: forms, instrumental: forms, prepositional: forms };
}

/** Case forms of one lower-case word (no hyphens). */
function declineLower(nominative: string, options: DeclineOptions): CaseForms {
  if (options.kind === 'first') {
    const irregular = IRREGULAR_FIRST_NAMES[options.language][nominative];
    if (irregular) {
      const form = (i: number): readonly string[] => [irregular[i] ?? nominative];
      return {
        genitive: form(0),
        dative: form(1),
        accusative: form(2),
        instrumental: form(3),
        prepositional: form(4),
      };
    }
  }
  const pattern = patternFor(nominative, options);
  if (!pattern) return indeclinable(nominative);
  const stem = nominative.slice(0, nominative.length - pattern.nom.length);
  const forms = (i: number): readonly string[] =>
    asList(pattern.endings[i] ?? pattern.nom).map((e) => stem + e);
  return {
    genitive: forms(0),
    dative: forms(1),
    accusative: forms(2),
    instrumental: forms(3),
    prepositional: forms(4),
  };
}

function uniqueList(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Declines one name word: a first name or a surname, with its gender. Hyphenated surnames are
 * declined both ways seen in print: last part only (Кара-Мурзы) and every part (Шарэнды-Панасюк).
 * Words matching no pattern (Бабарико, feminine Лосик) are indeclinable. Capitalisation is kept.
 */
export function declineWord(word: string, options: DeclineOptions): CaseForms {
  const casings = word.split('-').map(casingOf);
  const parts = word.toLowerCase().split('-');
  const declinedParts = parts.map((part) => declineLower(part, options));
  const result = {} as Record<GrammaticalCase, readonly string[]>;
  for (const grammaticalCase of CASES) {
    const lastPart = declinedParts[declinedParts.length - 1]?.[grammaticalCase] ?? [];
    const head = parts.slice(0, -1);
    const forms: string[] = [];
    for (const last of lastPart) forms.push([...head, last].join('-'));
    if (parts.length > 1) {
      const everyPart = declinedParts.map((forms, i) => forms[grammaticalCase][0] ?? parts[i] ?? '');
      forms.push(everyPart.join('-'));
    }
    result[grammaticalCase] = uniqueList(forms).map((form) => applyPartCasing(form, casings));
  }
  return result;
}

/** Applies each hyphen-separated part's own capitalisation (Кара-Мурза, not Кара-мурза). */
function applyPartCasing(word: string, casings: readonly Casing[]): string {
  return word
    .split('-')
    .map((part, i) => applyCasing(part, casings[i] ?? casings[casings.length - 1] ?? 'lower'))
    .join('-');
}

export function declineFirstName(word: string, options: Omit<DeclineOptions, 'kind'>): CaseForms {
  return declineWord(word, { ...options, kind: 'first' });
}

export function declineSurname(word: string, options: Omit<DeclineOptions, 'kind'>): CaseForms {
  return declineWord(word, { ...options, kind: 'surname' });
}

/**
 * Declines a full name "First [Patronymic] Surname": the first word as a first name, the others
 * by the surname patterns (which also cover patronymics: -ович like -ич, -овна like -а).
 * Each case gives one string per combination of the words' alternatives.
 */
export function declineName(fullName: string, options: Omit<DeclineOptions, 'kind'>): CaseForms {
  const words = fullName.trim().split(/\s+/);
  const declined = words.map((word, i) =>
    declineWord(word, { ...options, kind: i === 0 && words.length > 1 ? 'first' : 'surname' }),
  );
  const result = {} as Record<GrammaticalCase, readonly string[]>;
  for (const grammaticalCase of CASES) {
    let combos: string[] = [''];
    for (const forms of declined) {
      const next: string[] = [];
      for (const prefix of combos)
        for (const form of forms[grammaticalCase]) next.push(prefix ? `${prefix} ${form}` : form);
      combos = next;
    }
    result[grammaticalCase] = uniqueList(combos);
  }
  return result;
}

export interface CaseFormOptions {
  readonly language: NameLanguage;
  /** Unknown gender: forms of both. */
  readonly gender?: Gender;
  /** Unknown kind: forms as a first name and as a surname. */
  readonly kind?: NameKind;
}

/** Every form of a word (nominative first), across genders and kinds when they are not given. */
export function caseFormsOf(word: string, options: CaseFormOptions): string[] {
  const genders: readonly Gender[] = options.gender ? [options.gender] : ['m', 'f'];
  const kinds: readonly NameKind[] = options.kind ? [options.kind] : ['first', 'surname'];
  const forms = [word];
  for (const gender of genders) {
    for (const kind of kinds) {
      const declined = declineWord(word, { language: options.language, gender, kind });
      for (const grammaticalCase of CASES) forms.push(...declined[grammaticalCase]);
    }
  }
  return uniqueList(forms);
}

export interface NominativeOptions {
  readonly language?: NameLanguage;
  readonly gender?: Gender;
  readonly kind?: NameKind;
}

/** Inverse of the irregular first names: form → nominative. */
const IRREGULAR_NOMINATIVES: Readonly<Record<NameLanguage, ReadonlyMap<string, string>>> = {
  ru: new Map(
    Object.entries(IRREGULAR_FIRST_NAMES.ru).flatMap(([nom, forms]) => forms.map((f) => [f, nom] as const)),
  ),
  be: new Map(
    Object.entries(IRREGULAR_FIRST_NAMES.be).flatMap(([nom, forms]) => forms.map((f) => [f, nom] as const)),
  ),
};

function declinesTo(candidate: string, form: string, pattern: CasePattern): boolean {
  for (const gender of pattern.genders) {
    for (const kind of pattern.kinds) {
      const declined = declineLower(candidate, { language: pattern.language, gender, kind });
      if (CASES.some((c) => declined[c].includes(form))) return true;
    }
  }
  return false;
}

/** Letters only one of the two alphabets has narrow down the patterns to try. */
function languagesFor(word: string, options: NominativeOptions): readonly NameLanguage[] {
  if (options.language) return [options.language];
  if (/[іўʼ'’]/.test(word)) return ['be'];
  if (/[иъщ]/.test(word)) return ['ru'];
  return NAME_LANGUAGES;
}

function candidatesOfPart(part: string, options: NominativeOptions): string[] {
  const languages = languagesFor(part, options);
  const found = [part];
  for (const language of languages) {
    const irregular = IRREGULAR_NOMINATIVES[language].get(part);
    if (irregular && options.kind !== 'surname') found.push(irregular);
  }
  for (const pattern of CASE_PATTERNS) {
    if (!languages.includes(pattern.language)) continue;
    if (options.gender && !pattern.genders.includes(options.gender)) continue;
    if (options.kind && !pattern.kinds.includes(options.kind)) continue;
    for (const endings of pattern.endings) {
      for (const ending of asList(endings)) {
        if (ending.length === 0 || !part.endsWith(ending)) continue;
        const stem = part.slice(0, part.length - ending.length);
        if (stem.length < 2 || !pattern.stem.test(stem)) continue;
        const candidate = stem + pattern.nom;
        // Keep only nominatives our own grammar declines back to the form met: the patterns
        // overlap, and a reading through a shorter pattern the longer one overrides is noise.
        if (candidate !== part && declinesTo(candidate, part, pattern)) found.push(candidate);
      }
    }
  }
  return uniqueList(found);
}

/**
 * Nominatives a word met in text may come from, the word itself first (it may be a nominative or
 * indeclinable: Бабарико). "Беляцкого" → Беляцкий; "Колесникову" → Колесникова, Колесников;
 * "Дедка" → Дедок; "Бяляцкага" → Бяляцкі. Over-generates on purpose: look the candidates up.
 */
export function nominativeCandidates(word: string, options: NominativeOptions = {}): string[] {
  const casings = word.split('-').map(casingOf);
  const parts = word.toLowerCase().split('-');
  const last = parts[parts.length - 1] ?? '';
  const head = parts.slice(0, -1);
  const results: string[] = [];
  for (const candidate of candidatesOfPart(last, options)) results.push([...head, candidate].join('-'));
  if (head.length === 1) {
    // Both parts declined (Шарэнды-Панасюк): undo the first part too.
    const [first = ''] = head;
    for (const firstCandidate of candidatesOfPart(first, options).slice(1)) {
      for (const candidate of candidatesOfPart(last, options)) results.push(`${firstCandidate}-${candidate}`);
    }
  }
  return uniqueList(results).map((candidate) => applyPartCasing(candidate, casings));
}
