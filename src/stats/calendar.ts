import {
  type DaySpan,
  addDays,
  daysBetween,
  daysInMonth,
  earliestDay,
  latestDay,
  parsePartialDate,
} from '../lib/partial-date.js';

/**
 * Day-level helpers shared by the computations. A partial date becomes a DaySpan (lib/partial-date:
 * the first and the last day it may stand for, both inclusive, remembered by its text).
 */
export { type DaySpan, spanOf } from '../lib/partial-date.js';

/** Throws on anything that is not a full ISO day: computations take exact days as their parameters. */
export function assertIsoDay(day: string, what = 'day'): string {
  const parsed = parsePartialDate(day);
  if (parsed?.precision !== 'day')
    throw new RangeError(`${what} must be a full YYYY-MM-DD day, got ${JSON.stringify(day)}`);
  return day;
}

export function spanLengthDays(span: DaySpan): number {
  return daysBetween(span.first, span.last) + 1;
}

/** Every day of `inner` lies inside `outer`. */
export function spanWithin(inner: DaySpan, outer: DaySpan): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** At least one day lies in both. */
export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Adds calendar months; the day is clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDay: string, months: number): string {
  assertIsoDay(isoDay);
  if (!Number.isInteger(months)) throw new RangeError(`months must be whole, got ${months}`);
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  const day = Number(isoDay.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(newDay).padStart(2, '0')}`;
}

/**
 * Whole years from `birthDay` to `onDay`. Someone born on 29 February turns a year older on 1 March in
 * common years (the birthday has not come while "02-28" < "02-29").
 */
export function fullYearsBetween(birthDay: string, onDay: string): number {
  const years = Number(onDay.slice(0, 4)) - Number(birthDay.slice(0, 4));
  return onDay.slice(5) < birthDay.slice(5) ? years - 1 : years;
}

/** Age on a day when the birth date is partial: the latest possible birth gives the youngest age. */
export function ageOn(birthDate: string, onDay: string): { min: number; max: number } {
  return {
    min: fullYearsBetween(latestDay(birthDate), onDay),
    max: fullYearsBetween(earliestDay(birthDate), onDay),
  };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(isoDay: string): number {
  const n = daysBetween('1970-01-01', isoDay);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export { addDays, daysBetween };
