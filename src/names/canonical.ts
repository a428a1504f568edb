import { romanize } from './romanize.js';
import { detectCyrillicLanguage, fixMixedScriptWords, hasCyrillic } from './script.js';
import type { NameLanguage } from './systems.js';

/**
 * Slavic-aware canonical form of a name, the key names are indexed and compared under.
 *
 * Every romanization system spells the same Cyrillic letter differently (я: ya ia ja â; ц: ts c z
 * tc; ў: u w ŭ). The canonical form folds those spellings together so that all spellings of one
 * name land on the same key, or on keys one or two edits apart, which the ranking tolerates.
 * The folds only ever merge spellings; they never try to recover the Cyrillic, so the ambiguous
 * Latin "ch" (ч in English, х in Łacinka, German and Polish) is simply one sound class: names
 * that differ only by ч versus х are rare, spellings that differ that way are everywhere.
 * Known casualty: French "ch" (= ш) is not folded to sh; French spellings are generated from the
 * Cyrillic at index time, so they still match exactly.
 */

/**
 * Letters with diacritics whose meaning the generic accent-stripping would lose. Digraphs keep
 * č ch / š sh / ž zh distinct from c s z (ц с з); ISO 9's one-letter vowels are spelled out.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l', // Łacinka/Polish hard l is just l in every other system
  č: 'ch',
  š: 'sh',
  ž: 'zh',
  ż: 'zh', // Polish ż = ж
  ŝ: 'shch', // ISO 9 щ
  ĉ: 'ch',
  ć: 'c', // soft ц (ць): the softness is dropped like ь is elsewhere
  ś: 's',
  ź: 'z',
  ń: 'n',
  ĺ: 'l',
  ŭ: 'u', // ў; becomes v after a vowel below
  ĭ: 'i', // ALA-LC й
  ï: 'i', // French й
  ë: 'jo', // ё in BGN, ISO 9 and ALA-LC
  â: 'ja', // ISO 9 я
  û: 'ju', // ISO 9 ю
  ì: 'i', // ISO 9 і
  è: 'e', // ISO 9 э
  ė: 'e', // ALA-LC э
  ß: 'ss',
  đ: 'd',
};

/** Marks for ь ъ and the apostrophe: they separate nothing, so they vanish (Naval'nyy = Navalnyy). */
const SILENT_MARKS = /['’ʼ`ʹʺ"”“]/g;
const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^a-z]+/;

/**
 * Folds applied in order to each lower-case ASCII token. Order matters: the longer German and
 * French digraphs must go before "ts" and "sh", and the vowel rules need the consonants settled.
 */
const TOKEN_FOLDS: readonly (readonly [RegExp, string])[] = [
  // English x is кс (Alexander, Alexei), never х.
  [/x/g, 'ks'],
  // ч: German tsch, French/English tch (Stefanovitch) → ch, before "ts" would eat their t-s.
  [/tsch|tch/g, 'ch'],
  // ш: German sch → sh.
  [/sch/g, 'sh'],
  // Polish cz (ч) and sz (ш); szcz (щ) then reads shch like everywhere else.
  [/cz/g, 'ch'],
  [/sz/g, 'sh'],
  // х: English/ICAO/BGN kh joins Łacinka/German/Polish ch (see the note at the top).
  [/kh/g, 'ch'],
  // ц: English ts, German/Italian tz, FMS passport tc → c as in Łacinka, Polish and ISO 9.
  [/t[szc]/g, 'c'],
  // в is w in German and Polish; BGN writes ў as w: all become v.
  [/w/g, 'v'],
  // Iotation: ia/ya/ja, iu/yu/ju, io/yo/jo, ie/ye/je, and runs like iia (Mariia) or yia (Maryia)
  // are all "a glide before a vowel".
  [/[iyj]+(?=[aeou])/g, 'j'],
  // е is spelt e, ie, ye or je depending on the system and position; keep only e (Kaliesnikava =
  // Kalesnikava, Yevgeny = Evgeny).
  [/je/g, 'e'],
  // Endings -ий/-ый/-і/-ы: iy ii ij yy yi yj y i after a consonant are one ending (Dzmitry, Dmitriy).
  [/([^aeiouyj])[iy][iyj]*$/, '$1i'],
  // й after a vowel: i, y, j all mean the same glide (Mikalai, Mikalay, Mikalaj).
  [/([aeou])[iyj]+/g, '$1j'],
  // ў after a vowel: u (press), w (BGN, already v), ŭ → v, so Tsikhanouski meets Tikhanovsky.
  [/([aeo])u(?![aeiouy])/g, '$1v'],
  // ы is y, и/і are i: the difference rarely separates two people and often separates spellings.
  [/y/g, 'i'],
  // Double letters (Natallia, Hanna, Lossik) are spelling, not identity.
  [/([a-z])\1+/g, '$1'],
];

const tokenCache = new Map<string, string>();
const TOKEN_CACHE_LIMIT = 300_000;

/** Canonical form of one ASCII lower-case token. Memoised: registries repeat names a lot. */
function foldToken(token: string): string {
  const cached = tokenCache.get(token);
  if (cached !== undefined) return cached;
  let folded = token;
  for (const [pattern, replacement] of TOKEN_FOLDS) folded = folded.replace(pattern, replacement);
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(token, folded);
  return folded;
}

/**
 * Lower-cases Latin text and spells out or strips diacritics. Cyrillic is romanized first, in the
 * given language or the detected one: passport spellings for Belarusian and ICAO for Russian are
 * the most central, every other system being a fold or two away from them.
 */
