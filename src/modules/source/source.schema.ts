import { z } from 'zod';
import {
  isoDaySchema,
  nonEmptyText,
  optionalText,
  paginationSchema,
  partialDateSchema,
  recordMetaSchema,
  visibilitySchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

export const SOURCE_KINDS = [
  'article',
  'statement',
  'report',
  'court_record',
  'testimony',
  'dataset',
  'other',
] as const;

export const createSourceSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .nullable()
      .optional(),
    title: nonEmptyText(1000),
    publisher: optionalText(300),
    publishedOn: partialDateSchema.nullable().optional(),
    retrievedOn: isoDaySchema.nullable().optional(),
    kind: z.enum(SOURCE_KINDS).default('article'),
    text: optionalText(5_000_000).describe('The stored copy; its SHA-256 is computed on save'),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updateSourceSchema = patchSchemaOf(createSourceSchema);

export const sourceRecordSchema = recordMetaSchema.extend({
  url: z.string().nullable(),
  title: z.string(),
  publisher: z.string().nullable(),
  publishedOn: z.string().nullable(),
  retrievedOn: z.string().nullable(),
  kind: z.enum(SOURCE_KINDS),
  text: z.string().nullable(),
  sha256: z.string().nullable().describe('SHA-256 of the stored text, so the evidence can be verified'),
  visibility: visibilitySchema,
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

export const sourceFilterSchema = paginationSchema.extend({
  publisher: z.string().optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
  url: z.string().optional(),
});
