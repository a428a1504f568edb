import { assertIsoDay } from './calendar.js';
import type { Range } from './range.js';

/**
 * The stock series from day counts instead of episodes (for registries of a million episodes, where
 * loading every episode costs seconds). The database counts, per day, how many episodes start and
 * end being certainly held (detained_on_hi, released_on_lo) and possibly held (detained_on_lo,
 * released_on_hi); held on D is start ≤ D < end, as in stock.ts. Summing episodes equals counting
 * persons except for the few irregular episodes: those of a person with several episodes (they may
 * overlap) and those whose partial dates leave their certain span empty or inverted. For those the
 * database also returns `corrections`: per day, the change that turns their naive sum into the number
 * of persons they hold (the union of each person's spans minus the spans themselves). With them the
 * result equals stockSeries.
 */

export interface DayCount {
  day: string;
  count: number;
}

export interface DayCorrection {
  day: string;
  certain: number;
  possible: number;
}

export interface StockEvents {
  certainStarts: readonly DayCount[];
  certainEnds: readonly DayCount[];
  possibleStarts: readonly DayCount[];
  possibleEnds: readonly DayCount[];
  corrections: readonly DayCorrection[];
}

const byDay = <T extends { day: string }>(a: T, b: T) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

/** Running totals of day values at ascending days: the sum of those on or before each day. */
function cumulativeAt<T extends { day: string }>(
  values: readonly T[],
  valueOf: (value: T) => number,
  days: readonly string[],
): number[] {
  const sorted = [...values].sort(byDay);
  const totals: number[] = [];
  let index = 0;
  let total = 0;
  for (const day of days) {
    while (index < sorted.length && (sorted[index] as T).day <= day) total += valueOf(sorted[index++] as T);
    totals.push(total);
  }
  return totals;
}

/** Persons held on each of `days` (ascending, full ISO days): { min: certainly, max: possibly }. */
export function stockAtDays(events: StockEvents, days: readonly string[]): Range[] {
  days.forEach((day) => assertIsoDay(day));
  for (let i = 1; i < days.length; i++) {
    if ((days[i] ?? '') < (days[i - 1] ?? '')) throw new RangeError('days must be ascending');
  }
  const count = (entry: DayCount) => entry.count;
  const certainIn = cumulativeAt(events.certainStarts, count, days);
  const certainOut = cumulativeAt(events.certainEnds, count, days);
  const possibleIn = cumulativeAt(events.possibleStarts, count, days);
  const possibleOut = cumulativeAt(events.possibleEnds, count, days);
  const certainFix = cumulativeAt(events.corrections, (entry) => entry.certain, days);
  const possibleFix = cumulativeAt(events.corrections, (entry) => entry.possible, days);
  return days.map((_, index) => ({
    min: (certainIn[index] ?? 0) - (certainOut[index] ?? 0) + (certainFix[index] ?? 0),
    max: (possibleIn[index] ?? 0) - (possibleOut[index] ?? 0) + (possibleFix[index] ?? 0),
  }));
}
