import { withLetters } from './letters.js';

/**
 * Numbers written in news: "123", "1,150", "1 110" (a space or a no-break space between
 * thousands), and words for small counts in English, Russian and Belarusian ("fifty-two",
 * "двенадцать", "дваццаць"). Each comes with its span so dates and article numbers can claim theirs.
 */
export interface NumberMention {
  start: number;
  end: number;
  value: number;
  text: string;
}

const EN_UNITS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

/** Russian and Belarusian number words by stem (any case ending). */
const CYRILLIC_STEMS: readonly (readonly [RegExp, number])[] = [
  [/^(одн|адн)(ого|ой|ому|у|а|о|им|ым|ых|ым|ае|аго|ой)?$|^один$|^адзін$/u, 1],
  [/^(дв|двух|двум|двумя|двое|двоих|двума|дзве|два|двух|дваіх|двое|дзвюх)$/u, 2],
  [/^(три|трех|трёх|трем|трём|тремя|трое|троих|тры|трох|тром|траіх)$/u, 3],
  [/^(четыре|четырех|четырёх|четырем|четырём|четырьмя|четверо|четверых|чатыры|чатырох|чацвёра)$/u, 4],
  [/^(пять|пяти|пятью|пятеро|пятерых|пяць|пяці|пяцёра)$/u, 5],
  [/^(шесть|шести|шестью|шестеро|шэсць|шасці)$/u, 6],
  [/^(семь|семи|семью|семеро|сем|сямі)$/u, 7],
  [/^(восемь|восьми|восемью|восьмеро|восем|васьмі)$/u, 8],
  [/^(девять|девяти|девятью|дзевяць|дзевяці)$/u, 9],
  [/^(десять|десяти|десятью|дзесяць|дзесяці)$/u, 10],
  [withLetters(/^(одиннадцат|адзінаццац)\p{L}*$/u), 11],
  [withLetters(/^(двенадцат|дванаццац)\p{L}*$/u), 12],
  [withLetters(/^(тринадцат|трынаццац)\p{L}*$/u), 13],
  [withLetters(/^(четырнадцат|чатырнаццац)\p{L}*$/u), 14],
  [withLetters(/^(пятнадцат|пятнаццац)\p{L}*$/u), 15],
  [withLetters(/^(шестнадцат|шаснаццац)\p{L}*$/u), 16],
  [withLetters(/^(семнадцат|сямнаццац)\p{L}*$/u), 17],
  [withLetters(/^(восемнадцат|васямнаццац)\p{L}*$/u), 18],
  [withLetters(/^(девятнадцат|дзевятнаццац)\p{L}*$/u), 19],
  [withLetters(/^(двадцат|дваццац)\p{L}*$/u), 20],
  [withLetters(/^(тридцат|трыццац)\p{L}*$/u), 30],
  [/^(сорок|сорока|сорак|сарака)$/u, 40],
  [/^(пятьдесят|пятидесяти|пяцьдзясят)$/u, 50],
];

const FRACTIONS_EN: Readonly<Record<string, number>> = { half: 0.5 };

function cyrillicWord(word: string): number | null {
  const lower = word.toLowerCase();
  for (const [pattern, value] of CYRILLIC_STEMS) if (pattern.test(lower)) return value;
  return null;
}

function englishWord(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower in EN_UNITS) return EN_UNITS[lower] ?? null;
  const compound =
    /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.exec(
      lower,
    );
  if (compound) return (EN_UNITS[compound[1] ?? ''] ?? 0) + (EN_UNITS[compound[2] ?? ''] ?? 0);
  return FRACTIONS_EN[lower] ?? null;
}

const DIGITS = withLetters(
  /(?<![\d.,\p{L}])\d{1,3}(?:(?:,|[  \u202f])\d{3})+(?![\d\p{L}])|(?<![\d.,\p{L}-])\d+(?:[.,]\d+)?(?![\d\p{L}])/gu,
);

const NUMBER_WORD = withLetters(/(?<![\p{L}-])[\p{L}]+(?:-[\p{L}]+)?(?![\p{L}])/gu);

/** Every number in the text, digits and words, in order. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const raw = match[0];
    const grouped = /[,  \u202f]\d{3}$/.test(raw) && !/^\d+[.,]\d{1,2}$/.test(raw);
    const value = grouped ? Number(raw.replace(/[,  \u202f]/g, '')) : Number(raw.replace(',', '.'));
    if (Number.isFinite(value))
      found.push({ start: match.index, end: match.index + raw.length, value, text: raw });
  }
  for (const match of text.matchAll(NUMBER_WORD)) {
    const word = match[0];
    const value = /\p{Script=Cyrillic}/u.test(word) ? cyrillicWord(word) : englishWord(word);
    if (value !== null) found.push({ start: match.index, end: match.index + word.length, value, text: word });
  }
  return found.sort((a, b) => a.start - b.start);
}
