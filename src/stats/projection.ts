import {
  addMonths,
  assertIsoDay,
  daysBetween,
  spanOf,
  spansOverlap,
  spanWithin,
  type DaySpan,
} from './calendar.js';
import type { EpisodeFact } from './facts.js';
import { releaseRoute } from './revolving-door.js';
import { scaleRange, type Range } from './range.js';
import { averageStock, stockOn } from './stock.js';
import { episodeSurvival, restrictedMean } from './survival.js';
import { episodeDurations } from './episode-durations.js';
import { meanOfRanges } from './quantiles.js';

/**
 * Projections of the stock, and Little's law as a consistency check. Everything here is labelled a
 * projection and carries its assumptions: it says what the observed rates would lead to, not what will
 * happen.
 *
 * Rates are measured over an observation window [from, to] (both inclusive) as events per day, each a
 * range (an event counts certainly when its whole date lies in the window, possibly when any of it
 * does). The model is constant flows: stock(t) = stock(to) + t·(inflow − outflow). Stock cannot go below
 * zero; a projection that would is clamped at zero and flagged.
 */

export interface ObservedRates {
  window: DaySpan;
  days: number;
  /** New detentions per day. */
  inflowPerDay: Range;
  /** Releases linked to a batch (or negotiated) per day. */
  batchReleasesPerDay: Range;
  /** All other exits (sentence served, pardon outside a batch, death in custody…) per day. */
  otherExitsPerDay: Range;
}

function countIn(dates: readonly string[], window: DaySpan): Range {
  let min = 0;
  let max = 0;
  for (const date of dates) {
    const span = spanOf(date);
    if (spanWithin(span, window)) min += 1;
    if (spansOverlap(span, window)) max += 1;
  }
  return { min, max };
}

export function observedRates(episodes: readonly EpisodeFact[], from: string, to: string): ObservedRates {
  assertIsoDay(from, 'from');
  assertIsoDay(to, 'to');
  const days = daysBetween(from, to) + 1;
  if (days <= 0) throw new RangeError(`empty window ${from} … ${to}`);
  const window = { first: from, last: to };
  const batchReleases: string[] = [];
  const otherExits: string[] = [];
  for (const episode of episodes) {
    if (episode.releasedOn === null) continue;
    (releaseRoute(episode) === 'deal' ? batchReleases : otherExits).push(episode.releasedOn);
  }
  const perDay = (range: Range): Range => scaleRange(range, 1 / days);
  return {
    window,
    days,
    inflowPerDay: perDay(
      countIn(
        episodes.map((episode) => episode.detainedOn),
        window,
      ),
    ),
    batchReleasesPerDay: perDay(countIn(batchReleases, window)),
    otherExitsPerDay: perDay(countIn(otherExits, window)),
  };
}

export type ScenarioId = 'no_batches' | 'batches_at_observed_rate';

export interface ProjectedPoint {
  months: number;
  day: string;
  /** Projected persons held, rounded outward (floor of min, ceiling of max). */
  stock: Range;
  /** The straight line went below zero and was clamped. */
  clampedAtZero: boolean;
}

export interface Scenario {
  id: ScenarioId;
  label: string;
  assumptions: string[];
  points: ProjectedPoint[];
}

export interface LittlesLawCheck {
  /** λ: new detention episodes per day over the window. */
  arrivalsPerDay: Range;
  /** W: mean days in custody, as the Kaplan–Meier restricted mean (shortest and longest reading). */
  meanDaysInCustody: Range;
  /** Mean of completed episodes only, for comparison (biased short). */
  completedMeanDays: Range | null;
  /** L observed: mean daily number of open episodes over the window. */
  observedStock: Range;
  /** λ × W. */
  impliedStock: Range;
  /** Observed ÷ implied, at the midpoints. */
  ratio: number | null;
  reading: string;
}

export interface StockProjection {
  kind: 'projection';
  asOf: string;
  startingStock: Range;
  rates: ObservedRates;
  scenarios: Scenario[];
  littlesLaw: LittlesLawCheck;
  caveats: string[];
}

function project(start: Range, netPerDay: Range, days: number): { stock: Range; clampedAtZero: boolean } {
  const low = start.min + netPerDay.min * days;
  const high = start.max + netPerDay.max * days;
  return {
    stock: { min: Math.max(0, Math.floor(low + 1e-9)), max: Math.max(0, Math.ceil(high - 1e-9)) },
    clampedAtZero: low < 0 || high < 0,
  };
}

