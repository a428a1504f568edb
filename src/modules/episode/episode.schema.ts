import { z } from 'zod';
import { RELEASE_MODES } from '../../stats/facts.js';
import {
  countryCodeSchema,
  idSchema,
  optionalText,
  paginationSchema,
  partialDateSchema,
  recordMetaSchema,
  triStateSchema,
  visibilitySchema,
} from '../shared/common.schema.js';

export const PRE_TRIAL_MEASURES = ['custody', 'house_arrest', 'bail', 'recognizance', 'other'] as const;
export const SENTENCE_REGIMES = [
  'general',
  'strengthened',
  'strict',
  'special',
  'prison',
  'restricted_freedom',
  'home_arrest',
  'fine',
  'suspended',
  'other',
] as const;
/** Shared with src/stats, which counts releases by these modes. */
export { RELEASE_MODES } from '../../stats/facts.js';
export type { ReleaseMode } from '../../stats/facts.js';
export const EPISODE_STATUSES = ['pre_trial', 'sentenced', 'released'] as const;

export const chargeSchema = z.object({
  articleId: idSchema.describe('A legal article of the registry (see /api/v1/legal-articles)'),
  part: optionalText(20).describe('Part of the article, e.g. "2"'),
  note: optionalText(1000),
});

export const facilityStaySchema = z.object({
  facilityId: idSchema,
  from: partialDateSchema.nullable().optional(),
  to: partialDateSchema.nullable().optional(),
  note: optionalText(1000),
});

export const releaseSchema = z.object({
  releasedOn: partialDateSchema,
  mode: z.enum(RELEASE_MODES),
  batchId: idSchema.nullable().optional().describe('The release batch (deal) this release was part of'),
  destinationCountry: countryCodeSchema.nullable().optional(),
  forcedExile: triStateSchema,
  citizenshipStripped: triStateSchema,
  note: optionalText(2000),
});
export type ReleaseInput = z.output<typeof releaseSchema>;

const episodeFields = {
  detainedOn: partialDateSchema,
  place: optionalText(300),
  preTrialMeasure: z.enum(PRE_TRIAL_MEASURES).nullable().optional(),
  court: optionalText(300),
  verdictOn: partialDateSchema.nullable().optional(),
  sentenceMonths: z.number().int().min(0).max(1200).nullable().optional().describe('Term in months'),
  sentenceRegime: z.enum(SENTENCE_REGIMES).nullable().optional(),
  sentenceNote: optionalText(2000),
  charges: z.array(chargeSchema).max(50).default([]),
  facilityStays: z.array(facilityStaySchema).max(100).default([]),
  release: releaseSchema.nullable().optional(),
  visibility: visibilitySchema.default('public'),
};

export const createEpisodeSchema = z.object({ personId: idSchema, ...episodeFields }).strict();
export type CreateEpisode = z.output<typeof createEpisodeSchema>;

export const updateEpisodeSchema = z
  .object({
    detainedOn: partialDateSchema.optional(),
    place: episodeFields.place,
    preTrialMeasure: episodeFields.preTrialMeasure,
    court: episodeFields.court,
    verdictOn: episodeFields.verdictOn,
    sentenceMonths: episodeFields.sentenceMonths,
    sentenceRegime: episodeFields.sentenceRegime,
    sentenceNote: episodeFields.sentenceNote,
    charges: z.array(chargeSchema).max(50).optional(),
    facilityStays: z.array(facilityStaySchema).max(100).optional(),
    release: episodeFields.release,
    visibility: visibilitySchema.optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateEpisode = z.output<typeof updateEpisodeSchema>;

export const episodeRecordSchema = recordMetaSchema.extend({
  personId: z.string(),
  detainedOn: z.string(),
  place: z.string().nullable(),
  preTrialMeasure: z.enum(PRE_TRIAL_MEASURES).nullable(),
  court: z.string().nullable(),
  verdictOn: z.string().nullable(),
  sentenceMonths: z.number().int().nullable(),
  sentenceRegime: z.enum(SENTENCE_REGIMES).nullable(),
  sentenceNote: z.string().nullable(),
  charges: z.array(
    chargeSchema.extend({
      part: z.string().nullable(),
      note: z.string().nullable(),
      articleCode: z.string(),
      articleNumber: z.string(),
      articleTitleEn: z.string().nullable(),
    }),
  ),
  facilityStays: z.array(
    facilityStaySchema.extend({
      from: z.string().nullable(),
      to: z.string().nullable(),
      note: z.string().nullable(),
      facilityName: z.string(),
    }),
  ),
  release: releaseSchema
    .extend({
      batchId: z.string().nullable(),
      destinationCountry: z.string().nullable(),
      forcedExile: z.boolean().nullable(),
      citizenshipStripped: z.boolean().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  visibility: visibilitySchema,
  status: z.enum(EPISODE_STATUSES).describe('Derived: released, sentenced (has a verdict) or pre_trial'),
});
export type EpisodeRecord = z.infer<typeof episodeRecordSchema>;

export const episodeFilterSchema = paginationSchema.extend({
  personId: idSchema.optional(),
  status: z.enum(EPISODE_STATUSES).optional(),
  articleId: idSchema.optional(),
  facilityId: idSchema.optional(),
  batchId: idSchema.optional(),
  releaseMode: z.enum(RELEASE_MODES).optional(),
  detainedFrom: z.iso
    .date()
    .optional()
    .describe('Detained on or after this day (any reading of a partial date)'),
  detainedTo: z.iso
    .date()
    .optional()
    .describe('Detained on or before this day (any reading of a partial date)'),
});
export type EpisodeFilter = z.output<typeof episodeFilterSchema>;
