import { addDays, assertIsoDay, daysBetween, isoWeekday, spanOf, type DaySpan } from './calendar.js';
import { daysInMonth } from '../lib/partial-date.js';

/**
 * Calendar periods used to group flows and to sample charts. Keys sort as text in time order within
 * one granularity:
 *   day "2021-08-14" · week "2021-W32" (ISO 8601: Monday start, week 1 holds the year's first
 *   Thursday, so 2021-01-03 belongs to "2020-W53") · month "2021-08" · year "2021".
 */
export type Granularity = 'day' | 'week' | 'month' | 'year';

export interface Period extends DaySpan {
  granularity: Granularity;
  key: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO week-numbering year and week of a day. */
export function isoWeekOf(isoDay: string): { year: number; week: number } {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(isoDay, 4 - isoWeekday(isoDay));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = daysBetween(`${pad(year, 4)}-01-01`, thursday) + 1;
  return { year, week: Math.floor((dayOfYear - 1) / 7) + 1 };
}

/** Monday of ISO week `week` of ISO year `year`. */
function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = `${pad(year, 4)}-01-04`; // 4 January is always in week 1
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayOfWeek1, (week - 1) * 7);
}

export function periodOf(isoDay: string, granularity: Granularity): Period {
  assertIsoDay(isoDay);
  switch (granularity) {
    case 'day':
      return { granularity, key: isoDay, first: isoDay, last: isoDay };
    case 'week': {
      const { year, week } = isoWeekOf(isoDay);
      const first = addDays(isoDay, 1 - isoWeekday(isoDay));
      return { granularity, key: `${pad(year, 4)}-W${pad(week)}`, first, last: addDays(first, 6) };
    }
    case 'month': {
      const key = isoDay.slice(0, 7);
      return { granularity, key, ...spanOf(key) };
    }
    case 'year': {
      const key = isoDay.slice(0, 4);
      return { granularity, key, ...spanOf(key) };
    }
  }
}

export function periodKey(isoDay: string, granularity: Granularity): string {
  return periodOf(isoDay, granularity).key;
}

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The period a key names; the granularity is read from the key's shape. */
export function parsePeriodKey(key: string): Period {
  const week = WEEK_KEY.exec(key);
  if (week) {
    const year = Number(week[1]);
    const number = Number(week[2]);
    const first = mondayOfIsoWeek(year, number);
    if (number < 1 || isoWeekOf(first).year !== year) throw new RangeError(`no such ISO week: ${key}`);
    return { granularity: 'week', key, first, last: addDays(first, 6) };
  }
  const span = spanOf(key); // throws on anything that is not a partial date
  const granularity: Granularity = key.length === 4 ? 'year' : key.length === 7 ? 'month' : 'day';
  return { granularity, key, ...span };
}

/** The period after `period`, of the same granularity. */
export function nextPeriod(period: Period): Period {
  return periodOf(addDays(period.last, 1), period.granularity);
}

/**
 * Every period that holds at least one day of [from, to] (both inclusive), in order. The first and the
 * last period may reach outside the window: callers that count events widen the window to whole
 * periods so that no period is counted over a part of its days.
 */
export function periodsBetween(from: string, to: string, granularity: Granularity): Period[] {
  assertIsoDay(from, 'from');
  assertIsoDay(to, 'to');
  if (to < from) return [];
  const periods: Period[] = [];
  for (let period = periodOf(from, granularity); period.first <= to; period = nextPeriod(period)) {
    periods.push(period);
  }
  return periods;
}

/**
 * The periods a partial date may fall in. One period means the date is certain at this granularity
 * ("2021-08" is certainly in 2021 and in 2021-08); several mean it is not ("2021" may be any month,
 * "2021-03" straddles ISO weeks 2021-W09 … 2021-W13).
 */
export function periodsOfPartialDate(partialDate: string, granularity: Granularity): Period[] {
  const span = spanOf(partialDate);
  return periodsBetween(span.first, span.last, granularity);
}

/** Widens [from, to] to whole periods. */
export function wholePeriodWindow(from: string, to: string, granularity: Granularity): DaySpan {
  return { first: periodOf(from, granularity).first, last: periodOf(to, granularity).last };
}

/** Days in a period (28–31 for months, 365/366 for years). */
export function periodLengthDays(period: Period): number {
  switch (period.granularity) {
    case 'day':
      return 1;
    case 'week':
      return 7;
    case 'month':
      return daysInMonth(Number(period.key.slice(0, 4)), Number(period.key.slice(5, 7)));
    case 'year': {
      const year = Number(period.key);
      return daysInMonth(year, 2) === 29 ? 366 : 365;
    }
  }
}
