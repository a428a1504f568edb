import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/**
 * Table types as the application sees them (camelCase; the CamelCasePlugin maps them to the
 * snake_case columns of the migrations). Storage conventions shared by both dialects are recorded in
 * docs/decisions/0002-storage-conventions.md: ids are UUIDv7 text, timestamps ISO-8601 UTC text,
 * booleans integer 0/1 (null = unknown), partial dates canonical text with derived day bounds.
 */
type Flag = number;

interface Versioned {
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

interface Visible {
  visibility: Generated<string>;
}

export interface PersonTable extends Versioned, Visible {
  id: string;
  anonymous: Generated<Flag>;
  birthDate: string | null;
  gender: string | null;
  region: string | null;
  biography: string | null;
  internalNotes: string | null;
  contacts: string | null;
  /** The folded primary name (else the first entered): the key of lists sorted by name (0017). */
  sortName: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PersonNameTable {
  id: string;
  personId: string;
  text: string;
  /** Lower-case text without diacritics, for substring search that behaves alike on both dialects. */
  folded: string;
  script: string;
  language: string;
  system: string | null;
  isPrimary: Flag;
  position: number;
}

export interface PersonOccupationTable {
  personId: string;
  occupation: string;
  position: number;
}

export interface PersonTieTable {
  id: string;
  personId: string;
  kind: string;
  country: string;
  note: string | null;
  position: number;
}

export interface RecognitionTable extends Versioned, Visible {
  id: string;
  personId: string;
  organisation: string;
  recognisedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  afterRelease: Flag;
  note: string | null;
}

export interface LegalArticleTable extends Versioned {
  id: string;
  code: string;
  number: string;
  titleEn: string | null;
  titleBe: string | null;
  titleRu: string | null;
}

export interface FacilityTable extends Versioned, Visible {
  id: string;
  name: string;
  type: string;
  city: string | null;
  region: string | null;
  postalAddress: string | null;
  letterNotes: string | null;
}

export interface EpisodeTable extends Versioned, Visible {
  id: string;
  personId: string;
  detainedOn: string;
  detainedOnLo: string;
  detainedOnHi: string;
  place: string | null;
  preTrialMeasure: string | null;
  court: string | null;
  verdictOn: string | null;
  sentenceMonths: number | null;
  sentenceRegime: string | null;
  sentenceNote: string | null;
}

export interface EpisodeChargeTable {
  id: string;
  episodeId: string;
  articleId: string;
  part: string | null;
  note: string | null;
  position: number;
}

export interface FacilityStayTable {
  id: string;
  episodeId: string;
  facilityId: string;
  fromDate: string | null;
  toDate: string | null;
  note: string | null;
  position: number;
}

export interface ReleaseTable {
  id: string;
  episodeId: string;
  releasedOn: string;
  releasedOnLo: string;
  releasedOnHi: string;
  mode: string;
  batchId: string | null;
  destinationCountry: string | null;
  forcedExile: Flag | null;
  citizenshipStripped: Flag | null;
  note: string | null;
}

export interface ConditionEventTable extends Versioned, Visible {
  id: string;
  personId: string;
  episodeId: string | null;
  kind: string;
  startedOn: string | null;
  endedOn: string | null;
  description: string | null;
}

export interface CounterpartTable extends Versioned {
  id: string;
  name: string;
  kind: string;
  country: string | null;
}

export interface ReleaseBatchTable extends Versioned, Visible {
  id: string;
  releasedOn: string;
  announcedCount: number | null;
  title: string;
  destinationNote: string | null;
  forcedExile: Flag | null;
  description: string | null;
}

export interface BatchCounterpartTable {
  batchId: string;
  counterpartId: string;
  role: string;
}

export interface ConcessionTable {
  id: string;
  batchId: string;
  givenById: string | null;
  kind: string;
  target: string | null;
  description: string | null;
  announcedOn: string | null;
  position: number;
}

export interface CountObservationTable extends Versioned, Visible {
  id: string;
  organisation: string;
  metric: string;
  observedOn: string;
  count: number;
  qualifier: string;
  note: string | null;
  sourceId: string | null;
}

export interface SourceTable extends Versioned, Visible {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  retrievedOn: string | null;
  kind: string;
  text: string | null;
  sha256: string | null;
}

export interface CitationTable extends Versioned {
  id: string;
  sourceId: string;
  subjectType: string;
  subjectId: string;
  field: string | null;
  quote: string | null;
  note: string | null;
}

export interface NameKeyTable {
  personId: string;
  key: string;
  variant: string;
  system: string;
}

/** Persons per distinct name_keys key, kept by triggers on name_keys (migration 0016). */
export interface NameKeyCountTable {
  key: string;
  persons: number;
}

/**
 * The stock kept on write (migration 0018, triggers on episodes and releases): per day, the change in
 * persons certainly and possibly held, naive bounds and every person's correction summed.
 */
export interface StockDayDeltaTable {
  day: string;
  certain: number;
  possible: number;
}

/** One person's correction of the naive day sums (overlapping episodes, inverted spans). */
export interface StockCorrectionTable {
  personId: string;
  day: string;
  certain: number;
  possible: number;
}

/** Ranking data of a person's names (names/forms.ts encodes it), kept beside name_keys. */
export interface NameFormTable {
  personId: string;
  forms: string;
}

export interface PersonRedirectTable {
  oldId: string;
  personId: string;
  mergedAt: string;
}

export interface UserTable {
  id: string;
  email: string;
  displayName: string;
  role: string;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabled: Generated<Flag>;
  canPublish: Generated<Flag>;
  confidentialAccess: Generated<Flag>;
  disabled: Generated<Flag>;
  failedLogins: Generated<number>;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface SessionTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface RevisionTable {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  recordId: string;
  action: string;
  diff: string;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export interface RevisionHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DraftTable {
  id: string;
  kind: string;
  action: string;
  targetId: string | null;
  /** The validated input of the change, as JSON. */
  payload: string;
  summary: string;
  note: string | null;
  /** The strictest visibility the change touches: who may read the draft. */
  visibility: string;
  status: string;
  authorId: string;
  reviewerId: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  /** The record the published change created or changed. */
  resultId: string | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface ProposalTable extends Versioned {
  id: string;
  sourceId: string;
  kind: string;
  /** JSON text. */
  payload: string;
  /** JSON text. */
  evidence: string;
  confidencePct: number;
  status: Generated<string>;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  resultType: string | null;
  resultId: string | null;
}

export interface ImportTable {
  id: string;
  sha256: string;
  fileName: string;
  format: string;
  mappingName: string | null;
  /** The column mapping used, as JSON. */
  mapping: string | null;
  /** How many rows were created, updated, merged, unchanged, as JSON. */
  counts: string;
  actor: string;
  createdAt: string;
}

export interface ImportMappingTable {
  name: string;
  mapping: string;
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  persons: PersonTable;
  personNames: PersonNameTable;
  personOccupations: PersonOccupationTable;
  personTies: PersonTieTable;
  recognitions: RecognitionTable;
  legalArticles: LegalArticleTable;
  facilities: FacilityTable;
  episodes: EpisodeTable;
  episodeCharges: EpisodeChargeTable;
  facilityStays: FacilityStayTable;
  releases: ReleaseTable;
  conditionEvents: ConditionEventTable;
  counterparts: CounterpartTable;
  releaseBatches: ReleaseBatchTable;
  batchCounterparts: BatchCounterpartTable;
  concessions: ConcessionTable;
  countObservations: CountObservationTable;
  sources: SourceTable;
  citations: CitationTable;
  nameKeys: NameKeyTable;
  nameKeyCounts: NameKeyCountTable;
  stockDayDeltas: StockDayDeltaTable;
  stockCorrections: StockCorrectionTable;
  nameForms: NameFormTable;
  personRedirects: PersonRedirectTable;
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  revisions: RevisionTable;
  revisionHead: RevisionHeadTable;
  drafts: DraftTable;
  proposals: ProposalTable;
  imports: ImportTable;
  importMappings: ImportMappingTable;
}

/** A database handle or an open transaction: repositories take either, so they compose. */
export type Db = Kysely<Database> | Transaction<Database>;
