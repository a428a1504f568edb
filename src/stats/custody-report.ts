import {
  durationsByArrestYear,
  durationsByArticle,
  histogramOfDurations,
  summariseDurationList,
  type DurationGroup,
  type DurationSummary,
  type HistogramRow,
} from './duration.js';
import { episodeDurations } from './episode-durations.js';
import type { EpisodeFact } from './facts.js';
import type { Range } from './range.js';
import { rearrestReport, rearrestsWithin } from './rearrests.js';
import { stillHeldAfterMonths, survivalOfDurations, type StillHeld } from './survival.js';

/**
 * Everything the "time in custody" page and API show, from one pass over the episodes: the summary
 * (quantiles, Kaplan–Meier median), the distribution, the same by article and by year of arrest,
 * "still held after N months", and re-arrests. Re-arrests are counts only: the per-person links of
 * rearrests.ts name persons, and a statistic never does.
 */
export const STILL_HELD_MONTHS: readonly number[] = [3, 6, 12, 24, 36, 60];
export const REARREST_WITHIN_DAYS: readonly number[] = [30, 90, 365];

export interface RearrestSummary {
  personsWithMultipleEpisodes: number;
  personsRearrested: number;
  rearrests: number;
  /** A new case while still held: listed apart, never counted as a re-arrest. */
  overlaps: number;
  medianGapDays: Range | null;
  within: { days: number; rearrests: Range }[];
  /** Records that cannot be right (an episode after a death in custody): counted, to be fixed. */
  inconsistentRecords: number;
}

export interface CustodyReport {
  today: string;
  summary: DurationSummary;
  histogram: HistogramRow[];
  byArticle: DurationGroup[];
  byArrestYear: DurationGroup[];
  stillHeld: (StillHeld & { months: number })[];
  rearrests: RearrestSummary;
}

export function custodyReport(episodes: readonly EpisodeFact[], today: string): CustodyReport {
  const durations = episodeDurations(episodes, today);
  const survival = survivalOfDurations(durations);
  const rearrests = rearrestReport(episodes);
  return {
    today,
    summary: summariseDurationList(durations),
    histogram: histogramOfDurations(durations),
    byArticle: durationsByArticle(episodes, today),
    byArrestYear: durationsByArrestYear(episodes, today),
    stillHeld: STILL_HELD_MONTHS.map((months) => stillHeldAfterMonths(survival, months)),
    rearrests: {
      personsWithMultipleEpisodes: rearrests.personsWithMultipleEpisodes,
      personsRearrested: rearrests.personsRearrested,
      rearrests: rearrests.rearrests,
      overlaps: rearrests.overlaps,
      medianGapDays: rearrests.medianGapDays,
      within: REARREST_WITHIN_DAYS.map((days) => ({ days, rearrests: rearrestsWithin(rearrests, days) })),
      inconsistentRecords: rearrests.issues.length,
    },
  };
}
