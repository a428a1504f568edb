/**
 * What extraction proposes: plain data with its evidence. The proposal module stores these and
 * turns an accepted one into a fact; nothing here touches the registry.
 */
export const EXTRACTION_KINDS = [
  'release_event',
  'sentence',
  'arrest',
  'count_observation',
  'concession',
] as const;
export type ExtractionKind = (typeof EXTRACTION_KINDS)[number];

export interface Evidence {
  /** The sentence the fact was read from. */
  sentence: string;
  /** Character offsets of the sentence in the article's plain text. */
  start: number;
  end: number;
  /** Further sentences that say the same (a headline and a lead), as offsets. */
  alsoAt: { start: number; end: number }[];
}

export interface NamedPerson {
  /** As written, and as the registry would record it (nominative). */
  text: string;
  name: string;
  script: 'Latn' | 'Cyrl';
  queries: string[];
  start: number;
  end: number;
  /** Filled by linking: the registry person this mention is. */
  personId?: string | null;
}

export type CountQualifier = 'exact' | 'approximate' | 'at_least' | 'more_than' | 'fewer_than' | 'almost';

export interface ReleaseEventFacts {
  count: number | null;
  qualifier: CountQualifier;
  /** Partial date; null when the article does not say. */
  releasedOn: string | null;
  /** Where the date came from: the text, or the publication day as a fallback. */
  dateFrom: 'text' | 'publication' | null;
  people: NamedPerson[];
  destination: string | null;
  destinationCountry: string | null;
  forcedExile: boolean | null;
  counterparts: string[];
  /** How the named people left custody: a pardon, a deal with a counterpart, or not said. */
  mode: 'pardon' | 'negotiated' | 'other';
}

export interface SentenceFacts {
  person: NamedPerson;
  months: number | null;
  regime: string | null;
  articles: { number: string; part: string | null }[];
  verdictOn: string | null;
}

export interface ArrestFacts {
  person: NamedPerson;
  detainedOn: string | null;
}

export interface CountObservationFacts {
  organisation: string;
  metric: 'held' | 'new_recognitions' | 'released' | 'recognised_total';
  count: number;
  qualifier: CountQualifier;
  observedOn: string;
}

export interface ConcessionFacts {
  kind: 'sanctions_relief' | 'recognition' | 'call_or_visit' | 'prisoner_exchange' | 'money' | 'other';
  target: string | null;
  givenBy: string | null;
  announcedOn: string | null;
}

export interface FactsByKind {
  release_event: ReleaseEventFacts;
  sentence: SentenceFacts;
  arrest: ArrestFacts;
  count_observation: CountObservationFacts;
  concession: ConcessionFacts;
}

export type Extraction = {
  [K in ExtractionKind]: { kind: K; facts: FactsByKind[K]; evidence: Evidence; confidence: number };
}[ExtractionKind];