function littlesLaw(episodes: readonly EpisodeFact[], rates: ObservedRates): LittlesLawCheck {
  const asOf = rates.window.last;
  const survival = episodeSurvival(episodes, asOf);
  const w = {
    min: restrictedMean(survival.curves.shortest),
    max: restrictedMean(survival.curves.longest),
  };
  const meanDaysInCustody = { min: Math.min(w.min, w.max), max: Math.max(w.min, w.max) };
  const completed = episodeDurations(episodes, asOf).filter((duration) => !duration.ongoing);
  const observedStock = averageStock(episodes, rates.window.first, asOf, { unit: 'episode' });
  const impliedStock = {
    min: rates.inflowPerDay.min * meanDaysInCustody.min,
    max: rates.inflowPerDay.max * meanDaysInCustody.max,
  };
  const impliedMid = (impliedStock.min + impliedStock.max) / 2;
  const observedMid = (observedStock.min + observedStock.max) / 2;
  const ratio = impliedMid > 0 ? observedMid / impliedMid : null;
  const reading =
    ratio === null
      ? 'No arrivals in the window: Little’s law cannot be checked.'
      : ratio > 1.25
        ? 'More people are held than the recent inflow and the mean stay imply: the stock was built by an earlier, larger inflow (not in steady state), or stays are longer than the follow-up can show.'
        : ratio < 0.8
          ? 'Fewer people are held than the recent inflow and the mean stay imply: inflow has risen recently (the stock has not caught up), or releases have sped up.'
          : 'The stock is about what the inflow and the mean stay imply (within 20–25%): consistent with a steady state.';
  return {
    arrivalsPerDay: rates.inflowPerDay,
    meanDaysInCustody,
    completedMeanDays: meanOfRanges(completed.map((duration) => duration.days)),
    observedStock,
    impliedStock,
    ratio,
    reading,
  };
}

/**
 * Projects the stock at +6 and +12 months (or the given horizons) from `to`, under two scenarios:
 * "no batches" (only releases outside batches continue) and "batches at the observed rate".
 */
export function projectStock(
  episodes: readonly EpisodeFact[],
  from: string,
  to: string,
  horizonsMonths: readonly number[] = [6, 12],
): StockProjection {
  const rates = observedRates(episodes, from, to);
  const startingStock = stockOn(episodes, to);
  const netNoBatches = {
    min: rates.inflowPerDay.min - rates.otherExitsPerDay.max,
    max: rates.inflowPerDay.max - rates.otherExitsPerDay.min,
  };
  const netWithBatches = {
    min: netNoBatches.min - rates.batchReleasesPerDay.max,
    max: netNoBatches.max - rates.batchReleasesPerDay.min,
  };
  const points = (net: Range): ProjectedPoint[] =>
    horizonsMonths.map((months) => {
      const day = addMonths(to, months);
      return { months, day, ...project(startingStock, net, daysBetween(to, day)) };
    });
  const window = `${from} … ${to} (${rates.days} days)`;
  const common = [
    `New detentions continue at the rate observed over ${window}.`,
    `Releases outside batches (sentences served, pardons, deaths…) continue at their observed rate, as a number per day, not as a share of those held.`,
  ];
  return {
    kind: 'projection',
    asOf: to,
    startingStock,
    rates,
    scenarios: [
      {
        id: 'no_batches',
        label: 'Projection: no more release batches',
        assumptions: [...common, 'No release batch takes place.'],
        points: points(netNoBatches),
      },
      {
        id: 'batches_at_observed_rate',
        label: 'Projection: batches continue at the observed rate',
        assumptions: [
          ...common,
          `Batch releases continue at their average rate over the window, spread evenly; real batches come in lumps, so the path will be stepped.`,
        ],
        points: points(netWithBatches),
      },
    ],
    littlesLaw: littlesLaw(episodes, rates),
    caveats: [
      'A projection extends observed rates; it is not a forecast of political decisions.',
      'Ranges come from partial dates only; they are not statistical confidence intervals.',
      'Little’s law holds for a system in steady state; W is the Kaplan–Meier restricted mean, which underestimates the mean while many stays are still running.',
    ],
  };
}
