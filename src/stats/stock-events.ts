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

/** A day's change in persons held: certainly (`certain`) and possibly (`possible`). */
export type DayDelta = DayCorrection;

/**
 * The net change per day that `events` describe (starts − ends + corrections), days ascending, days
 * whose change is zero left out: the form the database keeps (migration 0018), so a kept table can be
 * compared with a full recomputation.
 */
export function dayDeltasOf(events: StockEvents): DayDelta[] {
  const byDayTotal = new Map<string, { certain: number; possible: number }>();
  const add = (day: string, certain: number, possible: number) => {
    const total = byDayTotal.get(day) ?? { certain: 0, possible: 0 };
    total.certain += certain;
    total.possible += possible;
    byDayTotal.set(day, total);
  };
  for (const entry of events.certainStarts) add(entry.day, entry.count, 0);
  for (const entry of events.certainEnds) add(entry.day, -entry.count, 0);
  for (const entry of events.possibleStarts) add(entry.day, 0, entry.count);
  for (const entry of events.possibleEnds) add(entry.day, 0, -entry.count);
  for (const entry of events.corrections) add(entry.day, entry.certain, entry.possible);
  return [...byDayTotal]
    .map(([day, total]) => ({ day, ...total }))
    .filter((delta) => delta.certain !== 0 || delta.possible !== 0)
    .sort(byDay);
}

function assertAscendingDays(days: readonly string[]): void {
  days.forEach((day) => assertIsoDay(day));
  for (let i = 1; i < days.length; i++) {
    if ((days[i] ?? '') < (days[i - 1] ?? '')) throw new RangeError('days must be ascending');
  }
}

/** Persons held on each of `days` (ascending, full ISO days) from the change per day. */
export function stockFromDayDeltas(deltas: readonly DayDelta[], days: readonly string[]): Range[] {
  assertAscendingDays(days);
  const certain = cumulativeAt(deltas, (entry) => entry.certain, days);
  const possible = cumulativeAt(deltas, (entry) => entry.possible, days);
  return days.map((_, index) => ({ min: certain[index] ?? 0, max: possible[index] ?? 0 }));
}

/** Persons held on each of `days` (ascending, full ISO days): { min: certainly, max: possibly }. */
export function stockAtDays(events: StockEvents, days: readonly string[]): Range[] {
  assertAscendingDays(days);
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
