import { spanOf, spansOverlap, spanWithin, type DaySpan } from './calendar.js';
import type { CountObservationFact, CountQualifier, EpisodeFact, RecognitionFact } from './facts.js';
import { formatRange, type Range } from './range.js';
import { stockSeries } from './stock.js';

/**
 * Reconciliation: the registry's own count beside each published count on the same date. Neither
 * replaces the other: the row keeps the observation as published, the registry range, and the
 * difference read with the observation's qualifier.
 *
 * What the registry counts for each metric on the observation date D (a partial date is a span of
 * days; the registry range then covers every day of it):
 *  - held: persons held on D (stock.ts);
 *  - recognised_total: persons recognised as political prisoners on or before D (ever, whether or not
 *    the recognition has ended since); undated recognitions are possible only;
 *  - released: releases on or before D since the registry's records begin (published "released" totals
 *    often start at a date of their own: read the difference with that in mind);
 *  - new_recognitions: recognitions dated within D itself, so an observation dated "2024-03" is read as
 *    "new recognitions in March 2024".
 */

export type Relation = 'consistent' | 'registry_lower' | 'registry_higher';

export interface ReconciliationRow {
  observation: CountObservationFact;
  registry: Range;
  /** Published count − registry count (positive: the publisher counts more). */
  difference: Range;
  /** The values the published statement allows, from its qualifier ("at least 1,150" → [1150, ∞)). */
  publishedInterval: { low: number; high: number };
  /** Whether the registry range meets the values the statement allows. */
  relation: Relation;
  note: string;
}

/** The values a qualified statement allows. "Approximate" and "almost" are read as stated, and flagged. */
export function publishedInterval(count: number, qualifier: CountQualifier): { low: number; high: number } {
  switch (qualifier) {
    case 'exact':
    case 'approximate':
      return { low: count, high: count };
    case 'at_least':
      return { low: count, high: Number.POSITIVE_INFINITY };
    case 'more_than':
      return { low: count + 1, high: Number.POSITIVE_INFINITY };
    case 'fewer_than':
      return { low: Number.NEGATIVE_INFINITY, high: count - 1 };
    case 'almost':
      return { low: Number.NEGATIVE_INFINITY, high: count };
  }
}

const QUALIFIER_WORDS: Record<CountQualifier, string> = {
  exact: '',
  approximate: 'about ',
  at_least: 'at least ',
  more_than: 'more than ',
  fewer_than: 'fewer than ',
  almost: 'almost ',
};

/** Persons held over every day of the span: the fewest certain on any day, the most possible on any day. */
function heldOverSpan(episodes: readonly EpisodeFact[], span: DaySpan): Range {
  const series = stockSeries(episodes, span.first, span.last, 'day');
  return {
    min: Math.min(...series.map((point) => point.min)),
    max: Math.max(...series.map((point) => point.max)),
  };
}

/** Distinct ids among the dates certainly / possibly on or before the last day of `span`. */
function cumulativeBy(items: readonly { id: string; date: string | null }[], span: DaySpan): Range {
  const certain = new Set<string>();
  const possible = new Set<string>();
  for (const item of items) {
    if (item.date === null) {
      possible.add(item.id);
      continue;
    }
    const date = spanOf(item.date);
    // Certain for every day of the observation span: happened by its first day.
    if (date.last <= span.first) certain.add(item.id);
    if (date.first <= span.last) possible.add(item.id);
  }
  return { min: certain.size, max: possible.size };
}

export function registryCount(
  metric: CountObservationFact['metric'],
  observedOn: string,
  episodes: readonly EpisodeFact[],
  recognitions: readonly RecognitionFact[],
): Range {
  const span = spanOf(observedOn);
  switch (metric) {
    case 'held':
      return heldOverSpan(episodes, span);
    case 'recognised_total':
      return cumulativeBy(
        recognitions.map((recognition) => ({ id: recognition.personId, date: recognition.recognisedOn })),
        span,
      );
    case 'released':
      return cumulativeBy(
        episodes.flatMap((episode) =>
          episode.releasedOn === null ? [] : [{ id: episode.id, date: episode.releasedOn }],
        ),
        span,
      );
    case 'new_recognitions': {
      let min = 0;
      let max = 0;
      for (const recognition of recognitions) {
        if (recognition.recognisedOn === null) continue;
        const date = spanOf(recognition.recognisedOn);
        if (spanWithin(date, span)) min += 1;
        if (spansOverlap(date, span)) max += 1;
      }
      return { min, max };
    }
  }
}

function relationOf(registry: Range, interval: { low: number; high: number }): Relation {
  if (registry.max < interval.low) return 'registry_lower';
  if (registry.min > interval.high) return 'registry_higher';
  return 'consistent';
}

export function reconcile(
  observations: readonly CountObservationFact[],
  episodes: readonly EpisodeFact[],
  recognitions: readonly RecognitionFact[] = [],
): ReconciliationRow[] {
  return [...observations]
    .sort(
      (a, b) =>
        spanOf(a.observedOn).first.localeCompare(spanOf(b.observedOn).first) ||
        a.metric.localeCompare(b.metric) ||
        a.organisation.localeCompare(b.organisation),
    )
    .map((observation) => {
      const registry = registryCount(observation.metric, observation.observedOn, episodes, recognitions);
      const interval = publishedInterval(observation.count, observation.qualifier);
      const difference = { min: observation.count - registry.max, max: observation.count - registry.min };
      const relation = relationOf(registry, interval);
      const published = `${observation.organisation}: ${QUALIFIER_WORDS[observation.qualifier]}${observation.count} (${observation.metric}, ${observation.observedOn})`;
      const gap =
        difference.min === 0 && difference.max === 0
          ? 'the same figure'
          : `published figure minus registry = ${formatRange(difference)}`;
      const reading =
        relation === 'consistent'
          ? observation.qualifier === 'exact'
            ? 'consistent'
            : `consistent with "${QUALIFIER_WORDS[observation.qualifier].trim()}"`
          : relation === 'registry_lower'
            ? 'the registry counts fewer than the statement allows (people not yet documented?)'
            : 'the registry counts more than the statement allows';
      return {
        observation,
        registry,
        difference,
        publishedInterval: interval,
        relation,
        note: `${published}; registry ${formatRange(registry)}; ${gap}; ${reading}`,
      };
    });
}
