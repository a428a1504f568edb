import { withLetters } from './letters.js';
import * as chrono from 'chrono-node';
import type { ArticleLanguage } from './language.js';

/**
 * Dates in an article, resolved against its publication day in the country's time zone. News
 * reports completed events, so a date the text leaves open ("on Saturday", "in November") is read
 * as the nearest one not after the publication. A number after a date is a count, not its year:
 * "On 11 September 52 were freed" is 11 September and 52 people.
 */
export interface DateContext {
  /** The publication day, YYYY-MM-DD, in timeZone. */
  publishedOn: string;
  /** IANA zone of the country the article is about (Europe/Minsk for Belarus). */
  timeZone: string;
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** A partial date: YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  /** Named in the text ("13 December 2025") rather than relative to the publication ("on Saturday"). */
  absolute: boolean;
}

export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  BY: 'Europe/Minsk',
  RU: 'Europe/Moscow',
  AZ: 'Asia/Baku',
  GE: 'Asia/Tbilisi',
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Minutes east of UTC of a zone at an instant ("GMT+03:00" → 180). */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs far more than using one: one per zone and purpose. */
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

export function offsetMinutes(timeZone: string, at: Date): number {
  const part = formatter(
    `offset|${timeZone}`,
    () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }),
  )
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The day an instant falls on in a zone: "2025-12-13T22:30:00Z" is 2025-12-14 in Minsk. */
export function localDayOf(value: string, timeZone: string): string | null {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return null;
  const instant = new Date(trimmed);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = formatter(
    `day|${timeZone}`,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function referenceOf(context: DateContext): { instant: Date; timezone: number } {
  const noonUtc = new Date(`${context.publishedOn}T12:00:00Z`);
  const offset = offsetMinutes(context.timeZone, noonUtc);
  return { instant: new Date(noonUtc.getTime() - offset * 60_000), timezone: offset };
}

const isoDay = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const BE_MONTHS: Readonly<Record<string, number>> = {
  студзен: 1,
  лют: 2,
  сакавік: 3,
  красавік: 4,
  мая: 5,
  май: 5,
  маі: 5,
  трав: 5,
  траў: 5,
  чэрвен: 6,
  ліпен: 7,
  жні: 8,
  верас: 9,
  кастрычнік: 10,
  лістапад: 11,
  снеж: 12,
};

function beMonth(word: string): number | null {
  const lower = word.toLowerCase();
  for (const [stem, month] of Object.entries(BE_MONTHS)) if (lower.startsWith(stem)) return month;
  return null;
}

const BE_DAY_MONTH = withLetters(
  /(?<![\d\p{L}])(\d{1,2})\s+(студзеня|лютага|сакавіка|красавіка|мая|траўня|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня)(?:\s+(\d{4})(?:\s+г(?:од[а-яў]*|\.))?)?/giu,
);

const BE_IN_MONTH = withLetters(
  /(?<!\p{L})[уў]\s+(студзені|лютым|сакавіку|красавіку|маі|траўні|чэрвені|ліпені|жніўні|верасні|кастрычніку|лістападзе|снежні)/giu,
);

const BE_FOR_MONTH = withLetters(
  /(?<!\p{L})за\s+(студзень|люты|сакавік|красавік|май|травень|чэрвень|ліпень|жнівень|верасень|кастрычнік|лістапад|снежань)(?!\p{L})/giu,
);

const BE_NEAR_DAYS = withLetters(/(?<!\p{L})(пазаўчора|[уў]чора|сёння)(?!\p{L})/giu);

const BE_LAST_MONTH_OR_YEAR = withLetters(/(?<!\p{L})[уў]\s+мінулым\s+(месяцы|годзе)(?!\p{L})/giu);

/** Belarusian has no chrono locale: day-month(-year), "у лістападзе", "учора", "пазаўчора". */
function belarusianDates(text: string, context: DateContext): DateMention[] {
  const found: DateMention[] = [];
  const [pubYear, pubMonth] = context.publishedOn.split('-').map(Number) as [number, number];
  for (const match of text.matchAll(BE_DAY_MONTH)) {
    const month = beMonth(match[2] ?? '') ?? 1;
    const day = Number(match[1]);
    let year = match[3] ? Number(match[3]) : pubYear;
    if (!match[3] && isoDay(year, month, day) > context.publishedOn) year -= 1;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date: isoDay(year, month, day),
      absolute: Boolean(match[3]),
    });
  }
  for (const match of [...text.matchAll(BE_IN_MONTH), ...text.matchAll(BE_FOR_MONTH)]) {
    const month = beMonth(match[1] ?? '') ?? 1;
    const year = month > pubMonth ? pubYear - 1 : pubYear;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date: `${year}-${pad(month)}`,
      absolute: false,
    });
  }
  for (const match of text.matchAll(BE_NEAR_DAYS)) {
    const word = (match[1] ?? '').toLowerCase();
    const shift = word === 'пазаўчора' ? -2 : word.endsWith('чора') ? -1 : 0;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date: shiftDays(context.publishedOn, shift),
      absolute: false,
    });
  }
  for (const match of text.matchAll(BE_DAYS_AGO)) {
    const word = (match[1] ?? '').toLowerCase();
    const days = BE_SMALL_NUMBERS[word] ?? Number(word);
    if (!Number.isInteger(days) || days < 1 || days > 31) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date: shiftDays(context.publishedOn, -days),
      absolute: false,
    });
  }
  for (const match of text.matchAll(BE_LAST_MONTH_OR_YEAR)) {
    const month = (match[1] ?? '').toLowerCase() === 'месяцы';
    const date = month
      ? pubMonth === 1
        ? `${pubYear - 1}-12`
        : `${pubYear}-${pad(pubMonth - 1)}`
      : String(pubYear - 1);
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date,
      absolute: false,
    });
  }
  return found;
}

