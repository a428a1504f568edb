import type { NameLanguage } from './systems.js';

/** Script detection and clean-up shared by romanization and canonical keys. */

const CYRILLIC_LETTER = /[\u0400-\u04ff]/;
const BELARUSIAN_ONLY = /[іўІЎ]/;
const RUSSIAN_ONLY = /[иъщИЪЩ]/;
/** Spellings Russian names almost never have: дз, шч, э after a consonant (Дзядок, Шчыракова, Стэфановіч). */
const BELARUSIAN_HINTS = /дз|шч|[бвгджзклмнпрстфхцчш]э/i;
const APOSTROPHE_BETWEEN_CYRILLIC = /[\u0400-\u04ff]['’ʼ`][\u0400-\u04ff]/;

export function isCyrillicChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x400 && code <= 0x4ff;
}

export function hasCyrillic(text: string): boolean {
  return CYRILLIC_LETTER.test(text);
}

/** Characters people type for the Belarusian apostrophe (and that must not end a word). */
export const APOSTROPHES: ReadonlySet<string> = new Set(["'", '’', 'ʼ', '`']);

/**
 * Guesses whether Cyrillic text is Belarusian or Russian: letters that exist in one alphabet only
 * (і ў and the apostrophe vs и щ ъ), then spellings typical of Belarusian; anything else defaults to
 * Russian, whose romanizations are the commoner in foreign sources.
 */
export function detectCyrillicLanguage(text: string): NameLanguage {
  if (BELARUSIAN_ONLY.test(text) || APOSTROPHE_BETWEEN_CYRILLIC.test(text)) return 'be';
  if (RUSSIAN_ONLY.test(text)) return 'ru';
  return BELARUSIAN_HINTS.test(text) ? 'be' : 'ru';
}

/**
 * Latin letters that look like Cyrillic ones. People typing Belarusian on a Russian keyboard use a
 * Latin "i" for і, and copy-pasted names mix scripts; inside a word that has Cyrillic letters these
 * are read as Cyrillic.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

const WORD = /[\p{L}\p{M}'’ʼ`]+/gu;
/** Any of LATIN_LOOKALIKES' letters: most names have none, and then nothing needs rewriting. */
const ANY_LOOKALIKE = new RegExp(`[${Object.keys(LATIN_LOOKALIKES).join('')}]`);

/** Replaces Latin look-alike letters by Cyrillic ones inside words that contain Cyrillic letters. */
export function fixMixedScriptWords(text: string): string {
  if (!ANY_LOOKALIKE.test(text) || !hasCyrillic(text)) return text;
  return text.replace(WORD, (word) => {
    if (!hasCyrillic(word)) return word;
    let fixed = '';
    for (const char of word) fixed += LATIN_LOOKALIKES[char] ?? char;
    return fixed;
  });
}
