import { z } from 'zod';
import {
  idSchema,
  optionalText,
  paginationSchema,
  partialDateSchema,
  recordMetaSchema,
  visibilitySchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

export const CONDITION_KINDS = [
  'shizo',
  'pkt',
  'incommunicado',
  'hunger_strike',
  'health_alert',
  'torture_report',
  'new_case',
  'extremist_label',
  'transfer',
  'other',
] as const;

export const createConditionEventSchema = z
  .object({
    personId: idSchema,
    episodeId: idSchema.nullable().optional(),
    kind: z
      .enum(CONDITION_KINDS)
      .describe('shizo: punishment cell; pkt: cell-type premises; new_case: a new criminal case in custody'),
    startedOn: partialDateSchema.nullable().optional(),
    endedOn: partialDateSchema.nullable().optional(),
    description: optionalText(5000),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updateConditionEventSchema = patchSchemaOf(createConditionEventSchema.omit({ personId: true }));

export const conditionEventRecordSchema = recordMetaSchema.extend({
  personId: z.string(),
  episodeId: z.string().nullable(),
  kind: z.enum(CONDITION_KINDS),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  description: z.string().nullable(),
  visibility: visibilitySchema,
});
export type ConditionEventRecord = z.infer<typeof conditionEventRecordSchema>;

export const conditionEventFilterSchema = paginationSchema.extend({
  personId: idSchema.optional(),
  episodeId: idSchema.optional(),
  kind: z.enum(CONDITION_KINDS).optional(),
});
