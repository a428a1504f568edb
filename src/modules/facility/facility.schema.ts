import { z } from 'zod';
import {
  nonEmptyText,
  optionalText,
  paginationSchema,
  recordMetaSchema,
  visibilitySchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

export const FACILITY_TYPES = [
  'colony',
  'prison',
  'pretrial_centre',
  'temporary_detention',
  'restricted_freedom_centre',
  'psychiatric',
  'other',
] as const;

export const createFacilitySchema = z
  .object({
    name: nonEmptyText(300),
    type: z.enum(FACILITY_TYPES),
    city: optionalText(200),
    region: optionalText(200),
    postalAddress: optionalText(1000).describe('Where supporters send letters'),
    letterNotes: optionalText(5000).describe('How to write: language, what is allowed'),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updateFacilitySchema = patchSchemaOf(createFacilitySchema);

export const facilityRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  type: z.enum(FACILITY_TYPES),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalAddress: z.string().nullable(),
  letterNotes: z.string().nullable(),
  visibility: visibilitySchema,
});
export type FacilityRecord = z.infer<typeof facilityRecordSchema>;

export const facilityFilterSchema = paginationSchema.extend({
  type: z.enum(FACILITY_TYPES).optional(),
  region: z.string().optional(),
  city: z.string().optional(),
});
