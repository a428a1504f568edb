import { addDays, assertIsoDay, daysBetween, spanOf } from './calendar.js';
import type { EpisodeFact } from './facts.js';
import { periodsBetween, type Granularity } from './periods.js';
import type { Range } from './range.js';

/**
 * Stock: how many people are held on a day. A person is held on D when an episode has
 * detainedOn ≤ D < releasedOn (the release day is a day of freedom, as in custody.ts). With partial
 * dates the answer per episode is yes / maybe / no, and the stock is a range: `min` counts the people
 * held under every reading of the dates, `max` those held under at least one. A person with several
 * (even overlapping) episodes is counted once.
 */

type Held = 'yes' | 'maybe' | 'no';

/** An episode's partial dates turned into day bounds once, so that series over many days stay cheap. */
interface CompiledEpisode {
  id: string;
  personId: string;
  detainedFirst: string;
  detainedLast: string;
  releasedFirst: string | null;
  releasedLast: string | null;
}

function compile(episode: EpisodeFact): CompiledEpisode {
  const detained = spanOf(episode.detainedOn);
  const released = episode.releasedOn === null ? null : spanOf(episode.releasedOn);
  return {
    id: episode.id,
    personId: episode.personId,
    detainedFirst: detained.first,
    detainedLast: detained.last,
    releasedFirst: released?.first ?? null,
    releasedLast: released?.last ?? null,
  };
}

/** Same rule as custody.heldOnDay, on precompiled bounds. */
function heldOn(episode: CompiledEpisode, day: string): Held {
  const possiblyDetained = episode.detainedFirst <= day;
  if (!possiblyDetained) return 'no';
  const possiblyNotReleased = episode.releasedLast === null || episode.releasedLast > day;
  if (!possiblyNotReleased) return 'no';
  const certainlyDetained = episode.detainedLast <= day;
  const certainlyNotReleased = episode.releasedFirst === null || episode.releasedFirst > day;
  return certainlyDetained && certainlyNotReleased ? 'yes' : 'maybe';
}

export type StockUnit = 'person' | 'episode';

export interface StockOptions {
  /** 'person' (default) counts each person once; 'episode' counts open episodes (Little's law uses it). */
  unit?: StockUnit;
}

class StockCounter {
  private readonly compiled: CompiledEpisode[];

  constructor(
    episodes: readonly EpisodeFact[],
    private readonly unit: StockUnit,
  ) {
    this.compiled = episodes.map(compile);
  }

  heldSets(day: string): { certain: Set<string>; possible: Set<string> } {
    const certain = new Set<string>();
    const possible = new Set<string>();
    for (const episode of this.compiled) {
      const answer = heldOn(episode, day);
      if (answer === 'no') continue;
      const key = this.unit === 'person' ? episode.personId : episode.id;
      possible.add(key);
      if (answer === 'yes') certain.add(key);
    }
    return { certain, possible };
  }

  count(day: string): Range {
    const { certain, possible } = this.heldSets(day);
    return { min: certain.size, max: possible.size };
  }
}

/** Persons held on `day`: { min: certainly held, max: possibly held }. */
export function stockOn(episodes: readonly EpisodeFact[], day: string, options: StockOptions = {}): Range {
  assertIsoDay(day);
  return new StockCounter(episodes, options.unit ?? 'person').count(day);
}

/**
 * Who is held on `day`. `certain` are held under every reading; `possible` only under some (a person
 * certainly held is never listed as possible). Sorted ids, so results compare in tests and diffs.
 */
export function personsHeldOn(
  episodes: readonly EpisodeFact[],
  day: string,
): { certain: string[]; possible: string[] } {
  assertIsoDay(day);
  const { certain, possible } = new StockCounter(episodes, 'person').heldSets(day);
  return {
    certain: [...certain].sort(),
    possible: [...possible].filter((id) => !certain.has(id)).sort(),
  };
}

export interface StockPoint {
  /** The day the stock is measured on. */
  day: string;
  /** The period this point stands for (equals `day` for a daily series). */
  period: string;
  min: number;
  max: number;
}

/**
 * Stock over time for charts. A daily series has one point per day; for week / month / year the point
 * is the stock on the last day of each period ("as of the end of August"), except that the last point
 * is measured on `to` itself when `to` falls before the end of its period (a period in progress is
 * shown as of `to`, never as of a day that has not been observed).
 */
export function stockSeries(
  episodes: readonly EpisodeFact[],
  from: string,
  to: string,
  step: Granularity,
  options: StockOptions = {},
): StockPoint[] {
  const counter = new StockCounter(episodes, options.unit ?? 'person');
  return periodsBetween(from, to, step).map((period) => {
    const day = period.last > to ? to : period.last;
    return { day, period: period.key, ...counter.count(day) };
  });
}

/** Mean daily stock over [from, to], both inclusive: the L of Little's law when unit is 'episode'. */
export function averageStock(
  episodes: readonly EpisodeFact[],
  from: string,
  to: string,
  options: StockOptions = {},
): Range {
  assertIsoDay(from, 'from');
  assertIsoDay(to, 'to');
  const days = daysBetween(from, to) + 1;
  if (days <= 0) throw new RangeError(`empty window ${from} … ${to}`);
  if (options.unit === 'episode') return averageEpisodeStock(episodes.map(compile), from, to, days);
  const counter = new StockCounter(episodes, options.unit ?? 'person');
  let min = 0;
  let max = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const count = counter.count(day);
    min += count.min;
    max += count.max;
  }
  return { min: min / days, max: max / days };
}

/**
 * averageStock counting episodes: episodes are counted independently, so the sum over the days is
 * each episode's days inside the window (certainly held: from its latest detention day to its
 * earliest release day; possibly: earliest to latest), without a count per day. A year's window
 * over 100,000 episodes took 12 s day by day (the projection's Little's law).
 */
function averageEpisodeStock(
  compiled: readonly CompiledEpisode[],
  from: string,
  to: string,
  days: number,
): Range {
  const afterWindow = addDays(to, 1);
  // Days of the window in [start, end), end exclusive (null: not released).
  const within = (start: string, end: string | null): number => {
    const first = start > from ? start : from;
    const stop = end === null || end > afterWindow ? afterWindow : end;
    return first < stop ? daysBetween(first, stop) : 0;
  };
  let min = 0;
  let max = 0;
  for (const episode of compiled) {
    min += within(episode.detainedLast, episode.releasedFirst);
    max += within(episode.detainedFirst, episode.releasedLast);
  }
  return { min: min / days, max: max / days };
}
