import { z } from 'zod';
import { isPartialDate } from '../../lib/partial-date.js';

/** Schemas shared by every module: the API, the CLI and imports validate through these. */

export const partialDateSchema = z
  .string()
  .refine(isPartialDate, {
    message: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021, 2021-08, 2021-08-14)',
  })
  .describe('Partial date: YYYY, YYYY-MM or YYYY-MM-DD; the precision is kept');

export const isoDaySchema = z.iso.date().describe('A full date YYYY-MM-DD');

export const idSchema = z.uuid({ message: 'must be an id (UUID)' });

export const VISIBILITIES = ['public', 'internal', 'confidential'] as const;
export const visibilitySchema = z
  .enum(VISIBILITIES)
  .describe('public: everyone; internal: editors only; confidential: named roles only');

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. LT')
  .describe('ISO 3166-1 alpha-2 country code');

export const nonEmptyText = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max);
export const optionalText = (max = 20000) => z.string().trim().max(max).nullable().optional();

/** Unknown is a real answer in this domain (was the person forced into exile? not reported). */
export const triStateSchema = z.boolean().nullable().optional();

export const paginationSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type Pagination = z.infer<typeof paginationSchema>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const recordMetaSchema = z.object({
  id: idSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

/** Query-string booleans arrive as text. */
export const queryBooleanSchema = z.enum(['true', 'false']).transform((value) => value === 'true');

export const versionSchema = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('The version you edited; a stale one is refused with 409');

type PatchShape<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K]> } & {
  version: typeof versionSchema;
};

/**
 * The PATCH schema of a create schema: every field optional and — unlike zod's .partial() —
 * without its default, so a change that does not mention `visibility` cannot silently reset a
 * confidential record to the default "public".
 */
export function patchSchemaOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<PatchShape<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    shape[key] = (field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : field).optional();
  }
  return z.object({ ...shape, version: versionSchema }).strict() as unknown as z.ZodObject<PatchShape<T>>;
}