const BE_SMALL_NUMBERS: Readonly<Record<string, number>> = {
  адзін: 1,
  два: 2,
  дзве: 2,
  тры: 3,
  чатыры: 4,
  пяць: 5,
  шэсць: 6,
  сем: 7,
};

/** "тры дні таму", "5 дзён таму": days before the publication. */
const BE_DAYS_AGO = withLetters(
  /(?<![\d\p{L}])(\d{1,2}|адзін|два|дзве|тры|чатыры|пяць|шэсць|сем)\s+(?:дзень|дні|дзён)\s+таму(?!\p{L})/giu,
);

/**
 * "last week", "на прошлой неделе", "на мінулым тыдні": no day, but the month of the day a week
 * before the publication (the reading the published totals already use), so an event of last week
 * is dated to its month rather than left undated.
 */
const LAST_WEEK_PHRASE = withLetters(
  /\b(?:last|past|previous) week\b|(?<!\p{L})(?:на (?:прошлой|минувшей|мінулым) (?:неделе|тыдні))(?!\p{L})/giu,
);

function lastWeeks(text: string, context: DateContext): DateMention[] {
  const month = shiftDays(context.publishedOn, -7).slice(0, 7);
  return [...text.matchAll(LAST_WEEK_PHRASE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    date: month,
    absolute: false,
  }));
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  понедельник: 1,
  вторник: 2,
  среду: 3,
  четверг: 4,
  пятницу: 5,
  субботу: 6,
  воскресенье: 0,
  панядзелак: 1,
  аўторак: 2,
  сераду: 3,
  чацвер: 4,
  пятніцу: 5,
  суботу: 6,
  нядзелю: 0,
};

/** "в понедельник", "у суботу": the last such day up to the publication (chrono misses some). */
function cyrillicWeekdays(text: string, context: DateContext): DateMention[] {
  const found: DateMention[] = [];
  const published = new Date(`${context.publishedOn}T00:00:00Z`);
  const pattern = new RegExp(
    `(?<!\\p{L})(?:в|во|у|ў)\\s+(?:(прошл\\p{L}*|минувш\\p{L}*|мінул\\p{L}*|апошн\\p{L}*)\\s+)?(${Object.keys(WEEKDAYS).join('|')})(?!\\p{L})`,
    'giu',
  );
  for (const match of text.matchAll(pattern)) {
    const weekday = WEEKDAYS[(match[2] ?? '').toLowerCase()] ?? 0;
    // "в прошлую пятницу" read on a Friday is a week ago; "в пятницу" that day.
    const back = (published.getUTCDay() - weekday + 7) % 7 || (match[1] ? 7 : 0);
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date: shiftDays(context.publishedOn, -back),
      absolute: false,
    });
  }
  return found;
}

const DAY_BEFORE_WORD = withLetters(/(?<!\p{L})(?:накануне|напярэдадні)(?=\s*(?:[.,;:!?»)]|\d|$))/giu);

/**
 * "Их помиловали накануне.", "освобождённые накануне 18 граждан": the day before the publication.
 * Not "накануне Дня независимости" (on the eve of a day the text names), which chrono cannot date.
 */
