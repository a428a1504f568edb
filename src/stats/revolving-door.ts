import { spanOf, spansOverlap, spanWithin, type DaySpan } from './calendar.js';
import type { BatchFact, EpisodeFact, RecognitionFact, ReleaseMode } from './facts.js';
import {
  allocateEvents,
  flowTable,
  flowTableFromCounts,
  type Allocation,
  type FlowDateCounts,
  type FlowTable,
  type UnallocatedFlows,
} from './flows.js';
import { periodsBetween, type Granularity, type Period } from './periods.js';
import { subtractRanges, type Range } from './range.js';
import { countDatesInWindow, sameDayWindow, windowAround, type AnchoredWindow } from './windows.js';

/**
 * The revolving door: people released against people newly imprisoned, what happens around each
 * release batch, and how many left through deals as against through the end of their sentences.
 */

export interface DoorPeriod {
  period: Period;
  released: Range;
  newlyImprisoned: Range;
  /** newlyImprisoned − released: positive when the door turns inward. */
  balance: Range;
}

export interface DoorTable {
  granularity: Granularity;
  periods: DoorPeriod[];
  /** Events whose partial dates span several periods (see flows.ts for the rule). */
  unallocated: Pick<
    UnallocatedFlows,
    'date' | 'periodKeys' | 'partlyOutsideWindow' | 'detentions' | 'releases'
  >[];
  totals: { released: Range; newlyImprisoned: Range; balance: Range };
}

/** Per period: releases (any mode, death included) against new detentions. */
export function releasedVsImprisoned(
  episodes: readonly EpisodeFact[],
  from: string,
  to: string,
  granularity: Granularity,
): DoorTable {
  return doorTableOf(flowTable({ episodes }, from, to, granularity), granularity);
}

/** The same, from the events counted per recorded date (stats.repository selectFlowCounts). */
export function releasedVsImprisonedFromCounts(
  counts: FlowDateCounts,
  from: string,
  to: string,
  granularity: Granularity,
): DoorTable {
  const withoutRecognitions = { ...counts, recognitions: [], undatedRecognitions: 0 };
  return doorTableOf(flowTableFromCounts(withoutRecognitions, from, to, granularity), granularity);
}

function doorTableOf(table: FlowTable, granularity: Granularity): DoorTable {
  return {
    granularity,
    periods: table.periods.map((row) => ({
      period: row.period,
      released: row.releases,
      newlyImprisoned: row.detentions,
      balance: subtractRanges(row.detentions, row.releases),
    })),
    unallocated: table.unallocated
      .filter((bucket) => bucket.detentions > 0 || bucket.releases > 0)
      .map(({ date, periodKeys, partlyOutsideWindow, detentions, releases }) => ({
        date,
        periodKeys,
        partlyOutsideWindow,
        detentions,
        releases,
      })),
    totals: {
      released: table.totals.releases,
      newlyImprisoned: table.totals.detentions,
      balance: subtractRanges(table.totals.detentions, table.totals.releases),
    },
  };
}

export interface WindowCounts {
  detentions: Range;
  recognitions: Range;
}

export interface BatchWindow {
  days: number;
  /** The `days` days before the batch day (the day itself excluded). */
  before: WindowCounts;
  /** The `days` days after the batch day (the day itself excluded). */
  after: WindowCounts;
}

export interface BatchDoor {
  batchId: string;
  releasedOn: string;
  /** Events on the batch day itself, kept apart so that neither side claims them. */
  sameDay: WindowCounts;
  windows: BatchWindow[];
}

type DatedCounts = readonly { on: string; count: number }[];

function countsIn(detentions: DatedCounts, recognitions: DatedCounts, window: AnchoredWindow): WindowCounts {
  return {
    detentions: countDatesInWindow(detentions, window),
    recognitions: countDatesInWindow(recognitions, window),
  };
}

/**
 * For every batch: new detentions and new recognitions in the N days before and after it (default
 * 30 and 90). Dates are ranges: min = certainly in the window, max = possibly in it (windows.ts).
 * Undated recognitions are left out.
 */
export function aroundBatches(
  batches: readonly BatchFact[],
  episodes: readonly EpisodeFact[],
  recognitions: readonly RecognitionFact[],
  windowDays: readonly number[] = [30, 90],
): BatchDoor[] {
  return aroundBatchesFromCounts(
    batches,
    {
      detentions: episodes.map((episode) => ({ on: episode.detainedOn, count: 1 })),
      recognitions: recognitions.flatMap((recognition) =>
        recognition.recognisedOn === null ? [] : [{ on: recognition.recognisedOn, count: 1 }],
      ),
    },
    windowDays,
  );
}

