/**
 * Partial dates: "2021", "2021-08" or "2021-08-14". Many facts about detentions are known only to
 * the year or the month, so a date keeps its precision end to end and is treated as the range of
 * days it may stand for — never silently as the 1st of January (docs/decisions/0002).
 */
export type Precision = 'year' | 'month' | 'day';

export interface ParsedPartialDate {
  year: number;
  month: number | null;
  day: number | null;
  precision: Precision;
}

const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date per call: checking and storing dates calls this for every date. Outside
  // months 1–12 and years 100–9999, the calendar of Date (which rolls over, and maps years 0–99 to
  // 1900–1999) answers as it always did.
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined || !Number.isInteger(year) || year < 100 || year > 9999)
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month === 2 && isLeapYear(year) ? 29 : days;
}

/** Returns null for anything that is not a real partial date ("2021-02-30", "2021-13", "21"). */
export function parsePartialDate(text: string): ParsedPartialDate | null {
  const match = PARTIAL_DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000) return null;
  if (match[2] === undefined) return { year, month: null, day: null, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, day: null, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

function mustParse(text: string): ParsedPartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new TypeError(`not a partial date: ${JSON.stringify(text)}`);
  return parsed;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function precisionOf(text: string): Precision {
  return mustParse(text).precision;
}

/** The first day the partial date may stand for, as YYYY-MM-DD. */
export function earliestDay(text: string): string {
  const { year, month, day } = mustParse(text);
  return `${year}-${pad2(month ?? 1)}-${pad2(day ?? 1)}`;
}

/** The last day the partial date may stand for, as YYYY-MM-DD. */
export function latestDay(text: string): string {
  const { year, month, day } = mustParse(text);
  const lastMonth = month ?? 12;
  return `${year}-${pad2(lastMonth)}-${pad2(day ?? daysInMonth(year, lastMonth))}`;
}

/**
 * Total order for sorting: by the first possible day, then the less precise first (a year starts
 * before any of its days is known to start). Lexicographic order of the canonical strings is
 * exactly this order, which is why SQL can sort the stored text directly on both dialects.
 */
export function comparePartialDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Relation = 'before' | 'after' | 'same' | 'overlaps';

/** The first and the last day a partial date may stand for, both inclusive ("2021-08" → 08-01 … 08-31). */
export interface DaySpan {
  first: string;
  last: string;
}

/**
 * Spans by their text, frozen and shared: checks and computations ask for the span of the same few
 * thousand dates again and again (the revolving door once per batch and window, 9 of its 11 s at
 * 100,000 persons were parsing dates; a bulk load relates every episode's dates). Bounded; a full
 * memo starts afresh.
 */
const spans = new Map<string, DaySpan>();
const MAX_REMEMBERED_SPANS = 50_000;

/** Throws, as earliestDay does, on anything that is not a partial date. */
export function spanOf(partialDate: string): DaySpan {
  let span = spans.get(partialDate);
  if (span === undefined) {
    span = Object.freeze({ first: earliestDay(partialDate), last: latestDay(partialDate) });
    if (spans.size >= MAX_REMEMBERED_SPANS) spans.clear();
    spans.set(partialDate, span);
  }
  return span;
}

/** How two partial dates relate when each is read as the range of days it may stand for. */
export function relate(a: string, b: string): Relation {
  const spanA = spanOf(a);
  const spanB = spanOf(b);
  if (spanA.last < spanB.first) return 'before';
  if (spanA.first > spanB.last) return 'after';
  // One day long is a day's precision: a month or a year is never a single day.
  if (a === b && spanA.first === spanA.last) return 'same';
  return 'overlaps';
}

/** True only when a is certainly earlier than b (every reading of a is before every reading of b). */
export function isCertainlyBefore(a: string, b: string): boolean {
  return relate(a, b) === 'before';
}

const MS_PER_DAY = 86_400_000;

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / MS_PER_DAY);
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(fromIsoDay: string, toIsoDay: string): number {
  return dayNumber(toIsoDay) - dayNumber(fromIsoDay);
}

export function isoDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole days to an ISO day. */
export function addDays(isoDay: string, days: number): string {
  return isoDayOf(new Date((dayNumber(isoDay) + days) * MS_PER_DAY));
}
