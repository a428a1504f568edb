import { z } from 'zod';
import {
  nonEmptyText,
  optionalText,
  paginationSchema,
  recordMetaSchema,
  patchSchemaOf,
} from '../shared/common.schema.js';

export const createLegalArticleSchema = z
  .object({
    code: z
      .string()
      .regex(
        /^[A-Z]{2}-[A-Z]{2,10}$/,
        'must look like BY-CC (country, then the code: CC criminal, AC administrative)',
      )
      .describe('Which code: BY-CC is the Criminal Code of Belarus'),
    number: nonEmptyText(20).regex(/^\d+(?:[-.]\d+)*$/, 'must be an article number such as 342 or 361-1'),
    titleEn: optionalText(500),
    titleBe: optionalText(500),
    titleRu: optionalText(500),
  })
  .strict();

export const updateLegalArticleSchema = patchSchemaOf(createLegalArticleSchema);

export const legalArticleRecordSchema = recordMetaSchema.extend({
  code: z.string(),
  number: z.string(),
  titleEn: z.string().nullable(),
  titleBe: z.string().nullable(),
  titleRu: z.string().nullable(),
});
export type LegalArticleRecord = z.infer<typeof legalArticleRecordSchema>;

export const legalArticleFilterSchema = paginationSchema.extend({
  code: z.string().optional(),
  number: z.string().optional(),
});
