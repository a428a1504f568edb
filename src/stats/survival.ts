import type { EpisodeFact } from './facts.js';
import { episodeDurations, type EpisodeDuration } from './episode-durations.js';
import type { Range } from './range.js';

/**
 * Kaplan–Meier estimate of "still held after t days", with right-censoring for people still inside.
 *
 * Why not the plain median of completed stays: it only sees those already out, who are the short
 * stays; long sentences are still running and would be missing. Kaplan–Meier keeps each ongoing
 * episode in the risk set up to the day it has reached (censored), so long stays weigh in.
 *
 * Conventions: S(t) is the share still held after t days, right-continuous (exits on day t are
 * counted by S(t)); when exits and censorings share a day, the censored are still at risk on that day.
 * The median is the smallest t with S(t) ≤ 0.5; null when the curve never gets there (more than half
 * still held at the end of follow-up).
 *
 * Partial dates make each duration a range. The curve is computed under three readings: every episode
 * at its shortest, at its midpoint and at its longest. These are a sensitivity band, not strict
 * bounds: Kaplan–Meier is not monotone in the event times when censoring is interleaved, so a mixed
 * reading can fall slightly outside the band.
 */

export interface SurvivalObservation {
  days: number;
  /** true: left custody on that day; false: censored (still held, or censored by choice). */
  exited: boolean;
}

export interface SurvivalStep {
  day: number;
  atRisk: number;
  exits: number;
  censored: number;
  /** S(day): share still held after this day. */
  survival: number;
}

export interface SurvivalCurve {
  observations: number;
  exits: number;
  censored: number;
  steps: SurvivalStep[];
}

export function kaplanMeier(observations: readonly SurvivalObservation[]): SurvivalCurve {
  for (const observation of observations) {
    if (!(observation.days >= 0)) throw new RangeError(`survival time must be ≥ 0, got ${observation.days}`);
  }
  const sorted = [...observations].sort((a, b) => a.days - b.days);
  const steps: SurvivalStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const day = (sorted[i] as SurvivalObservation).days;
    let exits = 0;
    let censored = 0;
    while (i < sorted.length && (sorted[i] as SurvivalObservation).days === day) {
      if ((sorted[i] as SurvivalObservation).exited) exits += 1;
      else censored += 1;
      i += 1;
    }
    if (exits > 0) survival *= 1 - exits / atRisk;
    steps.push({ day, atRisk, exits, censored, survival });
    atRisk -= exits + censored;
  }
  const exits = sorted.filter((observation) => observation.exited).length;
  return { observations: sorted.length, exits, censored: sorted.length - exits, steps };
}

/** S(t). Beyond the last observation it stays at its last value (unknown further out). */
export function survivalAt(curve: SurvivalCurve, days: number): number {
  let survival = 1;
  for (const step of curve.steps) {
    if (step.day > days) break;
    survival = step.survival;
  }
  return survival;
}

const EPSILON = 1e-12;

/** Smallest t with S(t) ≤ 1 − p (p = 0.5: the median); null when not reached. */
export function survivalQuantile(curve: SurvivalCurve, p: number): number | null {
  if (p <= 0 || p >= 1) throw new RangeError(`p must be in (0, 1), got ${p}`);
  for (const step of curve.steps) {
    if (step.exits > 0 && step.survival <= 1 - p + EPSILON) return step.day;
  }
  return null;
}

export function medianSurvival(curve: SurvivalCurve): number | null {
  return survivalQuantile(curve, 0.5);
}

/**
 * Area under S(t) from 0 to `horizon` (default: the last observed time): the restricted mean time in
 * custody. When many are still held it underestimates the true mean, which is unknown beyond follow-up.
 */
export function restrictedMean(curve: SurvivalCurve, horizon?: number): number {
  const last = curve.steps.at(-1)?.day ?? 0;
  const end = horizon ?? last;
  let area = 0;
  let previousDay = 0;
  let survival = 1;
  for (const step of curve.steps) {
    if (step.day >= end) break;
    area += survival * (step.day - previousDay);
    previousDay = step.day;
    survival = step.survival;
  }
  return area + survival * Math.max(0, end - previousDay);
}

/** One value per reading of the partial dates. */
export interface ReadingBand<T> {
  shortest: T;
  midpoint: T;
  longest: T;
}

export interface EpisodeSurvival {
  curves: ReadingBand<SurvivalCurve>;
  episodes: number;
  /** Releases counted as exits. */
  exits: number;
  /** Still held on `today` (plus deaths when they are censored). */
  censored: number;
  deathInCustody: 'exit' | 'censor';
}

export interface SurvivalOptions {
  /**
   * 'exit' (default): death in custody ends custody like a release ("still held" is the question).
   * 'censor': treat death as censoring, to estimate time until release alone.
   */
  deathInCustody?: 'exit' | 'censor';
}

/** Kaplan–Meier over given durations (e.g. one group of episodes). */
export function survivalOfDurations(
  durations: readonly EpisodeDuration[],
  options: SurvivalOptions = {},
): EpisodeSurvival {
  const deathInCustody = options.deathInCustody ?? 'exit';
  const exitedOf = (duration: EpisodeDuration): boolean =>
    !duration.ongoing && (duration.releaseMode !== 'death_in_custody' || deathInCustody === 'exit');
  const curve = (reading: (days: Range) => number): SurvivalCurve =>
    kaplanMeier(durations.map((duration) => ({ days: reading(duration.days), exited: exitedOf(duration) })));
  const exits = durations.filter(exitedOf).length;
  return {
    curves: {
      shortest: curve((days) => days.min),
      midpoint: curve((days) => (days.min + days.max) / 2),
      longest: curve((days) => days.max),
    },
    episodes: durations.length,
    exits,
    censored: durations.length - exits,
    deathInCustody,
  };
}

export function episodeSurvival(
  episodes: readonly EpisodeFact[],
  today: string,
  options: SurvivalOptions = {},
): EpisodeSurvival {
  return survivalOfDurations(episodeDurations(episodes, today), options);
}

/** Average Gregorian month (365.2425 / 12 days): months are converted to days with it. */
export const DAYS_PER_MONTH = 30.436875;

export interface StillHeld extends ReadingBand<number> {
  days: number;
  /** Lowest and highest of the three readings. */
  range: Range;
}

export function stillHeldAfterDays(survival: EpisodeSurvival, days: number): StillHeld {
  const shortest = survivalAt(survival.curves.shortest, days);
  const midpoint = survivalAt(survival.curves.midpoint, days);
  const longest = survivalAt(survival.curves.longest, days);
  return {
    days,
    shortest,
    midpoint,
    longest,
    range: { min: Math.min(shortest, midpoint, longest), max: Math.max(shortest, midpoint, longest) },
  };
}

/** "Still held after N months" (N × 30.436875 days). */
export function stillHeldAfterMonths(
  survival: EpisodeSurvival,
  months: number,
): StillHeld & { months: number } {
  return { months, ...stillHeldAfterDays(survival, months * DAYS_PER_MONTH) };
}

/** Median time in custody in days under each reading; null = not reached (over half still held). */
export function medianTimeInCustody(survival: EpisodeSurvival): ReadingBand<number | null> {
  return {
    shortest: medianSurvival(survival.curves.shortest),
    midpoint: medianSurvival(survival.curves.midpoint),
    longest: medianSurvival(survival.curves.longest),
  };
}
