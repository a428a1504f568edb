import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { registerPublicOutputCache } from './http/api-cache.js';
import { createPageCache } from './http/page-cache.js';
import { registerApiRoutes } from './http/api.routes.js';
import { registerAuth } from './http/auth.js';
import { registerEditRoutes } from './http/edit.routes.js';
import { registerErrorHandling } from './http/errors.js';
import { registerSecurityHeaders } from './http/security.js';
import { registerSiteRoutes, sendNotFoundPage } from './http/site.routes.js';
import { createBatchService } from './modules/batch/batch.service.js';
import { createBulkService } from './modules/bulk/bulk.service.js';
import { createCitationService } from './modules/citation/citation.service.js';
import { createConditionEventService } from './modules/condition-event/condition-event.service.js';
import { createCountObservationService } from './modules/count-observation/count-observation.service.js';
import { createCounterpartService } from './modules/counterpart/counterpart.service.js';
import type { DraftTargets } from './modules/draft/draft.kinds.js';
import { createDraftService } from './modules/draft/draft.service.js';
import { createEpisodeService } from './modules/episode/episode.service.js';
import { createFacilityService } from './modules/facility/facility.service.js';
import { registerEmbedRoutes } from './modules/embed/embed.routes.js';
import { registerDataRoutes } from './modules/export/export.routes.js';
import { createExportService } from './modules/export/export.service.js';
import { createFeedService } from './modules/feed/feed.service.js';
import { registerFeedRoutes } from './modules/feed/feed.routes.js';
import { registerImportRoutes } from './modules/import/import.routes.js';
import { createHistoryService } from './modules/history/history.service.js';
import { createImportService } from './modules/import/import.service.js';
import { createLegalArticleService } from './modules/legal-article/legal-article.service.js';
import { createPersonService } from './modules/person/person.service.js';
import { createProposalService } from './modules/proposal/proposal.service.js';
import type { RegistryServices } from './modules/proposal/registry-services.js';
import { createRecognitionService } from './modules/recognition/recognition.service.js';
import { type Clock, systemClock } from './modules/shared/clock.js';
import { createSourceService } from './modules/source/source.service.js';
import { createStatsService } from './modules/stats/stats.service.js';
import { PUBLIC_VIEWER, SYSTEM_VIEWER, type Viewer } from './modules/user/access.js';
import { createUserService } from './modules/user/user.service.js';

/**
 * Composition root: every service is built here from explicit dependencies. Pass a transaction as
 * `db` to get services whose every call joins that transaction (imports, the demo seed).
 */
export interface ServiceOptions {
  /** Roles that must sign in with two-factor authentication (config.requireTotpFor). */
  requireTotpFor?: readonly string[];
  /**
   * Whose eyes every read is for. Trusted code paths (CLI, seed, imports) read everything; the
   * HTTP layer always builds services for the request's viewer (see servicesFor in buildApp).
   */
  viewer?: Viewer;
  /** Largest file an import accepts (config.importMaxBytes). */
  importMaxBytes?: number;
}

/** The services of the registry's records; imports and exports are built on top of these. */
export function buildRecordServices(db: Db, clock: Clock = systemClock, options: ServiceOptions = {}) {
  const deps = { db, clock, viewer: options.viewer ?? SYSTEM_VIEWER };
  return {
    users: createUserService({ ...deps, requireTotpFor: options.requireTotpFor ?? ['admin'] }),
    persons: createPersonService(deps),
    episodes: createEpisodeService(deps),
    recognitions: createRecognitionService(deps),
    legalArticles: createLegalArticleService(deps),
    facilities: createFacilityService(deps),
    counterparts: createCounterpartService(deps),
    batches: createBatchService(deps),
    conditionEvents: createConditionEventService(deps),
    countObservations: createCountObservationService(deps),
    sources: createSourceService(deps),
    citations: createCitationService(deps),
    stats: createStatsService(deps),
    history: createHistoryService(deps),
    drafts: createDraftService({
      ...deps,
      servicesOn: (on: Db): DraftTargets => ({
        ...buildRecordServices(on, clock, options),
        imports: importServiceOn(on, clock, options),
      }),
    }),
    proposals: createProposalService({
      ...deps,
      servicesOn: (other: Db): RegistryServices => buildRecordServices(other, clock, options),
    }),
  };
}
export type RecordServices = ReturnType<typeof buildRecordServices>;

/** Imports run through the record services of the same viewer, on the import's transaction. */
function importServiceOn(db: Db, clock: Clock, options: ServiceOptions) {
  return createImportService({
    db,
    clock,
    viewer: options.viewer ?? SYSTEM_VIEWER,
    maxBytes: options.importMaxBytes ?? 20 * 1024 * 1024,
    servicesOn: (trx) => buildRecordServices(trx, clock, options),
  });
}

export function buildServices(db: Db, clock: Clock = systemClock, options: ServiceOptions = {}) {
  const deps = { db, clock, viewer: options.viewer ?? SYSTEM_VIEWER };
  return {
    ...buildRecordServices(db, clock, options),
    imports: importServiceOn(db, clock, options),
    exports: createExportService({
      db,
      clock,
      publicServicesOn: (trx) => buildRecordServices(trx, clock, { viewer: PUBLIC_VIEWER }),
    }),
    feeds: createFeedService({
      clock,
      publicServices: () => buildRecordServices(db, clock, { viewer: PUBLIC_VIEWER }),
    }),
    bulk: createBulkService(deps),
  };
}
export type Services = ReturnType<typeof buildServices>;

export type ServicesFor = (viewer: Viewer) => Services;

export interface AppOptions {
  config: Config;
  /** Services that read with a viewer's eyes: the HTTP layer builds them per request. */
  servicesFor: ServicesFor;
  /** Where the data lives (for logs and diagnostics). */
  databaseLabel: string;
}

export async function buildApp(given: AppOptions): Promise<FastifyInstance> {
  // Services hold no state of their own, so the public's are built once rather than per request.
  const publicServices = given.servicesFor(PUBLIC_VIEWER);
  const options: AppOptions = {
    ...given,
    servicesFor: (viewer) => (viewer === PUBLIC_VIEWER ? publicServices : given.servicesFor(viewer)),
  };
  const app = Fastify({
    logger: options.config.logLevel === 'silent' ? false : { level: options.config.logLevel },
    // JSON bodies are small; file imports will get their own limit on their own route.
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, { pageNotFound: sendNotFoundPage });
  registerSecurityHeaders(app);
  await registerAuth(app, { services: options.servicesFor(SYSTEM_VIEWER), config: options.config });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'unfree API',
        description: 'An open registry of political prisoners, their cases, and the deals that free them.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const cache = createPageCache(options.config.pageCacheMiB * 1024 * 1024, () =>
    publicServices.history.dataVersion(),
  );
  await app.register(
    (api) => {
      registerPublicOutputCache(api, { cache, servicesFor: options.servicesFor });
      registerApiRoutes(api, options.servicesFor);
    },
    { prefix: '/api/v1' },
  );
  registerSiteRoutes(app, options, cache);
  await registerEditRoutes(app, options);
  await app.register(
    (api) => registerImportRoutes(api, options.servicesFor, { maxBytes: options.config.importMaxBytes }),
    { prefix: '/api/v1' },
  );
  registerDataRoutes(app, options.servicesFor);
  await app.register((scope) => {
    registerPublicOutputCache(scope, { cache, servicesFor: options.servicesFor });
    registerFeedRoutes(scope, options.servicesFor);
    registerEmbedRoutes(scope, options.servicesFor);
  });
  return app;
}
