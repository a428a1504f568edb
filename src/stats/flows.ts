import { spanOf, spansOverlap, spanWithin, type DaySpan } from './calendar.js';
import { RELEASE_MODES, type EpisodeFact, type RecognitionFact, type ReleaseMode } from './facts.js';
import { periodsBetween, wholePeriodWindow, type Granularity, type Period } from './periods.js';
import { subtractRanges, type Range } from './range.js';

/**
 * Flows: events per period (detentions, recognitions, releases).
 *
 * Rule for partial dates. An event whose date fits inside one period of the chosen granularity is
 * allocated to that period. An event whose date spans several periods (a detention known only as
 * "2021", counted by month) is NOT spread, guessed or put on the first day: it goes to the
 * `unallocated` bucket of that granularity, under its own recorded date, with the keys of the periods
 * it may belong to. Each period then reports a range: `min` = events allocated to it, `max` = those plus
 * the unallocated events that may fall in it. So "2021" is certain for year 2021 and uncertain for each
 * of its months; "2021-03" is certain for March and uncertain for weeks 2021-W09 … W13.
 *
 * Totals add up: Σ period.min + Σ unallocated (those wholly inside the window) = total.min.
 *
 * The window [from, to] is widened to whole periods (from 2021-08-14 by month means from 2021-08-01),
 * so no period is counted over only part of its days.
 */

export interface KindedEvent<K extends string> {
  /** Partial date of the event. */
  on: string;
  kind: K;
  /** How many events of this kind share the date (1 when absent): a GROUP BY row is one weighted event. */
  count?: number;
}

export interface PeriodCounts<K extends string> {
  period: Period;
  counts: Record<K, Range>;
}

export interface UnallocatedCounts<K extends string> {
  /** The event date as recorded, e.g. "2021" when counting by month. */
  date: string;
  /** Keys of the periods (inside the window) the events may belong to. */
  periodKeys: string[];
  /** Some of the date's days lie outside the window: the events may not belong to it at all. */
  partlyOutsideWindow: boolean;
  counts: Record<K, number>;
}

export interface Allocation<K extends string> {
  granularity: Granularity;
  window: DaySpan;
  periods: PeriodCounts<K>[];
  unallocated: UnallocatedCounts<K>[];
  /** Events certainly in the window (min) and possibly in it (max). */
  totals: Record<K, Range>;
}

function zeroRanges<K extends string>(kinds: readonly K[]): Record<K, Range> {
  return Object.fromEntries(kinds.map((kind) => [kind, { min: 0, max: 0 }])) as Record<K, Range>;
}

function zeroCounts<K extends string>(kinds: readonly K[]): Record<K, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>;
}

