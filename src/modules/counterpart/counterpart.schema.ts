import { z } from 'zod';
import {
  countryCodeSchema,
  nonEmptyText,
  paginationSchema,
  recordMetaSchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

export const COUNTERPART_KINDS = ['state', 'organisation', 'person'] as const;

export const createCounterpartSchema = z
  .object({
    name: nonEmptyText(300),
    kind: z.enum(COUNTERPART_KINDS),
    country: countryCodeSchema.nullable().optional(),
  })
  .strict();

export const updateCounterpartSchema = patchSchemaOf(createCounterpartSchema);

export const counterpartRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  kind: z.enum(COUNTERPART_KINDS),
  country: z.string().nullable(),
});
export type CounterpartRecord = z.infer<typeof counterpartRecordSchema>;

export const counterpartFilterSchema = paginationSchema.extend({
  kind: z.enum(COUNTERPART_KINDS).optional(),
  country: countryCodeSchema.optional(),
});
