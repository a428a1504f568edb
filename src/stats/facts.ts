/**
 * The facts the analytics read. The database layer maps its rows to these plain shapes so that every
 * computation in `src/stats` stays pure: no I/O, no clock ("today" is always a parameter).
 *
 * Every date is a partial date ("2021", "2021-08" or "2021-08-14", see lib/partial-date.ts): it stands
 * for the range of days it may mean, never for the 1st of January.
 */
export const RELEASE_MODES = [
  'sentence_served',
  'pardon',
  'negotiated',
  'deportation',
  'amnesty',
  'acquittal',
  'case_closed',
  'death_in_custody',
  'other',
] as const;
export type ReleaseMode = (typeof RELEASE_MODES)[number];

/** One arrest-to-release period of one person. `releasedOn: null` means still held. */
export interface EpisodeFact {
  id: string;
  personId: string;
  detainedOn: string;
  releasedOn: string | null;
  releaseMode: ReleaseMode | null;
  batchId: string | null;
  forcedExile: boolean | null;
  citizenshipStripped: boolean | null;
  destinationCountry: string | null;
  /** Criminal-code articles, e.g. "BY-CC 342". */
  articles: string[];
  sentenceMonths: number | null;
}

/** Recognition as a political prisoner by an organisation. */
export interface RecognitionFact {
  personId: string;
  recognisedOn: string | null;
  endedOn: string | null;
  /** Recognised only after the person was already free (retrospective recognition). */
  afterRelease: boolean;
}

/** One announced release (a "deal"). */
export interface BatchFact {
  id: string;
  releasedOn: string;
  announcedCount: number | null;
  counterparts: string[];
  concessionKinds: string[];
  forcedExile: boolean | null;
}

export type CountMetric = 'held' | 'new_recognitions' | 'released' | 'recognised_total';
export type CountQualifier = 'exact' | 'approximate' | 'at_least' | 'more_than' | 'fewer_than' | 'almost';

/** A total published by an organisation ("Viasna: 1,150 political prisoners as of …"). */
export interface CountObservationFact {
  organisation: string;
  metric: CountMetric;
  observedOn: string;
  count: number;
  qualifier: CountQualifier;
}

/** A condition event: SHIZO/PKT, incommunicado, health alert, torture report… */
export interface ConditionFact {
  personId: string;
  kind: string;
  startedOn: string | null;
  endedOn: string | null;
}

export interface PersonFact {
  id: string;
  birthDate: string | null;
  /** Citizenship, residence, family… `country` is an ISO 3166 code. */
  ties: { kind: string; country: string }[];
  /** Counted in every statistic, never shown by id or name. */
  anonymous: boolean;
}
