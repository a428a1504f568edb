import type { FastifyInstance } from 'fastify';
import type { ServicesFor } from '../app.js';
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
import { registerHistoryRoutes } from '../modules/history/history.routes.js';
import { type ResourceDefinition, registerResourceRoutes } from './resource.routes.js';
import { registerDraftRoutes } from '../modules/draft/draft.routes.js';
import { registerProposalRoutes } from '../modules/proposal/proposal.routes.js';

/** The JSON API, /api/v1: one line per resource; each module's schemas define its contract. */
export function registerApiRoutes(api: FastifyInstance, servicesFor: ServicesFor): void {
  const submitDraft: ResourceDefinition<never, never, never, never>['submitDraft'] = (viewer, change) =>
    servicesFor(viewer).drafts.submit(change);
  const resource = <Args extends Parameters<typeof registerResourceRoutes>[1]>(
    definition: Omit<Args, 'submitDraft'>,
  ) => registerResourceRoutes(api, { ...definition, submitDraft });

  resource({
    path: 'persons',
    kind: 'person',
    entity: 'person',
    schemas: {
      record: personRecordSchema,
      create: createPersonSchema,
      update: updatePersonSchema,
      filter: personFilterSchema,
      created: createdPersonSchema,
    },
    service: (viewer) => servicesFor(viewer).persons,
    resolveId: (viewer, id) => servicesFor(viewer).persons.resolveId(id),
  });
  registerPersonRoutes(api, servicesFor);
  registerStatsRoutes(api, servicesFor);
  registerHistoryRoutes(api, servicesFor);
  registerDraftRoutes(api, servicesFor);
  registerProposalRoutes(api, servicesFor);
  resource({
    path: 'episodes',
    kind: 'episode',
    entity: 'detention episode',
    schemas: {
      record: episodeRecordSchema,
      create: createEpisodeSchema,
      update: updateEpisodeSchema,
      filter: episodeFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).episodes,
  });
  resource({
    path: 'recognitions',
    kind: 'recognition',
    entity: 'recognition',
    schemas: {
      record: recognitionRecordSchema,
      create: createRecognitionSchema,
      update: updateRecognitionSchema,
      filter: recognitionFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).recognitions,
  });
  resource({
    path: 'legal-articles',
    kind: 'legal_article',
    entity: 'legal article',
    schemas: {
      record: legalArticleRecordSchema,
      create: createLegalArticleSchema,
      update: updateLegalArticleSchema,
      filter: legalArticleFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).legalArticles,
  });
  resource({
    path: 'facilities',
    kind: 'facility',
    entity: 'facility',
    schemas: {
      record: facilityRecordSchema,
      create: createFacilitySchema,
      update: updateFacilitySchema,
      filter: facilityFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).facilities,
  });
  resource({
    path: 'counterparts',
    kind: 'counterpart',
    entity: 'counterpart',
    schemas: {
      record: counterpartRecordSchema,
      create: createCounterpartSchema,
      update: updateCounterpartSchema,
      filter: counterpartFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).counterparts,
  });
  resource({
    path: 'batches',
    kind: 'batch',
    entity: 'release batch',
    schemas: {
      record: batchRecordSchema,
      create: createBatchSchema,
      update: updateBatchSchema,
      filter: batchFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).batches,
  });
  resource({
    path: 'condition-events',
    kind: 'condition_event',
    entity: 'condition event',
    schemas: {
      record: conditionEventRecordSchema,
      create: createConditionEventSchema,
      update: updateConditionEventSchema,
      filter: conditionEventFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).conditionEvents,
  });
  resource({
    path: 'count-observations',
    kind: 'count_observation',
    entity: 'count observation',
    schemas: {
      record: countObservationRecordSchema,
      create: createCountObservationSchema,
      update: updateCountObservationSchema,
      filter: countObservationFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).countObservations,
  });
  resource({
    path: 'sources',
    kind: 'source',
    entity: 'source',
    schemas: {
      record: sourceRecordSchema,
      create: createSourceSchema,
      update: updateSourceSchema,
      filter: sourceFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).sources,
  });
  resource({
    path: 'citations',
    kind: 'citation',
    entity: 'citation',
    schemas: {
      record: citationRecordSchema,
      create: createCitationSchema,
      update: updateCitationSchema,
      filter: citationFilterSchema,
    },
    service: (viewer) => servicesFor(viewer).citations,
  });
}
