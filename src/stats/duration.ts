import { spanOf } from './calendar.js';
import { episodeDurations, type EpisodeDuration } from './episode-durations.js';
import type { EpisodeFact } from './facts.js';
import { meanOfRanges, quantileOfRanges } from './quantiles.js';
import type { Range } from './range.js';
import { medianTimeInCustody, survivalOfDurations, type ReadingBand } from './survival.js';

export { episodeDurations, type EpisodeDuration } from './episode-durations.js';

/**
 * Time in custody: summaries, histogram buckets, and the same grouped by article and by year of arrest.
 *
 * Every figure over completed episodes is a range over the readings of partial dates (quantiles are
 * monotone, see quantiles.ts). Completed-only figures are biased towards short stays — the long ones
 * are still running — so each summary also carries the Kaplan–Meier median, which counts the ongoing
 * episodes as censored (survival.ts). Read that one first.
 */

export interface DurationQuantiles {
  p25: Range | null;
  p50: Range | null;
  p75: Range | null;
  p90: Range | null;
}

export interface DurationSummary {
  episodes: number;
  completed: number;
  ongoing: number;
  /** Over completed episodes only (biased short: see above). */
  completedDays: DurationQuantiles;
  completedMeanDays: Range | null;
  /** How long the ongoing episodes have lasted so far (each is a lower bound of its final length). */
  ongoingMedianDaysSoFar: Range | null;
  /** Kaplan–Meier median with censoring; null in a reading = more than half still held. */
  kaplanMeierMedianDays: ReadingBand<number | null>;
}

export function summariseDurationList(durations: readonly EpisodeDuration[]): DurationSummary {
  const completed = durations.filter((duration) => !duration.ongoing).map((duration) => duration.days);
  const ongoing = durations.filter((duration) => duration.ongoing).map((duration) => duration.days);
  return {
    episodes: durations.length,
    completed: completed.length,
    ongoing: ongoing.length,
    completedDays: {
      p25: quantileOfRanges(completed, 0.25),
      p50: quantileOfRanges(completed, 0.5),
      p75: quantileOfRanges(completed, 0.75),
      p90: quantileOfRanges(completed, 0.9),
    },
    completedMeanDays: meanOfRanges(completed),
    ongoingMedianDaysSoFar: quantileOfRanges(ongoing, 0.5),
    kaplanMeierMedianDays: medianTimeInCustody(survivalOfDurations(durations)),
  };
}

export function summariseDurations(episodes: readonly EpisodeFact[], today: string): DurationSummary {
  return summariseDurationList(episodeDurations(episodes, today));
}

export interface DurationBucket {
  label: string;
  /** Inclusive lower bound in days. */
  fromDays: number;
  /** Exclusive upper bound in days; null = open-ended. */
  toDays: number | null;
}

/** Default buckets, in days: under 1 month, 1–3 months, 3–6, 6–12, 1–2 years, 2–3, 3–5, 5 years and more. */
export const DURATION_BUCKETS: readonly DurationBucket[] = [
  { label: 'under 1 month', fromDays: 0, toDays: 30 },
  { label: '1–3 months', fromDays: 30, toDays: 91 },
  { label: '3–6 months', fromDays: 91, toDays: 183 },
  { label: '6–12 months', fromDays: 183, toDays: 365 },
  { label: '1–2 years', fromDays: 365, toDays: 730 },
  { label: '2–3 years', fromDays: 730, toDays: 1096 },
  { label: '3–5 years', fromDays: 1096, toDays: 1826 },
  { label: '5 years and more', fromDays: 1826, toDays: null },
];

export interface HistogramRow {
  bucket: DurationBucket;
  /** Completed episodes: min = certainly in this bucket, max = possibly in it. */
  completed: Range;
  /** Ongoing episodes by time served so far (they will end in this bucket or a later one). */
  ongoingSoFar: Range;
}

function bucketCount(ranges: readonly Range[], bucket: DurationBucket): Range {
  const upper = bucket.toDays ?? Number.POSITIVE_INFINITY;
  let min = 0;
  let max = 0;
  for (const range of ranges) {
    if (range.min >= bucket.fromDays && range.max < upper) min += 1;
    if (range.max >= bucket.fromDays && range.min < upper) max += 1;
  }
  return { min, max };
}

/** How many durations fall into each bucket, completed and ongoing apart. */
export function histogramOfDurations(
  durations: readonly EpisodeDuration[],
  buckets: readonly DurationBucket[] = DURATION_BUCKETS,
): HistogramRow[] {
  const completed = durations.filter((duration) => !duration.ongoing).map((duration) => duration.days);
  const ongoing = durations.filter((duration) => duration.ongoing).map((duration) => duration.days);
  return buckets.map((bucket) => ({
    bucket,
    completed: bucketCount(completed, bucket),
    ongoingSoFar: bucketCount(ongoing, bucket),
  }));
}

export function durationHistogram(
  episodes: readonly EpisodeFact[],
  today: string,
  buckets: readonly DurationBucket[] = DURATION_BUCKETS,
): HistogramRow[] {
  return histogramOfDurations(episodeDurations(episodes, today), buckets);
}

export interface DurationGroup {
  key: string;
  summary: DurationSummary;
  /** The distribution of the group's durations over DURATION_BUCKETS. */
  histogram: HistogramRow[];
}

function groupBy(
  durations: readonly EpisodeDuration[],
  keysOf: (d: EpisodeDuration) => readonly string[],
): DurationGroup[] {
  const groups = new Map<string, EpisodeDuration[]>();
  for (const duration of durations) {
    for (const key of new Set(keysOf(duration))) {
      const list = groups.get(key) ?? [];
      list.push(duration);
      groups.set(key, list);
    }
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => ({
      key,
      summary: summariseDurationList(list),
      histogram: histogramOfDurations(list),
    }));
}

/**
 * Grouped by criminal-code article. An episode charged under several articles is counted in each of
 * them (so groups overlap and do not add up to the total); one without articles is under "(none)".
 */
export function durationsByArticle(episodes: readonly EpisodeFact[], today: string): DurationGroup[] {
  return groupBy(episodeDurations(episodes, today), (duration) =>
    duration.articles.length > 0 ? duration.articles : ['(none)'],
  );
}

/**
 * Grouped by year of arrest. Every partial date knows its year, so no episode is ever unallocated here.
 * Recent cohorts have more ongoing episodes: compare them by their Kaplan–Meier medians.
 */
export function durationsByArrestYear(episodes: readonly EpisodeFact[], today: string): DurationGroup[] {
  return groupBy(episodeDurations(episodes, today), (duration) => [
    spanOf(duration.detainedOn).first.slice(0, 4),
  ]);
}