function dayBefore(text: string, context: DateContext): DateMention[] {
  const found: DateMention[] = [];
  for (const match of text.matchAll(DAY_BEFORE_WORD)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      date: shiftDays(context.publishedOn, -1),
      absolute: false,
    });
  }
  return found;
}

const BARE_YEAR = withLetters(
  /(?<!\p{L})(?:in|during|в|у)\s+((?:19|20)\d{2})(?:\s+(?:году|годзе|г\.))?(?![\d\p{L}])/giu,
);

/** "in 2021", "since 2020", "в 2021 году": a year alone (chrono does not read these). */
function bareYears(text: string, taken: readonly DateMention[]): DateMention[] {
  const found: DateMention[] = [];
  const pattern = BARE_YEAR;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (taken.some((d) => start < d.end && d.start < start + match[0].length)) continue;
    found.push({ start, end: start + match[0].length, text: match[0], date: match[1] ?? '', absolute: true });
  }
  return found;
}

const parsers = { en: chrono.en.casual, ru: chrono.ru.casual } as const;

const RELATIVE_TO_OTHER_EVENT = withLetters(
  /\b(?:later|after|afterwards|earlier)\b|(?<!\p{L})(?:спустя|позже|позднее)(?!\p{L})/iu,
);

function resolve(result: chrono.ParsedResult, context: DateContext): DateMention | null {
  const { start } = result;
  const text = result.text;
  if (/week|недел|тыдн/i.test(text)) return null;
  // "a day later", "two days after": relative to another event, not to the publication.
  if (RELATIVE_TO_OTHER_EVENT.test(text)) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  const hasDay = start.isCertain('day') || start.isCertain('weekday');
  const hasMonth = start.isCertain('month');
  if (!hasDay && !hasMonth) return null;
  const named = start.isCertain('year') && /\d{4}/.test(text);
  const relativeWord = /вчера|позавчера|сегодня|yesterday|today|ago|назад|tonight/i.test(text);
  if (hasDay) {
    let date = isoDay(year, month, day);
    if (date > context.publishedOn && !named && !relativeWord) {
      date = start.isCertain('day')
        ? isoDay(year - 1, month, day)
        : shiftDays(date, -7 * Math.ceil(daysBetween(context.publishedOn, date) / 7));
    }
    return { start: result.index, end: result.index + text.length, text, date, absolute: named };
  }
  let monthYear = year;
  if (`${year}-${pad(month)}` > context.publishedOn.slice(0, 7) && !named) monthYear -= 1;
  return {
    start: result.index,
    end: result.index + text.length,
    text,
    date: `${monthYear}-${pad(month)}`,
    absolute: named,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A trailing count that chrono read as a two-digit year ("11 September 52"). */
const TRAILING_COUNT = /[\s,]+\d{1,3}$/;

export function findDates(text: string, language: ArticleLanguage, context: DateContext): DateMention[] {
  const reference = referenceOf(context);
  const found: DateMention[] = [];
  if (language === 'be') found.push(...belarusianDates(text, context));
  if (language !== 'en') found.push(...cyrillicWeekdays(text, context), ...dayBefore(text, context));
  found.push(
    ...lastWeeks(text, context).filter((w) => !found.some((d) => w.start < d.end && d.start < w.end)),
  );
  const parser = parsers[language === 'en' ? 'en' : 'ru'];
  // chrono costs a few milliseconds a call whatever the length: call it once per article.
  // Lower case keeps every offset and lets sentence-initial words match ("В понедельник").
  const results = parser.parse(language === 'en' ? text : text.toLowerCase(), reference);
  for (const result of results) {
    let current: chrono.ParsedResult | undefined = result;
    if (result.start.isCertain('year') && TRAILING_COUNT.test(result.text) && !/\d{4}/.test(result.text)) {
      current = parser.parse(result.text.replace(TRAILING_COUNT, ''), reference).find((r) => r.index === 0);
    }
    if (!current) continue;
    const resolved = resolve(current, context);
    const lead = resolved ? resolved.text.length - resolved.text.trimStart().length : 0;
    const mention = resolved && {
      ...resolved,
      text: text.slice(
        resolved.start + result.index - current.index + lead,
        resolved.end + result.index - current.index,
      ),
      start: resolved.start + result.index - current.index + lead,
      end: resolved.end + result.index - current.index,
    };
    if (mention && !found.some((d) => mention.start < d.end && d.start < mention.end)) found.push(mention);
  }
  found.push(...bareYears(text, found));
  return found.sort((a, b) => a.start - b.start);
}
