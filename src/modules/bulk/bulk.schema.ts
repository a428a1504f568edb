import { z } from 'zod';
import { createBatchSchema } from '../batch/batch.schema.js';
import { createConditionEventSchema } from '../condition-event/condition-event.schema.js';
import { createEpisodeSchema } from '../episode/episode.schema.js';
import { createFacilitySchema } from '../facility/facility.schema.js';
import { createLegalArticleSchema } from '../legal-article/legal-article.schema.js';
import { createPersonSchema } from '../person/person.schema.js';
import { createRecognitionSchema } from '../recognition/recognition.schema.js';
import { idSchema } from '../shared/common.schema.js';

/**
 * A registry to load in bulk: the same fields as the create schemas of each module, plus the ids the
 * loader assigns beforehand (so references inside the bundle need no round trip). A person carries
 * its episodes, condition events and recognitions.
 */
const withId = { id: idSchema };

export const registryEpisodeSchema = createEpisodeSchema.omit({ personId: true }).extend(withId);
export const registryPersonSchema = createPersonSchema.extend({
  ...withId,
  episodes: z.array(registryEpisodeSchema).max(100).default([]),
  conditionEvents: z.array(createConditionEventSchema.omit({ personId: true }).extend(withId)).default([]),
  recognitions: z.array(createRecognitionSchema.omit({ personId: true }).extend(withId)).default([]),
});
export type RegistryPerson = z.output<typeof registryPersonSchema>;

export const registryFixedSchema = z.object({
  articles: z.array(createLegalArticleSchema.extend(withId)),
  facilities: z.array(createFacilitySchema.extend(withId)),
  batches: z.array(createBatchSchema.extend(withId)),
});
export type RegistryBundle = z.output<typeof registryFixedSchema>;