export function toPlainLatin(text: string, language?: NameLanguage): string {
  let latin = text.normalize('NFC');
  if (hasCyrillic(latin)) {
    latin = fixMixedScriptWords(latin);
    const lang = language ?? detectCyrillicLanguage(latin);
    latin = romanize(latin, lang, lang === 'be' ? 'press-passport' : 'icao-9303');
  }
  let folded = '';
  for (const char of latin.toLowerCase()) folded += LETTER_FOLDS[char] ?? char;
  return folded.replace(SILENT_MARKS, '').normalize('NFD').replace(COMBINING_MARKS, '');
}

/** A written piece of a name and its canonical token. */
export interface CanonicalPiece {
  /** As written (one word of the input, Cyrillic or Latin). */
  readonly raw: string;
  readonly key: string;
}

/** Where names split into tokens: spaces, hyphens and dashes, punctuation. */
const SEPARATOR_CLASS = String.raw`[\s\p{Pd}.,;:/()[\]]`;
const PIECE_SEPARATORS = new RegExp(`${SEPARATOR_CLASS}+`, 'u');
const ONLY_SEPARATORS = new RegExp(`^${SEPARATOR_CLASS}*$`, 'u');

/**
 * Canonical tokens of a name with the words they come from, in written order. Cyrillic is
 * romanized in one language for the whole name (detected from all its words, or given).
 */
export function canonicalPieces(text: string, language?: NameLanguage): CanonicalPiece[] {
  const source = fixMixedScriptWords(text.normalize('NFC'));
  const lang = language ?? (hasCyrillic(source) ? detectCyrillicLanguage(source) : undefined);
  const pieces: CanonicalPiece[] = [];
  for (const raw of source.split(PIECE_SEPARATORS)) {
    if (raw.length === 0) continue;
    for (const key of wordKeys(raw, lang)) pieces.push({ raw, key });
  }
  return pieces;
}

const wordKeyCache = new Map<string, readonly string[]>();
const WORD_KEY_CACHE_LIMIT = 300_000;

/** Canonical tokens of one written word (usually one), memoised like foldToken. */
function wordKeys(raw: string, language: NameLanguage | undefined): readonly string[] {
  const id = `${language ?? ''}\u0000${raw}`;
  const cached = wordKeyCache.get(id);
  if (cached !== undefined) return cached;
  const keys: string[] = [];
  for (const part of toPlainLatin(raw, language).split(NOT_LETTERS)) {
    if (part.length === 0) continue;
    const key = foldToken(part);
    if (key.length > 0) keys.push(key);
  }
  if (wordKeyCache.size >= WORD_KEY_CACHE_LIMIT) wordKeyCache.clear();
  wordKeyCache.set(id, keys);
  return keys;
}

/** Canonical tokens of a name, in their written order (spaces, hyphens and punctuation separate). */
export function canonicalTokens(text: string, language?: NameLanguage): string[] {
  return canonicalPieces(text, language).map((piece) => piece.key);
}

/** Canonical key of a name: its canonical tokens joined by single spaces. */
export function canonicalKey(text: string, language?: NameLanguage): string {
  return canonicalTokens(text, language).join(' ');
}

const wordPieceCache = new Map<string, readonly CanonicalPiece[] | null>();

/**
 * The pieces canonicalPieces gives a Latin word standing alone between separators, or null when
 * it would not stand alone (it is empty, holds a separator or Cyrillic, or NFC would change it or
 * join it to what precedes it). Memoised: the words are romanizeAll's, repeated across names.
 */
function standalonePieces(
  word: string,
  language: NameLanguage | undefined,
): readonly CanonicalPiece[] | null {
  const cached = wordPieceCache.get(word);
  if (cached !== undefined) return cached;
  const alone =
    word.length > 0 &&
    !hasCyrillic(word) &&
    word.normalize('NFC') === word &&
    !/^\p{M}/u.test(word) &&
    word.split(PIECE_SEPARATORS).length === 1;
  // For a Latin word the language changes nothing (it only picks how Cyrillic is romanized).
  const pieces = alone ? wordKeys(word, language).map((key) => ({ raw: word, key })) : null;
  if (wordPieceCache.size >= WORD_KEY_CACHE_LIMIT) wordPieceCache.clear();
  wordPieceCache.set(word, pieces);
  return pieces;
}

/** Whether gaps (one more than words) hold only separators, so that each word stands between them. */
export function gapsOnlySeparate(gaps: readonly string[], words: number): boolean {
  return gaps.length === words + 1 && gaps.every((gap) => ONLY_SEPARATORS.test(gap));
}

/**
 * canonicalPieces of words standing between separators (gapsOnlySeparate), from memoised pieces of
 * each word; null when a word would not stand alone.
 */
export function piecesOfSeparatedWords(
  words: readonly string[],
  language?: NameLanguage,
): CanonicalPiece[] | null {
  const pieces: CanonicalPiece[] = [];
  for (const word of words) {
    const of = standalonePieces(word, language);
    if (of === null) return null;
    for (const piece of of) pieces.push(piece);
  }
  return pieces;
}

/**
 * canonicalPieces of the text gaps[0] + words[0] + gaps[1] + … + gaps[n] (a romanized name, see
 * romanizeAllWords), from memoised pieces of each word; null when the gaps are not all separators
 * or a word would not stand alone (then call canonicalPieces on the text: same result, slower).
 */
export function canonicalPiecesOfWords(
  gaps: readonly string[],
  words: readonly string[],
  language?: NameLanguage,
): CanonicalPiece[] | null {
  return gapsOnlySeparate(gaps, words.length) ? piecesOfSeparatedWords(words, language) : null;
}
