import { daysInMonth, isPartialDate } from '../../lib/partial-date.js';
import {
  englishOf,
  type ImportMessage,
  type ImportMessageCode,
  type ImportMessageParams,
} from './messages.js';

/**
 * Reading one spreadsheet cell into a field value. Every reader returns the value or a message
 * that names what is wrong and how to write it, never a guess: a date known to the month stays a
 * month, and a season is refused rather than turned into an invented month.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string; issue: ImportMessage };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
function fail<T, C extends ImportMessageCode>(code: C, params: ImportMessageParams<C>): CellResult<T> {
  const issue: ImportMessage = { code, params: params as Record<string, string | number> };
  return { ok: false, message: englishOf(issue), issue };
}

const pad2 = (text: string) => text.padStart(2, '0');

const SEASONS =
  /(весн|вясн|лет[оа]|лець|осен|восен|зим|spring|summer|autumn|fall|winter|начал|канец|конец|середин|early|late|mid)/i;

function checked(text: string, canonical: string): CellResult<string> {
  if (isPartialDate(canonical)) return ok(canonical);
  const [year, month] = canonical.split('-').map(Number);
  if (year !== undefined && month !== undefined && month >= 1 && month <= 12) {
    return fail('dateNotReal', { value: text, days: daysInMonth(year, month) });
  }
  return fail('dateInvalid', { value: text });
}

/** DD.MM.YYYY, YYYY-MM-DD, YYYY-MM, MM.YYYY or YYYY → a partial date with its precision. */
export function readPartialDate(raw: string): CellResult<string> {
  const text = raw.trim();
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text)))
    return checked(text, `${match[3]}-${pad2(match[2] ?? '')}-${pad2(match[1] ?? '')}`);
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?$/.exec(text)))
    return checked(text, `${match[1]}-${pad2(match[2] ?? '')}-${pad2(match[3] ?? '')}`);
  if ((match = /^(\d{4})-(\d{1,2})$/.exec(text))) return checked(text, `${match[1]}-${pad2(match[2] ?? '')}`);
  if ((match = /^(\d{1,2})\.(\d{4})$/.exec(text)))
    return checked(text, `${match[2]}-${pad2(match[1] ?? '')}`);
  if (/^\d{4}$/.test(text)) return checked(text, text);
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(text)) return fail('dateAmbiguous', { value: text });
  if (SEASONS.test(text)) return fail('dateVague', { value: text });
  return fail('dateUnreadable', { value: text });
}

/** A whole number, allowing the thousands separators spreadsheets use ("1 234", "1,234"). */
export function readCount(raw: string): CellResult<number> {
  const text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  const plain = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text;
  if (!/^\d+$/.test(plain)) return fail('notWholeNumber', { value: raw.trim() });
  return ok(Number(plain));
}

const YEARS = /^(?:years?|yrs?|y|г\.?|год|года|лет|гадоў|гады|год\.)$/i;
const MONTHS = /^(?:months?|mos?|m|мес\.?|месяц|месяца|месяцев|месяцаў|месяцы|мес\.)$/i;

/** A term such as "3 years", "2 г. 6 мес.", "1 год 6 месяцев", "18 months" → months. */
export function readSentenceMonths(raw: string): CellResult<number> {
  const text = raw.trim().toLowerCase().replace(/,/g, ' ');
  if (/пожизн|пажыццёв|life/.test(text)) return fail('termLife', { value: raw.trim() });
  if (readPartialDate(text).ok) return fail('termIsDate', { value: raw.trim() });
  const parts = [...text.matchAll(/(\d+(?:[.,]\d+)?)\s*([^\d\s]+\.?)?/g)];
  if (parts.length === 0) return fail('termUnreadable', { value: raw.trim() });
  let months = 0;
  for (const [, amount, unit] of parts) {
    const value = Number((amount ?? '').replace(',', '.'));
    if (unit === undefined) return fail('termNoUnit', { value: raw.trim() });
    if (YEARS.test(unit)) months += value * 12;
    else if (MONTHS.test(unit)) months += value;
    else return fail('termUnit', { value: raw.trim(), unit });
  }
  if (!Number.isInteger(months)) return fail('termNotWholeMonths', { value: raw.trim() });
  return ok(months);
}

