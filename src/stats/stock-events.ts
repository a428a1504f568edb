import { assertIsoDay } from './calendar.js';
import type { Range } from './range.js';

/**
 * The stock series from day counts instead of episodes (for registries of a million episodes, where
 * loading every episode costs seconds). The database counts, per day, how many episodes start and
 * end being certainly held (detained_on_hi, released_on_lo) and possibly held (detained_on_lo,
 * released_on_hi); held on D is start ≤ D < end, as in stock.ts. Summing episodes equals counting
 * persons except for the few `irregular` episodes: those of a person whose episodes overlap, and
 * those whose partial dates leave their certain span empty or inverted. Their naive contribution is
 * taken out again and replaced by the exact per-person answer, so the result equals stockSeries.
 */

export interface DayCount {
  day: string;
  count: number;
}

export interface CompactEpisode {
  id: string;
  personId: string;
  detainedLo: string;
  detainedHi: string;
  /** null while still held. */
  releasedLo: string | null;
  releasedHi: string | null;
}

export interface StockEvents {
  certainStarts: readonly DayCount[];
  certainEnds: readonly DayCount[];
  possibleStarts: readonly DayCount[];
  possibleEnds: readonly DayCount[];
  /** Counted in the day counts above like every episode; corrected here, grouped by person (an episode listed twice counts once). */
  irregular: readonly CompactEpisode[];
}

/** Running totals of day counts at ascending days: how many events fell on or before each. */
function cumulativeAt(counts: readonly DayCount[], days: readonly string[]): number[] {
  const sorted = [...counts].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const totals: number[] = [];
  let index = 0;
  let total = 0;
  for (const day of days) {
    while (index < sorted.length && (sorted[index]?.day ?? '') <= day) total += sorted[index++]?.count ?? 0;
    totals.push(total);
  }
  return totals;
}

const inSpan = (start: string, end: string | null, day: string): number =>
  start <= day && (end === null || end > day) ? 1 : 0;
const naive = (start: string, end: string | null, day: string): number =>
  (start <= day ? 1 : 0) - (end !== null && end <= day ? 1 : 0);

/** Persons held on each of `days` (ascending, full ISO days): { min: certainly, max: possibly }. */
export function stockAtDays(events: StockEvents, days: readonly string[]): Range[] {
  days.forEach((day) => assertIsoDay(day));
  for (let i = 1; i < days.length; i++) {
    if ((days[i] ?? '') < (days[i - 1] ?? '')) throw new RangeError('days must be ascending');
  }
  const certainIn = cumulativeAt(events.certainStarts, days);
  const certainOut = cumulativeAt(events.certainEnds, days);
  const possibleIn = cumulativeAt(events.possibleStarts, days);
  const possibleOut = cumulativeAt(events.possibleEnds, days);

  const byPerson = new Map<string, CompactEpisode[]>();
  const unique = new Map(events.irregular.map((episode) => [episode.id, episode]));
  for (const episode of unique.values()) {
    const list = byPerson.get(episode.personId) ?? [];
    list.push(episode);
    byPerson.set(episode.personId, list);
  }
  return days.map((day, index) => {
    let min = (certainIn[index] ?? 0) - (certainOut[index] ?? 0);
    let max = (possibleIn[index] ?? 0) - (possibleOut[index] ?? 0);
    for (const episodes of byPerson.values()) {
      let certain = 0;
      let possible = 0;
      for (const episode of episodes) {
        min -= naive(episode.detainedHi, episode.releasedLo, day);
        max -= naive(episode.detainedLo, episode.releasedHi, day);
        certain |= inSpan(episode.detainedHi, episode.releasedLo, day);
        possible |= inSpan(episode.detainedLo, episode.releasedHi, day);
      }
      min += certain;
      max += possible;
    }
    return { min, max };
  });
}