/** The same, from detentions and recognitions counted per recorded date. */
export function aroundBatchesFromCounts(
  batches: readonly BatchFact[],
  counts: { detentions: DatedCounts; recognitions: DatedCounts },
  windowDays: readonly number[] = [30, 90],
): BatchDoor[] {
  const detentionDates = counts.detentions;
  const recognitionDates = counts.recognitions;
  return [...batches]
    .sort(
      (a, b) =>
        spanOf(a.releasedOn).first.localeCompare(spanOf(b.releasedOn).first) || a.id.localeCompare(b.id),
    )
    .map((batch) => ({
      batchId: batch.id,
      releasedOn: batch.releasedOn,
      sameDay: countsIn(detentionDates, recognitionDates, sameDayWindow(batch.releasedOn)),
      windows: windowDays.map((days) => ({
        days,
        before: countsIn(detentionDates, recognitionDates, windowAround(batch.releasedOn, 'before', days)),
        after: countsIn(detentionDates, recognitionDates, windowAround(batch.releasedOn, 'after', days)),
      })),
    }));
}

/**
 * Route out of custody:
 *  - deal: a negotiated release, or any release linked to a batch (a pardon or deportation announced
 *    as part of a batch is a deal);
 *  - sentence_served: served to the end, not linked to a batch;
 *  - death_in_custody;
 *  - other: pardon, amnesty, acquittal, case closed, deportation… outside any batch;
 *  - unknown: released, mode not recorded.
 */
export type ReleaseRoute = 'deal' | 'sentence_served' | 'death_in_custody' | 'other' | 'unknown';
export const RELEASE_ROUTES: readonly ReleaseRoute[] = [
  'deal',
  'sentence_served',
  'death_in_custody',
  'other',
  'unknown',
];

export function releaseRoute(episode: EpisodeFact): ReleaseRoute | null {
  if (episode.releasedOn === null) return null;
  return routeOf(episode.releaseMode, episode.batchId !== null);
}

/** The route of a release of `mode`, linked to a batch or not. */
export function routeOf(mode: ReleaseMode | null, inBatch: boolean): ReleaseRoute {
  if (inBatch || mode === 'negotiated') return 'deal';
  switch (mode) {
    case null:
      return 'unknown';
    case 'sentence_served':
      return 'sentence_served';
    case 'death_in_custody':
      return 'death_in_custody';
    case 'pardon':
    case 'deportation':
    case 'amnesty':
    case 'acquittal':
    case 'case_closed':
    case 'other':
      return 'other';
  }
}

export interface CumulativeRow {
  period: Period;
  /** Releases from the window start to the end of this period, by route: certainly (min) and possibly (max). */
  cumulative: Record<ReleaseRoute, Range>;
}

/**
 * Cumulative releases by route since `from`, at the end of each period. A release counts certainly when
 * its whole date lies in [from, period end], possibly when any of it does, so a release dated "2024"
 * counts as possible from January and certain from the end of December.
 */
export function cumulativeReleasesByRoute(
  episodes: readonly EpisodeFact[],
  from: string,
  to: string,
  granularity: Granularity,
): CumulativeRow[] {
  return cumulativeByRouteOf(
    episodes.flatMap((episode) => {
      const route = releaseRoute(episode);
      return route === null || episode.releasedOn === null
        ? []
        : [{ route, span: spanOf(episode.releasedOn), count: 1 }];
    }),
    from,
    to,
    granularity,
  );
}

/** The same, from releases counted per recorded date, mode and batch link. */
export function cumulativeReleasesByRouteFromCounts(
  releases: FlowDateCounts['releases'],
  from: string,
  to: string,
  granularity: Granularity,
): CumulativeRow[] {
  return cumulativeByRouteOf(
    releases.map((release) => ({
      route: routeOf(release.mode, release.inBatch),
      span: spanOf(release.on),
      count: release.count,
    })),
    from,
    to,
    granularity,
  );
}

function cumulativeByRouteOf(
  released: readonly { route: ReleaseRoute; span: DaySpan; count: number }[],
  from: string,
  to: string,
  granularity: Granularity,
): CumulativeRow[] {
  return periodsBetween(from, to, granularity).map((period) => {
    const window = { first: from, last: period.last > to ? to : period.last };
    const cumulative = Object.fromEntries(
      RELEASE_ROUTES.map((route) => [route, { min: 0, max: 0 }]),
    ) as Record<ReleaseRoute, Range>;
    for (const release of released) {
      if (spanWithin(release.span, window)) cumulative[release.route].min += release.count;
      if (spansOverlap(release.span, window)) cumulative[release.route].max += release.count;
    }
    return { period, cumulative };
  });
}

/** Releases per route per period (not cumulative), with the flows.ts allocation rule. */
export function releasesByRoute(
  episodes: readonly EpisodeFact[],
  from: string,
  to: string,
  granularity: Granularity,
): Allocation<ReleaseRoute> {
  const events = episodes.flatMap((episode) => {
    const route = releaseRoute(episode);
    return route === null || episode.releasedOn === null ? [] : [{ on: episode.releasedOn, kind: route }];
  });
  return allocateEvents(events, RELEASE_ROUTES, from, to, granularity);
}
