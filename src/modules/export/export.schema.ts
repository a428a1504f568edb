import { z } from 'zod';
import { isPartialDate } from '../../lib/partial-date.js';
import { ROMANIZATION_SYSTEMS } from '../../names/systems.js';
import { CONCESSION_KINDS, COUNTERPART_ROLES } from '../batch/batch.schema.js';
import { COUNT_METRICS, COUNT_QUALIFIERS } from '../count-observation/count-observation.schema.js';
import { COUNTERPART_KINDS } from '../counterpart/counterpart.schema.js';
import { PRE_TRIAL_MEASURES, RELEASE_MODES, SENTENCE_REGIMES } from '../episode/episode.schema.js';
import { FACILITY_TYPES } from '../facility/facility.schema.js';
import { GENDERS, SCRIPTS, TIE_KINDS } from '../person/person.schema.js';
import { RECOGNITION_END_REASONS } from '../recognition/recognition.schema.js';
import { SOURCE_KINDS } from '../source/source.schema.js';

/**
 * The open-data format, version 1: an allow-list of the PUBLIC facts of the registry. Every field
 * is named here; a column added to a table leaves through the export only once it is added here
 * (and the version is raised when a consumer would notice). Bookkeeping (createdAt, version) and
 * derived figures (status, days in custody) are left out: they are not facts, and leaving them out
 * is what makes export → import → export identical. docs/export/unfree-export-v1.schema.json is
 * generated from this schema (a test keeps the two equal).
 */
export const EXPORT_FORMAT = 'unfree-export';
export const EXPORT_VERSION = 1;

const id = z.uuid();
const text = z.string();
const maybeText = z.string().nullable();
const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
  .refine(isPartialDate, 'must be a real date YYYY, YYYY-MM or YYYY-MM-DD');
const maybeDate = partialDate.nullable();
const maybeFlag = z.boolean().nullable();
const country = z.string().regex(/^[A-Z]{2}$/);

export const exportLegalArticleSchema = z
  .object({ id, code: text, number: text, titleEn: maybeText, titleBe: maybeText, titleRu: maybeText })
  .strict();

export const exportFacilitySchema = z
  .object({
    id,
    name: text,
    type: z.enum(FACILITY_TYPES),
    city: maybeText,
    region: maybeText,
    postalAddress: maybeText,
    letterNotes: maybeText,
  })
  .strict();

export const exportCounterpartSchema = z
  .object({ id, name: text, kind: z.enum(COUNTERPART_KINDS), country: country.nullable() })
  .strict();

export const exportSourceSchema = z
  .object({
    id,
    url: maybeText,
    title: text,
    publisher: maybeText,
    publishedOn: maybeDate,
    retrievedOn: maybeDate,
    kind: z.enum(SOURCE_KINDS),
    text: maybeText.describe('The stored copy of a public source'),
    sha256: maybeText.describe('SHA-256 of the stored copy'),
  })
  .strict();

export const exportPersonSchema = z
  .object({
    id,
    names: z
      .array(
        z
          .object({
            text,
            script: z.enum(SCRIPTS),
            language: text,
            system: z.enum(ROMANIZATION_SYSTEMS).nullable(),
            isPrimary: z.boolean(),
          })
          .strict(),
      )
      .min(1),
    birthDate: maybeDate,
    gender: z.enum(GENDERS).nullable(),
    region: maybeText,
    occupations: z.array(text),
    ties: z.array(z.object({ kind: z.enum(TIE_KINDS), country, note: maybeText }).strict()),
    biography: maybeText,
  })
  .strict();

export const exportRecognitionSchema = z
  .object({
    id,
    personId: id,
    organisation: text,
    recognisedOn: maybeDate,
    endedOn: maybeDate,
    endReason: z.enum(RECOGNITION_END_REASONS).nullable(),
    afterRelease: z.boolean(),
    note: maybeText,
  })
  .strict();

export const exportBatchSchema = z
  .object({
    id,
    releasedOn: partialDate,
    announcedCount: z.number().int().nullable(),
    title: text,
    destinationNote: maybeText,
    forcedExile: maybeFlag,
    description: maybeText,
    counterparts: z.array(z.object({ counterpartId: id, role: z.enum(COUNTERPART_ROLES) }).strict()),
    concessions: z.array(
      z
        .object({
          kind: z.enum(CONCESSION_KINDS),
          target: maybeText,
          givenById: id.nullable(),
          description: maybeText,
          announcedOn: maybeDate,
        })
        .strict(),
    ),
  })
  .strict();

export const exportReleaseSchema = z
  .object({
    releasedOn: partialDate,
    mode: z.enum(RELEASE_MODES),
    batchId: id.nullable(),
    destinationCountry: country.nullable(),
    forcedExile: maybeFlag,
    citizenshipStripped: maybeFlag,
    note: maybeText,
  })
  .strict();

export const exportEpisodeSchema = z
  .object({
    id,
    personId: id,
    detainedOn: partialDate,
    place: maybeText,
    preTrialMeasure: z.enum(PRE_TRIAL_MEASURES).nullable(),
    court: maybeText,
    verdictOn: maybeDate,
    sentenceMonths: z.number().int().nullable(),
    sentenceRegime: z.enum(SENTENCE_REGIMES).nullable(),
    sentenceNote: maybeText,
    charges: z.array(z.object({ articleId: id, part: maybeText, note: maybeText }).strict()),
    facilityStays: z.array(
      z.object({ facilityId: id, from: maybeDate, to: maybeDate, note: maybeText }).strict(),
    ),
    release: exportReleaseSchema.nullable(),
  })
  .strict();

export const exportCountObservationSchema = z
  .object({
    id,
    organisation: text,
    metric: z.enum(COUNT_METRICS),
    observedOn: partialDate,
    count: z.number().int(),
    qualifier: z.enum(COUNT_QUALIFIERS),
    note: maybeText,
    sourceId: id.nullable(),
  })
  .strict();

export const exportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    generatedAt: z.iso.datetime(),
    licence: text,
    legalArticles: z.array(exportLegalArticleSchema),
    facilities: z.array(exportFacilitySchema),
    counterparts: z.array(exportCounterpartSchema),
    sources: z.array(exportSourceSchema),
    persons: z.array(exportPersonSchema),
    recognitions: z.array(exportRecognitionSchema),
    batches: z.array(exportBatchSchema),
    episodes: z.array(exportEpisodeSchema),
    countObservations: z.array(exportCountObservationSchema),
  })
  .strict();

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
export type ExportPerson = z.infer<typeof exportPersonSchema>;
export type ExportEpisode = z.infer<typeof exportEpisodeSchema>;
export type ExportBatch = z.infer<typeof exportBatchSchema>;

/** The record collections of an export, in the order an import must create them (references first). */
export const EXPORT_COLLECTIONS = [
  'legalArticles',
  'facilities',
  'counterparts',
  'sources',
  'persons',
  'recognitions',
  'batches',
  'episodes',
  'countObservations',
] as const satisfies readonly (keyof ExportDocument)[];
export type ExportCollection = (typeof EXPORT_COLLECTIONS)[number];

/** The JSON Schema document of the format, as published in docs/export/. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    title: 'unfree export, version 1',
    ...(z.toJSONSchema(exportDocumentSchema, { target: 'draft-2020-12', io: 'output' }) as Record<
      string,
      unknown
    >),
  };
}