export interface ArticleRef {
  number: string;
  part: string | null;
}

/** "342 ч.2; 361-1", "ст. 130 ч. 3, 342" → article numbers with their parts. */
export function readArticles(raw: string): CellResult<ArticleRef[]> {
  const pieces = raw
    .split(/[;,\n]/)
    .map((piece) => piece.trim())
    .filter(Boolean);
  const refs: ArticleRef[] = [];
  for (const piece of pieces) {
    const match =
      /^(?:ст\.?|арт\.?|art\.?|article)?\s*(\d+(?:[-.]\d+)*)\s*(?:(?:ч\.?|часть|частка|part|p\.)\s*(\d+))?$/i.exec(
        piece,
      );
    if (!match?.[1]) return fail('articleUnreadable', { value: piece });
    refs.push({ number: match[1], part: match[2] ?? null });
  }
  return ok(refs);
}

export function readGender(raw: string): CellResult<'female' | 'male' | 'other'> {
  const text = raw.trim().toLowerCase();
  if (/^(m|male|man|м|муж|мужской|мужчина|мужчына|мужчынскі|мужскі)\.?$/.test(text)) return ok('male');
  if (/^(f|female|woman|ж|жен|женский|женщина|жанчына|жаночы)\.?$/.test(text)) return ok('female');
  if (/^(other|иное|іншы|другое)$/.test(text)) return ok('other');
  return fail('genderUnreadable', { value: raw.trim() });
}

const RELEASE_WORDS: readonly [RegExp, string][] = [
  [
    /^(sentence_served|served|sentence served|отбыл|отбыла|отбыл срок|адбыў|адбыла|адбыў тэрмін)/,
    'sentence_served',
  ],
  [/^(pardon|pardoned|помилова|памілава)/, 'pardon'],
  [/^(negotiated|deal|batch|обмен|сделк|перамов)/, 'negotiated'],
  [/^(deportation|deported|forced exile|депорт|выслан|высыл|выгна)/, 'deportation'],
  [/^(amnesty|амнист|амніст)/, 'amnesty'],
  [/^(acquittal|acquitted|оправда|апраўда)/, 'acquittal'],
  [/^(case_closed|case closed|дело закрыто|справа закрыта)/, 'case_closed'],
  [/^(death_in_custody|died|умер|умерла|памёр|памерла|загину)/, 'death_in_custody'],
  [/^(other|другое|іншае)$/, 'other'],
];

export function readReleaseMode(raw: string): CellResult<string> {
  const text = raw.trim().toLowerCase();
  for (const [pattern, mode] of RELEASE_WORDS) if (pattern.test(text)) return ok(mode);
  return fail('releaseModeUnreadable', { value: raw.trim() });
}

export interface NameReading {
  text: string;
  script: 'Cyrl' | 'Latn';
  language: string;
}

/** A name in Cyrillic or Latin letters; Belarusian when it has і or ў, else Russian for Cyrillic. */
export function readName(raw: string, language?: string): CellResult<NameReading> {
  const text = raw.trim().replace(/\s+/g, ' ');
  const letters = text.replace(/[\s.'’\-‐()]/g, '');
  if (/^[\p{Script=Cyrillic}]+$/u.test(letters)) {
    return ok({ text, script: 'Cyrl', language: language ?? (/[іўІЎ]/.test(text) ? 'be' : 'ru') });
  }
  if (/^[\p{Script=Latin}]+$/u.test(letters)) return ok({ text, script: 'Latn', language: language ?? 'en' });
  return fail('nameScript', { value: text });
}

/** One or more http(s) addresses, separated by spaces, commas, semicolons or new lines. */
export function readUrls(raw: string): CellResult<string[]> {
  const urls: string[] = [];
  for (const piece of raw
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(piece);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      return fail('urlInvalid', { value: piece });
    urls.push(url.toString());
  }
  return ok(urls);
}

export function readList(raw: string): string[] {
  return raw
    .split(/[;,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
