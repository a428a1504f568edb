import {
  PROFILES,
  SYSTEM_ALIASES,
  type Letter,
  type RomanizationProfile,
  type RomanizationTable,
} from './romanization-tables.js';
import { APOSTROPHES, fixMixedScriptWords, isCyrillicChar } from './script.js';
import { SYSTEMS_BY_LANGUAGE, type NameLanguage, type RomanizationSystem } from './systems.js';

/**
 * Letter-by-letter romanization of Belarusian and Russian names. The tables live in
 * romanization-tables.ts; this file applies the position rules they need (iotated vowels, soft
 * sign, apostrophe, hard/soft л, word endings) and keeps the capitalisation of the input.
 * Tables are compiled once at load, so romanizing costs one pass over the string per system.
 */

export interface Romanization {
  readonly system: RomanizationSystem;
  readonly text: string;
}

/** Letters after which е ё ю я are iotated (je, ya…), besides the start of a word. */
const IOTATING = new Set(['а', 'е', 'ё', 'и', 'і', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ь', 'ъ', 'ў', "'"]);
const VOWELS = new Set(['а', 'е', 'ё', 'и', 'і', 'о', 'у', 'ы', 'э', 'ю', 'я']);
/** What makes л soft in Łacinka and Polish. */
const SOFTENS_L = new Set(['е', 'ё', 'і', 'и', 'ю', 'я', 'ь']);

interface CompiledLetter {
  readonly base: string;
  readonly iotated: string;
  readonly after: ReadonlyMap<string, string> | null;
  readonly before: ReadonlyMap<string, string> | null;
  readonly intervocalic: string | null;
}

interface CompiledTable {
  readonly letters: ReadonlyMap<string, CompiledLetter>;
  readonly softSignText: string;
  readonly softSignBeforeVowel: ReadonlyMap<string, string> | null;
  readonly acute: ReadonlyMap<string, string> | null;
  readonly hardL: string | null;
  readonly endings: ReadonlyMap<string, string> | null;
  readonly longestEnding: number;
  readonly clusters: ReadonlyMap<string, string> | null;
  readonly clusterStarts: ReadonlySet<string>;
  readonly longestCluster: number;
}

const toMap = (record: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, string> | null =>
  record ? new Map(Object.entries(record)) : null;

function compileLetter(letter: Letter): CompiledLetter {
  if (typeof letter === 'string') {
    return { base: letter, iotated: letter, after: null, before: null, intervocalic: null };
  }
  return {
    base: letter.base,
    iotated: letter.iotated ?? letter.base,
    after: toMap(letter.after),
    before: toMap(letter.before),
    intervocalic: letter.intervocalic ?? null,
  };
}

function compile(table: RomanizationTable): CompiledTable {
  const letters = new Map<string, CompiledLetter>();
  for (const [cyrillic, letter] of Object.entries(table.letters))
    letters.set(cyrillic, compileLetter(letter));
  const endings = toMap(table.endings);
  const clusters = toMap(table.clusters);
  const keyLength = (map: ReadonlyMap<string, string> | null): number =>
    map ? Math.max(0, ...[...map.keys()].map((key) => key.length)) : 0;
  return {
    letters,
    softSignText: table.softSign.kind === 'text' ? table.softSign.text : '',
    softSignBeforeVowel: table.softSign.kind === 'text' ? toMap(table.softSign.beforeVowel) : null,
    acute: table.softSign.kind === 'acute' ? toMap(table.softSign.acute) : null,
    hardL: table.hardL ?? null,
    endings,
    longestEnding: keyLength(endings),
    clusters,
    clusterStarts: new Set(clusters ? [...clusters.keys()].map((key) => key.charAt(0)) : []),
    longestCluster: keyLength(clusters),
  };
}

interface CompiledProfile {
  readonly id: string;
  readonly table: CompiledTable;
}

const compileProfiles = (profiles: readonly RomanizationProfile[] | undefined): readonly CompiledProfile[] =>
  (profiles ?? []).map((p) => ({ id: p.id, table: compile(p.table) }));

const COMPILED: Record<NameLanguage, Map<RomanizationSystem, readonly CompiledProfile[]>> = {
  be: new Map(),
  ru: new Map(),
};
for (const language of ['be', 'ru'] as const) {
  for (const [system, profiles] of Object.entries(PROFILES[language]) as [
    RomanizationSystem,
    readonly RomanizationProfile[],
  ][]) {
    COMPILED[language].set(system, compileProfiles(profiles));
  }
}

function profilesFor(language: NameLanguage, system: RomanizationSystem): readonly CompiledProfile[] {
  const resolved = SYSTEM_ALIASES[language][system] ?? system;
  const profiles = COMPILED[language].get(resolved);
  if (!profiles || profiles.length === 0) {
    throw new RangeError(`No ${system} romanization table for language "${language}"`);
  }
  return profiles;
}

/** Whether romanize() has a table for this system and language (directly or by alias). */
export function canRomanize(language: NameLanguage, system: RomanizationSystem): boolean {
  const resolved = SYSTEM_ALIASES[language][system] ?? system;
  return (COMPILED[language].get(resolved)?.length ?? 0) > 0;
}

/** Profile ids of a system, first one being romanize()'s; for tests and diagnostics. */
export function profileIds(language: NameLanguage, system: RomanizationSystem): readonly string[] {
  return profilesFor(language, system).map((p) => p.id);
}

/** Whether л at `index` is soft: before a softening letter, or before another л that is (Наталля). */
function isSoftL(lower: string, index: number): boolean {
  let next = index + 1;
  while (lower[next] === 'л') next++;
  const following = lower[next];
  return following !== undefined && SOFTENS_L.has(following);
}

function resolveLetter(letter: CompiledLetter, prev: string | undefined, next: string | undefined): string {
  if (prev !== undefined && letter.after) {
    const override = letter.after.get(prev);
    if (override !== undefined) return override;
  }
  if (next !== undefined && letter.before) {
    const override = letter.before.get(next);
    if (override !== undefined) return override;
  }
  if (
    letter.intervocalic !== null &&
    prev !== undefined &&
    next !== undefined &&
    VOWELS.has(prev) &&
    VOWELS.has(next)
  ) {
    return letter.intervocalic;
  }
  return prev === undefined || IOTATING.has(prev) ? letter.iotated : letter.base;
}

/** A Cyrillic word, analysed once and romanized in every system. */
interface Word {
  /** As written (after segment()'s fixes): the memo key. */
  readonly source: string;
  readonly lower: string;
  /** Upper-case letters of the source; Title-case output starts with a capital there. */
  readonly upper: readonly boolean[];
  readonly allCaps: boolean;
}

/** Text split into Cyrillic words and the untouched rest. */
type Segment = string | Word;

function analyseWord(word: string): Word {
  const lower = word.toLowerCase();
  const upper: boolean[] = [];
  for (let i = 0; i < word.length; i++) upper.push(word.charAt(i) !== lower.charAt(i));
  const allCaps = word.length > 1 && word !== lower && word === word.toUpperCase();
  return { source: word, lower, upper, allCaps };
}

/**
 * Splits text into Cyrillic words (with internal apostrophes normalised to ') and the rest.
 * Done once per text, whatever the number of systems it is romanized in.
 */
function segment(text: string): Segment[] {
  const source = fixMixedScriptWords(text.normalize('NFC'));
  const segments: Segment[] = [];
  let other = '';
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (!isCyrillicChar(char)) {
      other += char;
      i++;
      continue;
    }
    if (other) segments.push(other);
    other = '';
    let word = '';
    let j = i;
    while (j < source.length) {
      const c = source.charAt(j);
      if (isCyrillicChar(c)) {
        word += c;
      } else if (APOSTROPHES.has(c) && j + 1 < source.length && isCyrillicChar(source.charAt(j + 1))) {
        word += "'";
      } else {
        break;
      }
      j++;
    }
    segments.push(analyseWord(word));
    i = j;
  }
  if (other) segments.push(other);
  return segments;
}

/** Upper-case source letter → Title-cased Latin (Ж → Zh); capitals throughout in an all-caps word. */
function cased(latin: string, upper: boolean, allCaps: boolean): string {
  if (latin.length === 0 || !upper) return latin;
  return allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
}

const wordCaches = new WeakMap<CompiledTable, Map<string, string>>();
const WORD_CACHE_LIMIT = 20_000;

/**
 * Memoised per table: a registry repeats the same first names, patronymics and surnames, and
 * romanizing every name in every system is most of the cost of building the index.
 */
function romanizeWord(word: Word, table: CompiledTable): string {
  let cache = wordCaches.get(table);
  if (cache === undefined) wordCaches.set(table, (cache = new Map<string, string>()));
  const cached = cache.get(word.source);
  if (cached !== undefined) return cached;
  const latin = romanizeWordUncached(word, table);
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word.source, latin);
  return latin;
}

function romanizeWordUncached(word: Word, table: CompiledTable): string {
  const { lower, upper, allCaps } = word;
  let out = '';
  let i = 0;
  while (i < lower.length) {
    const char = lower.charAt(i);
    const isUpper = upper[i] ?? false;
    const prev = i > 0 ? lower.charAt(i - 1) : undefined;
    const next = i + 1 < lower.length ? lower.charAt(i + 1) : undefined;

    if (table.endings && i > 0 && lower.length - i <= table.longestEnding) {
      const ending = table.endings.get(lower.slice(i));
      if (ending !== undefined) {
        out += cased(ending, isUpper || allCaps, allCaps);
        break;
      }
    }
    if (table.clusters && table.clusterStarts.has(char)) {
      let matched = 0;
      for (let length = table.longestCluster; length >= 2 && matched === 0; length--) {
        const cluster = table.clusters.get(lower.slice(i, i + length));
        if (cluster !== undefined) {
          out += cased(cluster, isUpper || allCaps, allCaps);
          matched = length;
        }
      }
      if (matched > 0) {
        i += matched;
        continue;
      }
    }
    if (char === 'ь') {
      const beforeVowel = next !== undefined ? table.softSignBeforeVowel?.get(next) : undefined;
      if (beforeVowel !== undefined) {
        out += cased(beforeVowel, allCaps, allCaps);
      } else if (table.acute) {
        // The acute goes on the previous Latin letter (сь → ś); elsewhere ь is not written.
        const last = out.charAt(out.length - 1);
        const marked = table.acute.get(last.toLowerCase());
        if (marked !== undefined)
          out = out.slice(0, -1) + (last === last.toLowerCase() ? marked : marked.toUpperCase());
      } else {
        out += cased(table.softSignText, allCaps, allCaps);
      }
      i++;
      continue;
    }
    let latin: string;
    if (char === 'л' && table.hardL !== null) {
      latin = isSoftL(lower, i) ? 'l' : table.hardL;
    } else {
      const letter = table.letters.get(char);
      // Not in the table (a Cyrillic letter of another language): kept as written.
      latin = letter ? resolveLetter(letter, prev, next) : char;
    }
    out += cased(latin, isUpper || allCaps, allCaps);
    i++;
  }
  return out;
}

function romanizeSegments(segments: readonly Segment[], table: CompiledTable): string {
  let out = '';
  for (const part of segments) out += typeof part === 'string' ? part : romanizeWord(part, table);
  return out;
}

/**
 * Romanizes Belarusian or Russian Cyrillic text in one system (its main spelling; see romanizeAll
 * for the variants). Throws a RangeError for a system that has no table for the language
 * ('other', Łacinka for Russian, WP:RUS for Belarusian…); check with canRomanize().
 */
export function romanize(cyrillic: string, language: NameLanguage, system: RomanizationSystem): string {
  const [main] = profilesFor(language, system);
  if (!main) throw new RangeError(`No ${system} romanization table for language "${language}"`);
  return romanizeSegments(segment(cyrillic), main.table);
}

/** Romanizes with one named profile (e.g. 'press-ya'); for tests and diagnostics. */
export function romanizeWithProfile(
  cyrillic: string,
  language: NameLanguage,
  system: RomanizationSystem,
  profileId: string,
): string {
  const found = profilesFor(language, system).find((p) => p.id === profileId);
  if (!found) throw new RangeError(`No profile "${profileId}" for ${system} (${language})`);
  return romanizeSegments(segment(cyrillic), found.table);
}

/**
 * Every spelling of the text across the systems that apply to the language, each text once.
 * The main spelling of every system comes first (in SYSTEMS_BY_LANGUAGE order), then the variants
 * (ya/ia, -skaya/-skaia, j/y for й…), so a text produced by several systems is credited to the
 * one whose official table gives it.
 */
export function romanizeAll(cyrillic: string, language: NameLanguage): Romanization[] {
  const segments = segment(cyrillic);
  const seen = new Set<string>();
  const out: Romanization[] = [];
  const add = (system: RomanizationSystem, table: CompiledTable): void => {
    const text = romanizeSegments(segments, table);
    if (!seen.has(text)) {
      seen.add(text);
      out.push({ system, text });
    }
  };
  const systems = SYSTEMS_BY_LANGUAGE[language];
  for (const system of systems) {
    const main = COMPILED[language].get(system)?.[0];
    if (main) add(system, main.table);
  }
  for (const system of systems) {
    const profiles = COMPILED[language].get(system) ?? [];
    for (const variant of profiles.slice(1)) add(system, variant.table);
  }
  return out;
}

/** The tables romanizeAll applies, in its order: every system's main table, then the variants. */
const ALL_PROFILES: Record<NameLanguage, readonly { system: RomanizationSystem; table: CompiledTable }[]> = {
  be: allProfilesOf('be'),
  ru: allProfilesOf('ru'),
};

function allProfilesOf(language: NameLanguage): { system: RomanizationSystem; table: CompiledTable }[] {
  const systems = SYSTEMS_BY_LANGUAGE[language];
  const mains = systems.flatMap((system) => {
    const main = COMPILED[language].get(system)?.[0];
    return main ? [{ system, table: main.table }] : [];
  });
  const variants = systems.flatMap((system) =>
    (COMPILED[language].get(system) ?? []).slice(1).map((variant) => ({ system, table: variant.table })),
  );
  return [...mains, ...variants];
}

const allProfileWords: Record<NameLanguage, Map<string, readonly string[]>> = {
  be: new Map(),
  ru: new Map(),
};
const ALL_PROFILE_WORDS_LIMIT = 60_000;

/** One Cyrillic word in every table of ALL_PROFILES, memoised per word (one lookup, not one per table). */
function wordInAllProfiles(word: Word, language: NameLanguage): readonly string[] {
  const cache = allProfileWords[language];
  const cached = cache.get(word.source);
  if (cached !== undefined) return cached;
  const latin = ALL_PROFILES[language].map(({ table }) => romanizeWordUncached(word, table));
  if (cache.size >= ALL_PROFILE_WORDS_LIMIT) cache.clear();
  cache.set(word.source, latin);
  return latin;
}

/** A spelling of romanizeAllWords: the text and, in order, the romanized Cyrillic words it is made of. */
export interface WordRomanization extends Romanization {
  readonly words: readonly string[];
}

export interface RomanizedWords {
  /** What surrounds the Cyrillic words, as written: one more gap than words (text = gap word gap … gap). */
  readonly gaps: readonly string[];
  /** The spellings of romanizeAll, same texts, systems and order, each with its words. */
  readonly spellings: readonly WordRomanization[];
}

/**
 * romanizeAll, word by word: the same spellings, plus the romanized words and the text between
 * them, so that a caller can cut each spelling into words without parsing its text again
 * (matcher.ts builds every stored name's canonical pieces this way).
 */
export function romanizeAllWords(cyrillic: string, language: NameLanguage): RomanizedWords {
  const gaps: string[] = [''];
  const perWord: (readonly string[])[] = [];
  for (const part of segment(cyrillic)) {
    if (typeof part === 'string') gaps[gaps.length - 1] += part;
    else {
      perWord.push(wordInAllProfiles(part, language));
      gaps.push('');
    }
  }
  const seen = new Set<string>();
  const spellings: WordRomanization[] = [];
  ALL_PROFILES[language].forEach(({ system }, profile) => {
    const words = perWord.map((latin) => latin[profile] ?? '');
    let text = gaps[0] ?? '';
    words.forEach((word, i) => (text += word + (gaps[i + 1] ?? '')));
    if (seen.has(text)) return;
    seen.add(text);
    spellings.push({ system, text, words });
  });
  return { gaps, spellings };
}
