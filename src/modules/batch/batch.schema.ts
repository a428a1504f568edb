import { z } from 'zod';
import {
  idSchema,
  nonEmptyText,
  optionalText,
  paginationSchema,
  partialDateSchema,
  recordMetaSchema,
  triStateSchema,
  visibilitySchema,
} from '../shared/common.schema.js';

export const COUNTERPART_ROLES = ['counterpart', 'intermediary', 'receiving'] as const;
export const CONCESSION_KINDS = [
  'sanctions_relief',
  'recognition',
  'call_or_visit',
  'prisoner_exchange',
  'money',
  'other',
] as const;

export const batchCounterpartSchema = z.object({
  counterpartId: idSchema,
  role: z
    .enum(COUNTERPART_ROLES)
    .describe(
      'counterpart: the side that negotiated; intermediary: who carried it; receiving: where the freed went',
    ),
});

export const concessionSchema = z.object({
  kind: z.enum(CONCESSION_KINDS),
  target: optionalText(300).describe('What the concession was about, e.g. potash, Belavia'),
  givenById: idSchema.nullable().optional().describe('The counterpart that gave it'),
  description: optionalText(5000),
  announcedOn: partialDateSchema.nullable().optional(),
});

const batchFields = {
  releasedOn: partialDateSchema,
  announcedCount: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .nullable()
    .optional()
    .describe('How many were announced freed'),
  title: nonEmptyText(300),
  destinationNote: optionalText(2000),
  forcedExile: triStateSchema,
  description: optionalText(20000),
  counterparts: z.array(batchCounterpartSchema).max(50).default([]),
  concessions: z.array(concessionSchema).max(50).default([]),
  visibility: visibilitySchema.default('public'),
};

export const createBatchSchema = z.object(batchFields).strict();
export type CreateBatch = z.output<typeof createBatchSchema>;

export const updateBatchSchema = z
  .object({
    releasedOn: partialDateSchema.optional(),
    announcedCount: batchFields.announcedCount,
    title: nonEmptyText(300).optional(),
    destinationNote: batchFields.destinationNote,
    forcedExile: batchFields.forcedExile,
    description: batchFields.description,
    counterparts: z.array(batchCounterpartSchema).max(50).optional(),
    concessions: z.array(concessionSchema).max(50).optional(),
    visibility: visibilitySchema.optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateBatch = z.output<typeof updateBatchSchema>;

export const batchRecordSchema = recordMetaSchema.extend({
  releasedOn: z.string(),
  announcedCount: z.number().int().nullable(),
  title: z.string(),
  destinationNote: z.string().nullable(),
  forcedExile: z.boolean().nullable(),
  description: z.string().nullable(),
  counterparts: z.array(batchCounterpartSchema.extend({ name: z.string(), kind: z.string() })),
  concessions: z.array(
    concessionSchema.extend({
      target: z.string().nullable(),
      givenById: z.string().nullable(),
      description: z.string().nullable(),
      announcedOn: z.string().nullable(),
    }),
  ),
  visibility: visibilitySchema,
  identifiedCount: z.number().int().describe('Persons in the registry whose release is linked to this batch'),
});
export type BatchRecord = z.infer<typeof batchRecordSchema>;

export const batchFilterSchema = paginationSchema.extend({
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  counterpartId: idSchema.optional(),
  concessionKind: z.enum(CONCESSION_KINDS).optional(),
});
export type BatchFilter = z.output<typeof batchFilterSchema>;
