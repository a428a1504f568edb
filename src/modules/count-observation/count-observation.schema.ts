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

export const COUNT_METRICS = ['held', 'new_recognitions', 'released', 'recognised_total'] as const;
export const COUNT_QUALIFIERS = [
  'exact',
  'approximate',
  'at_least',
  'more_than',
  'fewer_than',
  'almost',
] as const;

export const createCountObservationSchema = z
  .object({
    organisation: nonEmptyText(200).describe('Who published the figure (Viasna, a minister…)'),
    metric: z
      .enum(COUNT_METRICS)
      .describe(
        'held: stock on the date; new_recognitions / released: flow in the period; recognised_total: cumulative',
      ),
    observedOn: partialDateSchema.describe('"As of" date; a month (2025-11) for monthly flows'),
    count: z.number().int().min(0).max(10_000_000),
    qualifier: z
      .enum(COUNT_QUALIFIERS)
      .default('exact')
      .describe('"almost 1,200" is almost; "over 1,100" is more_than'),
    note: optionalText(2000),
    sourceId: idSchema.nullable().optional(),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updateCountObservationSchema = patchSchemaOf(createCountObservationSchema);

export const countObservationRecordSchema = recordMetaSchema.extend({
  organisation: z.string(),
  metric: z.enum(COUNT_METRICS),
  observedOn: z.string(),
  count: z.number().int(),
  qualifier: z.enum(COUNT_QUALIFIERS),
  note: z.string().nullable(),
  sourceId: z.string().nullable(),
  visibility: visibilitySchema,
});
export type CountObservationRecord = z.infer<typeof countObservationRecordSchema>;

export const countObservationFilterSchema = paginationSchema.extend({
  organisation: z.string().optional(),
  metric: z.enum(COUNT_METRICS).optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
});