/** Binary search: index of the first period whose last day is ≥ day. */
function firstPeriodEndingOnOrAfter(periods: readonly Period[], day: string): number {
  let low = 0;
  let high = periods.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((periods[mid] as Period).last < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Counts events per period under the rule above. `kinds` fixes the columns (zeros included). */
export function allocateEvents<K extends string>(
  events: readonly KindedEvent<K>[],
  kinds: readonly K[],
  from: string,
  to: string,
  granularity: Granularity,
): Allocation<K> {
  const window = wholePeriodWindow(from, to, granularity);
  const periods = periodsBetween(window.first, window.last, granularity);
  const rows: PeriodCounts<K>[] = periods.map((period) => ({ period, counts: zeroRanges(kinds) }));
  const totals = zeroRanges(kinds);
  const unallocated = new Map<string, UnallocatedCounts<K>>();

  for (const event of events) {
    const span = spanOf(event.on);
    if (!spansOverlap(span, window)) continue;
    const n = event.count ?? 1;
    totals[event.kind].max += n;
    const inside = spanWithin(span, window);
    if (inside) totals[event.kind].min += n;

    const touched: PeriodCounts<K>[] = [];
    for (let i = firstPeriodEndingOnOrAfter(periods, span.first); i < rows.length; i += 1) {
      const row = rows[i] as PeriodCounts<K>;
      if (row.period.first > span.last) break;
      touched.push(row);
    }
    const only = touched.length === 1 ? touched[0] : undefined;
    if (only && spanWithin(span, only.period)) {
      only.counts[event.kind].min += n;
      only.counts[event.kind].max += n;
      continue;
    }
    for (const row of touched) row.counts[event.kind].max += n;
    let bucket = unallocated.get(event.on);
    if (!bucket) {
      bucket = {
        date: event.on,
        periodKeys: touched.map((row) => row.period.key),
        partlyOutsideWindow: !inside,
        counts: zeroCounts(kinds),
      };
      unallocated.set(event.on, bucket);
    }
    bucket.counts[event.kind] += n;
  }

  return {
    granularity,
    window,
    periods: rows,
    unallocated: [...unallocated.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    totals,
  };
}

export type ReleaseModeOrUnknown = ReleaseMode | 'unknown';
export const RELEASE_MODE_COLUMNS: readonly ReleaseModeOrUnknown[] = [...RELEASE_MODES, 'unknown'];

const FLOW_KINDS = ['detentions', 'recognitions', 'recognitionsAfterRelease', 'releases'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export interface PeriodFlows {
  period: Period;
  /** New detention episodes (a person re-arrested twice counts twice). */
  detentions: Range;
  /** New recognitions as political prisoners (all of them, including those after release). */
  recognitions: Range;
  /** The part of `recognitions` made only after the person was free again. */
  recognitionsAfterRelease: Range;
  /** Releases of any mode, death in custody included (it ends custody). */
  releases: Range;
  releasesByMode: Record<ReleaseModeOrUnknown, Range>;
  /** detentions − releases: the change in the number of open episodes. */
  net: Range;
}

export interface UnallocatedFlows {
  date: string;
  periodKeys: string[];
  partlyOutsideWindow: boolean;
  detentions: number;
  recognitions: number;
  recognitionsAfterRelease: number;
  releases: number;
  releasesByMode: Record<ReleaseModeOrUnknown, number>;
}

export interface FlowTable {
  granularity: Granularity;
  window: DaySpan;
  periods: PeriodFlows[];
  unallocated: UnallocatedFlows[];
  totals: Omit<PeriodFlows, 'period'>;
  /** Recognitions without a date: counted nowhere above, reported so they are not lost. */
  undatedRecognitions: number;
}

type ModeKind = `mode:${ReleaseModeOrUnknown}`;
type TableKind = FlowKind | ModeKind;
const MODE_KINDS = RELEASE_MODE_COLUMNS.map((mode): ModeKind => `mode:${mode}`);

function modeRecord<T>(pick: (kind: ModeKind) => T): Record<ReleaseModeOrUnknown, T> {
  return Object.fromEntries(RELEASE_MODE_COLUMNS.map((mode) => [mode, pick(`mode:${mode}`)])) as Record<
    ReleaseModeOrUnknown,
    T
  >;
}

/** The flow events of the registry, one per detention, recognition and release. */
export function flowEvents(
  episodes: readonly EpisodeFact[],
  recognitions: readonly RecognitionFact[] = [],
): KindedEvent<TableKind>[] {
  const events: KindedEvent<TableKind>[] = [];
  for (const episode of episodes) {
    events.push({ on: episode.detainedOn, kind: 'detentions' });
    if (episode.releasedOn !== null) {
      events.push({ on: episode.releasedOn, kind: 'releases' });
      events.push({ on: episode.releasedOn, kind: `mode:${episode.releaseMode ?? 'unknown'}` });
    }
  }
  for (const recognition of recognitions) {
    if (recognition.recognisedOn === null) continue;
    events.push({ on: recognition.recognisedOn, kind: 'recognitions' });
    if (recognition.afterRelease)
      events.push({ on: recognition.recognisedOn, kind: 'recognitionsAfterRelease' });
  }
  return events;
}

function toFlows(counts: Record<TableKind, Range>): Omit<PeriodFlows, 'period'> {
  return {
    detentions: counts.detentions,
    recognitions: counts.recognitions,
    recognitionsAfterRelease: counts.recognitionsAfterRelease,
    releases: counts.releases,
    releasesByMode: modeRecord((kind) => counts[kind]),
    net: subtractRanges(counts.detentions, counts.releases),
  };
}

/**
 * The flow events counted per recorded partial date, as a database returns them with `GROUP BY`
 * (the date as written, so "2021" stays "2021" and keeps its range): the flow table of a registry
 * of any size is computed from a few thousand rows instead of every episode.
 */
export interface FlowDateCounts {
  detentions: readonly { on: string; count: number }[];
  /** `inBatch`: the release is linked to a release batch (a deal, whatever its mode). */
  releases: readonly { on: string; mode: ReleaseMode | null; inBatch: boolean; count: number }[];
  recognitions: readonly { on: string; afterRelease: boolean; count: number }[];
  /** Recognitions without a date, wherever they would fall. */
  undatedRecognitions: number;
}

/** The days a flow table over [from, to] counts: [from, to] widened to whole periods. */
export function flowWindow(from: string, to: string, granularity: Granularity): DaySpan {
  return wholePeriodWindow(from, to, granularity);
}

function flowTableOf(
  allocation: Allocation<TableKind>,
  granularity: Granularity,
  undatedRecognitions: number,
): FlowTable {
  return {
    granularity,
    window: allocation.window,
    periods: allocation.periods.map(({ period, counts }) => ({ period, ...toFlows(counts) })),
    unallocated: allocation.unallocated.map((bucket) => ({
      date: bucket.date,
      periodKeys: bucket.periodKeys,
      partlyOutsideWindow: bucket.partlyOutsideWindow,
      detentions: bucket.counts.detentions,
      recognitions: bucket.counts.recognitions,
      recognitionsAfterRelease: bucket.counts.recognitionsAfterRelease,
      releases: bucket.counts.releases,
      releasesByMode: modeRecord((kind) => bucket.counts[kind]),
    })),
    totals: toFlows(allocation.totals),
    undatedRecognitions,
  };
}

/** Inflow (detentions, recognitions), outflow (releases by mode) and net change per period. */
export function flowTable(
  input: { episodes: readonly EpisodeFact[]; recognitions?: readonly RecognitionFact[] },
  from: string,
  to: string,
  granularity: Granularity,
): FlowTable {
  const recognitions = input.recognitions ?? [];
  const allocation = allocateEvents(
    flowEvents(input.episodes, recognitions),
    [...FLOW_KINDS, ...MODE_KINDS],
    from,
    to,
    granularity,
  );
  return flowTableOf(
    allocation,
    granularity,
    recognitions.filter((recognition) => recognition.recognisedOn === null).length,
  );
}

/** The same table as `flowTable`, from the events counted per date (`FlowDateCounts`). */
export function flowTableFromCounts(
  counts: FlowDateCounts,
  from: string,
  to: string,
  granularity: Granularity,
): FlowTable {
  const events: KindedEvent<TableKind>[] = [];
  for (const { on, count } of counts.detentions) events.push({ on, kind: 'detentions', count });
  for (const { on, mode, count } of counts.releases) {
    events.push({ on, kind: 'releases', count });
    events.push({ on, kind: `mode:${mode ?? 'unknown'}`, count });
  }
  for (const { on, afterRelease, count } of counts.recognitions) {
    events.push({ on, kind: 'recognitions', count });
    if (afterRelease) events.push({ on, kind: 'recognitionsAfterRelease', count });
  }
  const allocation = allocateEvents(events, [...FLOW_KINDS, ...MODE_KINDS], from, to, granularity);
  return flowTableOf(allocation, granularity, counts.undatedRecognitions);
}
