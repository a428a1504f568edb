import { z } from 'zod';
import { createBatchSchema, concessionSchema, batchCounterpartSchema } from '../batch/batch.schema.js';
import { createConditionEventSchema } from '../condition-event/condition-event.schema.js';
import { createCountObservationSchema } from '../count-observation/count-observation.schema.js';
import { createCounterpartSchema } from '../counterpart/counterpart.schema.js';
import {
  chargeSchema,
  createEpisodeSchema,
  facilityStaySchema,
  releaseSchema,
} from '../episode/episode.schema.js';
import { createFacilitySchema } from '../facility/facility.schema.js';
import { createLegalArticleSchema } from '../legal-article/legal-article.schema.js';
import { createPersonSchema } from '../person/person.schema.js';
import { createRecognitionSchema } from '../recognition/recognition.schema.js';
import { createSourceSchema } from '../source/source.schema.js';

/**
 * The demo dataset file: the module schemas, with references written as readable keys instead of
 * ids ("article": "BY-CC 342", "batch": "2025-12-13") and a list of source keys on every record.
 */
const key = z.string().min(1).max(100);
const sources = z.array(key).min(1, 'every record of the demo dataset needs a source');

export const demoDatasetSchema = z
  .object({
    format: z.literal('unfree-demo'),
    version: z.literal(1),
    sources: z.array(createSourceSchema.extend({ key })),
    legalArticles: z.array(createLegalArticleSchema.extend({ sources })),
    facilities: z.array(createFacilitySchema.extend({ key, sources })),
    counterparts: z.array(createCounterpartSchema.extend({ key })),
    batches: z.array(
      createBatchSchema
        .omit({ counterparts: true, concessions: true })
        .extend({
          key,
          counterparts: z
            .array(batchCounterpartSchema.omit({ counterpartId: true }).extend({ counterpart: key }))
            .default([]),
          concessions: z
            .array(
              concessionSchema
                .omit({ givenById: true })
                .extend({ givenBy: key.nullable().optional(), sources: sources.optional() }),
            )
            .default([]),
          sources,
        })
        .strict(),
    ),
    persons: z.array(
      createPersonSchema
        .extend({
          key,
          recognitions: z
            .array(createRecognitionSchema.omit({ personId: true }).extend({ sources }))
            .default([]),
          episodes: z
            .array(
              createEpisodeSchema
                .omit({ personId: true, charges: true, facilityStays: true, release: true })
                .extend({
                  charges: z
                    .array(chargeSchema.omit({ articleId: true }).extend({ article: key }))
                    .default([]),
                  facilityStays: z
                    .array(facilityStaySchema.omit({ facilityId: true }).extend({ facility: key }))
                    .default([]),
                  release: releaseSchema
                    .omit({ batchId: true })
                    .extend({ batch: key.nullable().optional() })
                    .nullable()
                    .optional(),
                  sources,
                })
                .strict(),
            )
            .default([]),
          conditionEvents: z
            .array(createConditionEventSchema.omit({ personId: true, episodeId: true }).extend({ sources }))
            .default([]),
          sources,
        })
        .strict(),
    ),
    countObservations: z.array(createCountObservationSchema.omit({ sourceId: true }).extend({ source: key })),
  })
  .strict();

export type DemoDataset = z.output<typeof demoDatasetSchema>;
