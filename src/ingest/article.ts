import { withLetters } from './letters.js';
import * as chrono from 'chrono-node';
import { AppError } from '../lib/errors.js';
import { readHtml } from './html.js';
import { type ArticleFormat, decodeArticleBytes, guessFormat } from './input.js';
import { type ArticleLanguage, detectLanguage } from './language.js';
import { localDayOf } from './dates.js';

/** An article as ingestion reads it: plain text plus what is known about its publication. */
export interface Article {
  text: string;
  format: ArticleFormat;
  language: ArticleLanguage;
  title: string;
  publisher: string | null;
  url: string | null;
  /** YYYY-MM-DD in the country's time zone. */
  publishedOn: string;
  publishedFrom: 'given' | 'json-ld' | 'meta' | 'time' | 'dateline' | 'ingested';
  /** "MINSK, Dec 13 (Reuters) -": offsets of the dateline, whose date is not an event's. */
  dateline: { start: number; end: number } | null;
}

export interface ReadOptions {
  format?: ArticleFormat | 'auto';
  /** A day given by hand wins over anything in the page. */
  published?: string | null;
  publisher?: string | null;
  url?: string | null;
  title?: string | null;
  timeZone: string;
  /** Today in timeZone: the publication day when nothing else tells it. */
  today: string;
}

const AGENCIES: Readonly<Record<string, string>> = {
  reuters: 'Reuters',
  ap: 'Associated Press',
  afp: 'AFP',
  рейтер: 'Reuters',
  тасс: 'TASS',
  белта: 'BelTA',
  интерфакс: 'Interfax',
  рбк: 'RBC',
};

const CAPITALISED_WORD = withLetters(/^[\p{Lu}][\p{Ll}]+$/u);

const DATELINE = withLetters(
  /(?:^|\n)\s*([\p{Lu}][\p{Lu}\p{L} .'-]{1,40}),\s+(?:[\p{L} ]{2,30},\s+)?([^()\n/]{3,30}?)\.?\s*(?:\(([\p{L} -]{2,25})\)|\/([\p{L} -]{2,25})\/)\s*[-–—]+\s*/u,
);

/**
 * "MINSK, Dec 13 (Reuters) -", "VILNIUS, Lithuania, Sept. 11 (AP) —", "МИНСК, 13 декабря. /ТАСС/ -"
 * in the first lines: the agency is the publisher, the date the publication day (past-preferring).
 */
function findDateline(
  text: string,
  today: string,
): { start: number; end: number; agency: string | null; day: string | null } | null {
  const head = text.slice(0, 600);
  const match = DATELINE.exec(head);
  if (!match) return null;
  const city = match[1] ?? '';
  if (city !== city.toUpperCase() && !CAPITALISED_WORD.test(city)) return null;
  const agencyRaw = (match[3] ?? match[4] ?? '').trim();
  const agency = AGENCIES[agencyRaw.toLowerCase()] ?? agencyRaw;
  const reference = new Date(`${today}T12:00:00Z`);
  const parser = /\p{Script=Cyrillic}/u.test(match[2] ?? '') ? chrono.ru : chrono.en;
  const parsed = parser.parse(match[2] ?? '', reference)[0];
  let day: string | null = null;
  if (parsed?.start.isCertain('day') && parsed.start.isCertain('month')) {
    const year = parsed.start.get('year') ?? Number(today.slice(0, 4));
    const month = String(parsed.start.get('month')).padStart(2, '0');
    const date = String(parsed.start.get('day')).padStart(2, '0');
    day = `${year}-${month}-${date}`;
    if (day > today && !parsed.start.isCertain('year')) day = `${year - 1}-${month}-${date}`;
  }
  const start = match.index + (match[0].length - match[0].trimStart().length);
  return { start, end: match.index + match[0].length, agency: agency || null, day };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length <= 200 ? trimmed : `${trimmed.slice(0, 197)}…`;
}

export function readArticle(input: Uint8Array | string, options: ReadOptions): Article {
  const raw = decodeArticleBytes(input);
  const format = options.format && options.format !== 'auto' ? options.format : guessFormat(raw);
  const page =
    format === 'html'
      ? readHtml(raw)
      : { text: raw.replace(/\r\n?/g, '\n'), title: null, publisher: null, published: null, url: null };
  const text = page.text.trim();
  if (text === '') {
    throw new AppError('validation_failed', 'the page has no text once its markup and scripts are removed', [
      { path: 'article', message: 'no text' },
    ]);
  }
  const dateline = findDateline(text, options.today);
  const pageDay = page.published ? localDayOf(page.published.value, options.timeZone) : null;
  const given = options.published ? localDayOf(options.published, options.timeZone) : null;
  const [publishedOn, publishedFrom]: [string, Article['publishedFrom']] = given
    ? [given, 'given']
    : pageDay && page.published
      ? [pageDay, page.published.from]
      : dateline?.day
        ? [dateline.day, 'dateline']
        : [options.today, 'ingested'];
  return {
    text,
    format,
    language: detectLanguage(text),
    title: options.title?.trim() || page.title || firstLine(text) || 'Untitled article',
    publisher: options.publisher?.trim() || page.publisher || dateline?.agency || null,
    url: options.url ?? page.url,
    publishedOn,
    publishedFrom,
    dateline: dateline ? { start: dateline.start, end: dateline.end } : null,
  };
}
