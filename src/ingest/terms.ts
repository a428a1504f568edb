import { withLetters } from './letters.js';
import { findNumbers } from './numbers.js';

/**
 * Prison terms and criminal-code articles as courts are reported: "to four years", "to 3.5 years",
 * "to two years and six months", "an eight-year term", "к 4 годам и 6 месяцам", "к полутора годам",
 * "да 5 гадоў"; "Article 342", "Part 2 of Article 293", "ч. 1 ст. 361-1", "по статьям 342 и 361-1".
 */
export interface Term {
  start: number;
  end: number;
  months: number;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?|[\p{L}]+(?:-[\p{L}]+)?)`;
/**
 * Each pattern with a cheap test of the words it needs: the patterns try a number word at every
 * position, so a sentence without "year"/"год"/"гад"/"месяц" is not scanned at all.
 */
const TERM_KEYWORDS: readonly RegExp[] = [/year|month/iu, /год|лет|гад|месяц|полутор|паўтар/iu];
const TERM_PATTERNS: readonly RegExp[] = [
  String.raw`${NUMBER}(?:\s+and\s+a\s+half)?[\s-]+years?(?:\s+and\s+${NUMBER}\s+months?)?|${NUMBER}[\s-]+months?|${NUMBER}-year`,
  String.raw`(?<!\p{L})(?:к|до|на|да)\s+(?:${NUMBER}\s+(?:с\s+половиной\s+|з\s+паловай\s+)?(?:годам|году|лет|года|год|гадам|гадоў|гады|год)|полутора\s+годам|паўтара\s+гадоў)(?:\s+и\s+${NUMBER}\s+месяц\p{L}*|\s+і\s+${NUMBER}\s+месяц\p{L}*)?|(?<!\p{L})${NUMBER}\s+(?:лет|года|год|гадоў|гады)(?:\s+и\s+${NUMBER}\s+месяц\p{L}*)?|(?<!\p{L})(?:к|до|на|да)\s+${NUMBER}\s+месяц\p{L}*`,
].map((source) => withLetters(new RegExp(source, 'giu')));

function numberValue(text: string | undefined): number | null {
  if (text === undefined) return null;
  const found = findNumbers(text)[0];
  return found && found.start === 0 && found.end === text.length ? found.value : null;
}

/** "a 34-year-old engineer", "52 years old": an age, never a prison term. */
const AGE_AFTER = /^(?:-|\s)?old\b|^\s+of\s+age\b/iu;

export function findTerms(text: string): Term[] {
  const terms: Term[] = [];
  for (const [index, pattern] of TERM_PATTERNS.entries()) {
    if (!TERM_KEYWORDS[index]?.test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      const whole = match[0].toLowerCase();
      const numbers = match.slice(1).filter((group): group is string => group !== undefined);
      let months: number | null = null;
      if (/полутора|паўтара/u.test(whole)) {
        months = 18 + (numberValue(numbers[0]) ?? 0);
      } else {
        const first = numberValue(numbers[0]);
        if (first === null) continue;
        const second = numberValue(numbers[1]);
        const half = /and a half|с половиной|з паловай/u.test(whole) ? 6 : 0;
        if (/month|месяц/u.test(whole) && !/year|год|лет|гад/u.test(whole)) months = first;
        else months = Math.round(first * 12) + half + (second ?? 0);
      }
      if (months <= 0 || months > 1200) continue;
      if (terms.some((t) => match.index < t.end && t.start < match.index + match[0].length)) continue;
      if (AGE_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12)))
        continue;
      terms.push({ start: match.index, end: match.index + match[0].length, months });
    }
  }
  return terms.sort((a, b) => a.start - b.start);
}

export interface ArticleReference {
  start: number;
  end: number;
  number: string;
  part: string | null;
}

const ARTICLE_NUMBER = String.raw`\d{2,3}(?:[-.]\d+)?`;
const ARTICLE_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`(?:(?:Part|part|ч\.|части|частью|часть|частки|ч)\s*(\d)\s*(?:of\s+)?)?(?:Articles?|articles?|ст\.|статьи|статье|статья|статьям|статей|артыкулаў|артыкула|артыкул|арт\.)\s*(${ARTICLE_NUMBER}(?:(?:,\s*|\s+(?:and|и|і)\s+)${ARTICLE_NUMBER})*)`,
    'gu',
  ),
];

export function findArticles(text: string): ArticleReference[] {
  const found: ArticleReference[] = [];
  for (const pattern of ARTICLE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const part = match[1] ?? null;
      const numbers = (match[2] ?? '').split(/,\s*|\s+(?:and|и|і)\s+/u).filter(Boolean);
      numbers.forEach((number, index) =>
        found.push({
          start: match.index,
          end: match.index + match[0].length,
          number,
          part: index === 0 ? part : null,
        }),
      );
    }
  }
  return found;
}
