import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatePersons } from '../synthetic/names.js';
import { canonicalPieces, canonicalPiecesOfWords } from './canonical.js';
import { readGallery } from './eval/evaluate.js';
import { romanizeAll, romanizeAllWords } from './romanize.js';
import { detectCyrillicLanguage, hasCyrillic } from './script.js';
import { type NameLanguage, isNameLanguage } from './systems.js';

/**
 * The index and the ranking cut every romanized spelling into canonical pieces word by word
 * (romanizeAllWords + canonicalPiecesOfWords, memoised per word) instead of parsing each
 * spelling's text (romanizeAll + canonicalPieces). The oracle is the text path: the same
 * spellings, the same pieces, for thousands of synthetic names, the evaluation gallery and
 * names built to hit every fallback.
 */

const awkward = [
  'Уладзімір Кара-Мурза',
  'Кара—Мурза Уладзімір',
  "Дар'я Ільїн",
  'Дар’я  Лось-Бялова',
  'Алёна ЦІХАНОЎСКАЯ',
  'Іван Пётр2 Сідарэнка',
  'Iван Пeтрoв', // Latin look-alikes inside Cyrillic words
  'Мікалай (Коля) Статкевіч',
  'Ольга O’Brien-Шульц',
  'Ёсіф Э. Ъ. Ь',
  "'Алесь' Бяляцкі'",
  'Ганна Ь',
  'Юрый\u0301 Зянькевіч',
  'Анна\u00a0Мікалаеўна, Кузьміч',
];

function languageOf(text: string, language: string): NameLanguage {
  return isNameLanguage(language) ? language : detectCyrillicLanguage(text);
}

function cyrillicNames(): { text: string; language: NameLanguage }[] {
  const synthetic = generatePersons(3000, 20261201).flatMap((person) => person.names);
  const gallery = readGallery(
    JSON.parse(readFileSync(new URL('./eval/gallery.json', import.meta.url), 'utf8')),
  ).flatMap((person) => person.names);
  const named = [...synthetic, ...gallery].filter((name) => hasCyrillic(name.text));
  const edge = awkward.flatMap((text) => (['be', 'ru'] as const).map((language) => ({ text, language })));
  return [
    ...named.map((name) => ({ text: name.text, language: languageOf(name.text, name.language) })),
    ...edge,
  ];
}

describe('canonical pieces word by word', () => {
  const names = cyrillicNames();

  it('covers thousands of names', () => {
    expect(names.length).toBeGreaterThan(5000);
  });

  it('romanizeAllWords spells exactly what romanizeAll spells, in the same order', () => {
    for (const { text, language } of names) {
      const words = romanizeAllWords(text, language);
      expect(words.spellings.map(({ system, text: spelt }) => ({ system, text: spelt }))).toEqual(
        romanizeAll(text, language),
      );
      for (const spelling of words.spellings) {
        const rebuilt = words.gaps.reduce(
          (out, gap, i) => out + (i > 0 ? (spelling.words[i - 1] ?? '') : '') + gap,
          '',
        );
        expect(rebuilt).toBe(spelling.text);
      }
    }
  });

  it('gives the pieces canonicalPieces gives the whole spelling, or null', () => {
    let fellBack = 0;
    for (const { text, language } of names) {
      const { gaps, spellings } = romanizeAllWords(text, language);
      for (const spelling of spellings) {
        const pieces = canonicalPiecesOfWords(gaps, spelling.words, language);
        if (pieces === null) fellBack++;
        else expect(pieces).toEqual(canonicalPieces(spelling.text, language));
      }
    }
    // The awkward names (digits, Latin words, a lone apostrophe between words) take the text path.
    expect(fellBack).toBeGreaterThan(0);
  });

  it('refuses gaps that are not separators and words that would not stand alone', () => {
    expect(canonicalPiecesOfWords(['', ' ', ''], ['Ivan', 'Petrou'])).toEqual(canonicalPieces('Ivan Petrou'));
    expect(canonicalPiecesOfWords(['', ' O', ''], ['Ivan', 'Petrou'])).toBeNull();
    expect(canonicalPiecesOfWords(['', ''], ['Kara-Murza'])).toBeNull();
    expect(canonicalPiecesOfWords(['', ' ', ''], ['Ivan', ''])).toBeNull();
    expect(canonicalPiecesOfWords(['', ''], ['Iвan'])).toBeNull();
    expect(canonicalPiecesOfWords(['', ''], ['\u0301Ivan'])).toBeNull();
    expect(canonicalPiecesOfWords(['', ''], ['Jure\u0301'] /* NFC composes é */)).toBeNull();
    expect(canonicalPiecesOfWords([''], ['Ivan'])).toBeNull();
  });
});
