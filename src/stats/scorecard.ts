import { addDays, assertIsoDay, daysBetween, spanOf, spansOverlap, spanWithin } from './calendar.js';
import { exiledOnRelease, shareOf, type Share } from './deals.js';
import type { BatchFact, EpisodeFact } from './facts.js';
import { formatRange, trendBetween, type Range, type Trend } from './range.js';
import { stockOn } from './stock.js';

/**
 * Conditionality scorecard: the conditions that sanctions relief is supposed to depend on, checked
 * against the registry for one period [from, to] (both inclusive). Each condition gets a verdict —
 * met, not met or unknown — with the figures behind it. A verdict is given only when the ranges of
 * partial dates allow no other reading; anything else is "unknown", with the reason.
 *
 * The episodes passed in are those of recognised political prisoners (the caller decides whose).
 */

export type Verdict = 'met' | 'not_met' | 'unknown';

export interface Criterion {
  id: 'all_released' | 'no_new_detentions' | 'freed_allowed_to_stay';
  question: string;
  verdict: Verdict;
  /** The figures behind the verdict, named. */
  figures: Record<string, Range | Share | number | string | null>;
  explanation: string;
}

export interface Scorecard {
  from: string;
  to: string;
  criteria: Criterion[];
}

function countIn(dates: readonly string[], window: { first: string; last: string }): Range {
  let min = 0;
  let max = 0;
  for (const date of dates) {
    const span = spanOf(date);
    if (spanWithin(span, window)) min += 1;
    if (spansOverlap(span, window)) max += 1;
  }
  return { min, max };
}

function rangeVerdict(range: Range): Verdict {
  if (range.max === 0) return 'met';
  if (range.min > 0) return 'not_met';
  return 'unknown';
}

export function conditionalityScorecard(
  input: { episodes: readonly EpisodeFact[]; batches?: readonly BatchFact[] },
  from: string,
  to: string,
): Scorecard {
  assertIsoDay(from, 'from');
  assertIsoDay(to, 'to');
  if (to < from) throw new RangeError(`empty period ${from} … ${to}`);
  const { episodes } = input;
  const batchById = new Map((input.batches ?? []).map((batch) => [batch.id, batch]));
  const period = { first: from, last: to };
  // The period before, of the same length, for trends.
  const length = daysBetween(from, to) + 1;
  const previous = { first: addDays(from, -length), last: addDays(from, -1) };

  // 1. All political prisoners released.
  const stockAtStart = stockOn(episodes, from);
  const stockAtEnd = stockOn(episodes, to);
  const allReleasedVerdict: Verdict = episodes.length === 0 ? 'unknown' : rangeVerdict(stockAtEnd);
  const allReleased: Criterion = {
    id: 'all_released',
    question: 'Have all political prisoners been released?',
    verdict: allReleasedVerdict,
    figures: { stockAtStart, stockAtEnd, trend: trendBetween(stockAtStart, stockAtEnd) },
    explanation:
      episodes.length === 0
        ? 'No detention records: the registry cannot say.'
        : allReleasedVerdict === 'met'
          ? `Nobody is held on ${to} under any reading of the dates.`
          : allReleasedVerdict === 'not_met'
            ? `${formatRange(stockAtEnd)} still held on ${to} (${formatRange(stockAtStart)} on ${from}).`
            : `Between ${stockAtEnd.min} and ${stockAtEnd.max} held on ${to}: partial dates leave it open.`,
  };

  // 2. No new politically motivated detentions.
  const detentionDates = episodes.map((episode) => episode.detainedOn);
  const detentions = countIn(detentionDates, period);
  const detentionsBefore = countIn(detentionDates, previous);
  const detentionTrend: Trend = trendBetween(detentionsBefore, detentions);
  const noNewVerdict = rangeVerdict(detentions);
  const noNewDetentions: Criterion = {
    id: 'no_new_detentions',
    question: 'Have new politically motivated detentions stopped?',
    verdict: noNewVerdict,
    figures: { detentions, previousPeriodDetentions: detentionsBefore, trend: detentionTrend },
    explanation:
      noNewVerdict === 'met'
        ? `No detention in ${from} … ${to}, under any reading of the dates.`
        : noNewVerdict === 'not_met'
          ? `${formatRange(detentions)} new detentions in the period (${formatRange(detentionsBefore)} in the period before: ${detentionTrend}).`
          : `Up to ${detentions.max} detentions may fall in the period, none certainly.`,
  };

  // 3. The freed allowed to stay: releases in the period not forced into exile. Deaths are not releases here.
  const released = episodes.filter(
    (episode) => episode.releasedOn !== null && episode.releaseMode !== 'death_in_custody',
  );
  const inPeriod = released.filter((episode) => spanWithin(spanOf(episode.releasedOn as string), period));
  const maybeInPeriod = released.filter(
    (episode) =>
      !spanWithin(spanOf(episode.releasedOn as string), period) &&
      spansOverlap(spanOf(episode.releasedOn as string), period),
  );
  const exile = shareOf(
    inPeriod.map((episode) => exiledOnRelease(episode, batchById.get(episode.batchId ?? ''))),
  );
  const stripped = shareOf(inPeriod.map((episode) => episode.citizenshipStripped));
  const stayVerdict: Verdict =
    inPeriod.length === 0 ? 'unknown' : exile.yes > 0 ? 'not_met' : exile.unknown > 0 ? 'unknown' : 'met';
  const freedAllowedToStay: Criterion = {
    id: 'freed_allowed_to_stay',
    question: 'Are the freed allowed to stay in the country?',
    verdict: stayVerdict,
    figures: {
      releases: inPeriod.length,
      releasesPossiblyInPeriod: maybeInPeriod.length,
      forcedExile: exile,
      citizenshipStripped: stripped,
    },
    explanation:
      inPeriod.length === 0
        ? 'Nobody certainly released in the period: the condition could not be tested.'
        : stayVerdict === 'not_met'
          ? `${exile.yes} of ${inPeriod.length} released were forced into exile.`
          : stayVerdict === 'unknown'
            ? `No forced exile recorded, but unknown for ${exile.unknown} of ${inPeriod.length} released.`
            : `All ${inPeriod.length} released stayed.`,
  };

  return { from, to, criteria: [allReleased, noNewDetentions, freedAllowedToStay] };
}
