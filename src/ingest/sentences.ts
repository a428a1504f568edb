import { withLetters } from './letters.js';
/**
 * Sentences with their character offsets into the plain text, so every proposal can point at its
 * evidence. A full stop ends a sentence unless it belongs to an abbreviation, an initial or a
 * number; a blank line (a paragraph, a headline) always ends one.
 */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'st',
    'no',
    'nos',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'gen',
    'col',
    'lt',
    'sgt',
    'prof',
    'art',
    'arts',
    'vs',
    'etc',
    'e.g',
    'i.e',
    'u.s',
    'u.k',
    'ч',
    'ст',
    'п',
    'г',
    'гг',
    'т',
    'им',
    'ул',
    'тыс',
    'млн',
    'млрд',
    'руб',
    'т.е',
    'т.д',
    'т.п',
    'арт',
  ].map((word) => word.toLowerCase()),
);

const CAPITAL_LETTER = withLetters(/^\p{Lu}$/u);

/** What a new sentence may begin with after a full stop. */
const SENTENCE_OPENING = withLetters(/[\p{Lu}\d«"“„(]/u);

const ABBREVIATION_CHAR = withLetters(/[\p{L}.]/u);

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  let start = dotIndex;
  while (start > 0 && ABBREVIATION_CHAR.test(text.charAt(start - 1))) start -= 1;
  const word = text.slice(start, dotIndex).toLowerCase();
  if (word === '') return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial (A. Bialiatski), not the end of a sentence.
  return CAPITAL_LETTER.test(text.slice(start, dotIndex));
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s += 1;
    while (e > s && /\s/.test(text.charAt(e - 1))) e -= 1;
    if (e > s) sentences.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 40))) {
      push(i);
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?' && char !== '…') continue;
    let end = i + 1;
    while (end < text.length && /[.!?…»"”’)\]]/.test(text.charAt(end))) end += 1;
    const next = text.slice(end, end + 3);
    if (!/^\s/.test(next)) continue;
    const after = text.slice(end).trimStart().charAt(0);
    if (after === '' || !SENTENCE_OPENING.test(after)) continue;
    if (char === '.' && endsWithAbbreviation(text, i)) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return sentences;
}
