import { z } from 'zod';
import {
  idSchema,
  nonEmptyText,
  optionalText,
  paginationSchema,
  partialDateSchema,
  recordMetaSchema,
  visibilitySchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

export const RECOGNITION_END_REASONS = ['released', 'withdrawn', 'died', 'other'] as const;

export const createRecognitionSchema = z
  .object({
    personId: idSchema,
    organisation: nonEmptyText(200).describe(
      'Who recognised the person as a political prisoner, e.g. Viasna',
    ),
    recognisedOn: partialDateSchema.nullable().optional(),
    endedOn: partialDateSchema.nullable().optional(),
    endReason: z.enum(RECOGNITION_END_REASONS).nullable().optional(),
    afterRelease: z
      .boolean()
      .default(false)
      .describe('Recognised only after release ("rehabilitation" in Viasna’s monthly reviews)'),
    note: optionalText(2000),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updateRecognitionSchema = patchSchemaOf(createRecognitionSchema.omit({ personId: true }));

export const recognitionRecordSchema = recordMetaSchema.extend({
  personId: z.string(),
  organisation: z.string(),
  recognisedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(RECOGNITION_END_REASONS).nullable(),
  afterRelease: z.boolean(),
  note: z.string().nullable(),
  visibility: visibilitySchema,
});
export type RecognitionRecord = z.infer<typeof recognitionRecordSchema>;

export const recognitionFilterSchema = paginationSchema.extend({
  personId: idSchema.optional(),
  organisation: z.string().optional(),
});
