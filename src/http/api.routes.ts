import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.js';
import {
  batchFilterSchema,
  batchRecordSchema,
  createBatchSchema,
  updateBatchSchema,
} from '../modules/batch/batch.schema.js';
import {
  citationFilterSchema,
  citationRecordSchema,
  createCitationSchema,
  updateCitationSchema,
} from '../modules/citation/citation.schema.js';
import {
  conditionEventFilterSchema,
  conditionEventRecordSchema,
  createConditionEventSchema,
  updateConditionEventSchema,
} from '../modules/condition-event/condition-event.schema.js';
import {
  countObservationFilterSchema,
  countObservationRecordSchema,
  createCountObservationSchema,
  updateCountObservationSchema,
} from '../modules/count-observation/count-observation.schema.js';
import {
  counterpartFilterSchema,
  counterpartRecordSchema,
  createCounterpartSchema,
  updateCounterpartSchema,
} from '../modules/counterpart/counterpart.schema.js';
import {
  createEpisodeSchema,
  episodeFilterSchema,
  episodeRecordSchema,
  updateEpisodeSchema,
} from '../modules/episode/episode.schema.js';
import {
  createFacilitySchema,
  facilityFilterSchema,
  facilityRecordSchema,
  updateFacilitySchema,
} from '../modules/facility/facility.schema.js';
import {
  createLegalArticleSchema,
  legalArticleFilterSchema,
  legalArticleRecordSchema,
  updateLegalArticleSchema,
} from '../modules/legal-article/legal-article.schema.js';
import { registerPersonRoutes } from '../modules/person/person.routes.js';
import {
  createdPersonSchema,
  createPersonSchema,
  personFilterSchema,
  personRecordSchema,
  updatePersonSchema,
} from '../modules/person/person.schema.js';
import {
  createRecognitionSchema,
  recognitionFilterSchema,
  recognitionRecordSchema,
  updateRecognitionSchema,
} from '../modules/recognition/recognition.schema.js';
import {
  createSourceSchema,
  sourceFilterSchema,
  sourceRecordSchema,
  updateSourceSchema,
} from '../modules/source/source.schema.js';
import { registerStatsRoutes } from '../modules/stats/stats.routes.js';
import { registerResourceRoutes } from './resource.routes.js';

/** The JSON API, /api/v1: one line per resource; each module's schemas define its contract. */
export function registerApiRoutes(api: FastifyInstance, services: Services): void {
  const resource = <Args extends Parameters<typeof registerResourceRoutes>[1]>(definition: Args) =>
    registerResourceRoutes(api, definition);

  resource({
    path: 'persons',
    entity: 'person',
    schemas: {
      record: personRecordSchema,
      create: createPersonSchema,
      update: updatePersonSchema,
      filter: personFilterSchema,
      created: createdPersonSchema,
    },
    service: services.persons,
    resolveId: (id) => services.persons.resolveId(id),
  });
  registerPersonRoutes(api, services);
  registerStatsRoutes(api, services);
  resource({
    path: 'episodes',
    entity: 'detention episode',
    schemas: {
      record: episodeRecordSchema,
      create: createEpisodeSchema,
      update: updateEpisodeSchema,
      filter: episodeFilterSchema,
    },
    service: services.episodes,
  });
  resource({
    path: 'recognitions',
    entity: 'recognition',
    schemas: {
      record: recognitionRecordSchema,
      create: createRecognitionSchema,
      update: updateRecognitionSchema,
      filter: recognitionFilterSchema,
    },
    service: services.recognitions,
  });
  resource({
    path: 'legal-articles',
    entity: 'legal article',
    schemas: {
      record: legalArticleRecordSchema,
      create: createLegalArticleSchema,
      update: updateLegalArticleSchema,
      filter: legalArticleFilterSchema,
    },
    service: services.legalArticles,
  });
  resource({
    path: 'facilities',
    entity: 'facility',
    schemas: {
      record: facilityRecordSchema,
      create: createFacilitySchema,
      update: updateFacilitySchema,
      filter: facilityFilterSchema,
    },
    service: services.facilities,
  });
  resource({
    path: 'counterparts',
    entity: 'counterpart',
    schemas: {
      record: counterpartRecordSchema,
      create: createCounterpartSchema,
      update: updateCounterpartSchema,
      filter: counterpartFilterSchema,
    },
    service: services.counterparts,
  });
  resource({
    path: 'batches',
    entity: 'release batch',
    schemas: {
      record: batchRecordSchema,
      create: createBatchSchema,
      update: updateBatchSchema,
      filter: batchFilterSchema,
    },
    service: services.batches,
  });
  resource({
    path: 'condition-events',
    entity: 'condition event',
    schemas: {
      record: conditionEventRecordSchema,
      create: createConditionEventSchema,
      update: updateConditionEventSchema,
      filter: conditionEventFilterSchema,
    },
    service: services.conditionEvents,
  });
  resource({
    path: 'count-observations',
    entity: 'count observation',
    schemas: {
      record: countObservationRecordSchema,
      create: createCountObservationSchema,
      update: updateCountObservationSchema,
      filter: countObservationFilterSchema,
    },
    service: services.countObservations,
  });
  resource({
    path: 'sources',
    entity: 'source',
    schemas: {
      record: sourceRecordSchema,
      create: createSourceSchema,
      update: updateSourceSchema,
      filter: sourceFilterSchema,
    },
    service: services.sources,
  });
  resource({
    path: 'citations',
    entity: 'citation',
    schemas: {
      record: citationRecordSchema,
      create: createCitationSchema,
      update: updateCitationSchema,
      filter: citationFilterSchema,
    },
    service: services.citations,
  });
}
