import { z } from 'zod';
import { countryCodeSchema } from '../shared/common.schema.js';

export const GRANULARITIES = ['day', 'week', 'month', 'year'] as const;

const day = z.iso.date();

/** A window of days; `to` defaults to today and `from` to ten years before it. */
export const windowQuerySchema = z.object({
  from: day.optional().describe('First day, YYYY-MM-DD'),
  to: day.optional().describe('Last day, YYYY-MM-DD (default: today)'),
});

export const seriesQuerySchema = windowQuerySchema.extend({
  step: z.enum(GRANULARITIES).default('month'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const stockQuerySchema = z.object({ date: day.optional().describe('Default: today') });

export const dossierParamsSchema = z.object({ country: countryCodeSchema });
export const dossierQuerySchema = z.object({ date: day.optional() });

/**
 * Statistics are plain JSON documents computed by src/stats; their shapes are the TypeScript types
 * there. Every count is a range {min, max}: min holds for every reading of partial dates, max for one.
 */
export const statsDocumentSchema = z
  .unknown()
  .describe('A statistics document; its shape is the TypeScript type in src/stats');
