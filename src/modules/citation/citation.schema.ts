import { z } from 'zod';
import {
  idSchema,
  optionalText,
  paginationSchema,
  recordMetaSchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

/** The kinds of record a citation can support, each with the table it lives in. */
export const CITABLE_TABLES = {
  person: 'persons',
  recognition: 'recognitions',
  episode: 'episodes',
  facility: 'facilities',
  condition_event: 'conditionEvents',
  batch: 'releaseBatches',
  count_observation: 'countObservations',
  legal_article: 'legalArticles',
  counterpart: 'counterparts',
} as const;
export const CITABLE_TYPES = Object.keys(CITABLE_TABLES) as [
  keyof typeof CITABLE_TABLES,
  ...(keyof typeof CITABLE_TABLES)[],
];
export type CitableType = keyof typeof CITABLE_TABLES;

export const createCitationSchema = z
  .object({
    sourceId: idSchema,
    subjectType: z.enum(CITABLE_TYPES),
    subjectId: idSchema,
    field: optionalText(100).describe(
      'The field the source supports, e.g. "detainedOn"; empty for the whole record',
    ),
    quote: optionalText(2000),
    note: optionalText(2000),
  })
  .strict();

export const updateCitationSchema = patchSchemaOf(
  createCitationSchema.pick({ field: true, quote: true, note: true }),
);

export const citationRecordSchema = recordMetaSchema.extend({
  sourceId: z.string(),
  subjectType: z.enum(CITABLE_TYPES),
  subjectId: z.string(),
  field: z.string().nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
});
export type CitationRecord = z.infer<typeof citationRecordSchema>;

export const citationFilterSchema = paginationSchema.extend({
  sourceId: idSchema.optional(),
  subjectType: z.enum(CITABLE_TYPES).optional(),
  subjectId: idSchema.optional(),
});
