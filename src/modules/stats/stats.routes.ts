import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import {
  dossierParamsSchema,
  dossierQuerySchema,
  GRANULARITIES,
  seriesQuerySchema,
  statsDocumentSchema,
  stockQuerySchema,
  windowQuerySchema,
} from './stats.schema.js';
import { dossierSeries, STATS_SERIES, seriesCsv, type StatsSeries } from './stats.series.js';

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="unfree-stats-${name}.csv"`)
    .send(body);
}

const byPeriod = windowQuerySchema.extend({ granularity: z.enum(GRANULARITIES).default('month') });

/** /api/v1/stats/…: every figure computed from the registry's records, with its uncertainty. */
export function registerStatsRoutes(api: FastifyInstance, servicesFor: ServicesFor): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['stats'];
  const ok = { 200: statsDocumentSchema };

  typed.get(
    '/stats/stock',
    {
      schema: {
        tags,
        summary: 'Political prisoners held on a day (certain and possible)',
        querystring: stockQuerySchema,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.stockOn(request.query.date),
  );

  typed.get(
    '/stats/series',
    {
      schema: {
        tags,
        summary: 'Number held over time, one point per period (format=csv for a download)',
        querystring: seriesQuerySchema,
      },
    },
    async (request, reply) => {
      const stats = servicesFor(request.viewer).stats;
      if (request.query.format === 'csv') {
        const held = STATS_SERIES.find((series) => series.name === 'held');
        const query = { ...request.query, granularity: request.query.step };
        return sendCsv(reply, 'held', seriesCsv(await (held as StatsSeries).table(stats, query)));
      }
      return stats.series(request.query, request.query.step);
    },
  );

  typed.get(
    '/stats/flows',
    {
      schema: {
        tags,
        summary: 'Inflow (detentions, recognitions) and outflow (releases by mode) per period',
        querystring: byPeriod,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.flows(request.query, request.query.granularity),
  );

  typed.get(
    '/stats/revolving-door',
    {
      schema: {
        tags,
        summary: 'Released vs newly imprisoned per period; recognitions around each batch; releases by route',
        querystring: byPeriod,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.revolvingDoor(request.query, request.query.granularity),
  );

  typed.get(
    '/stats/deals',
    {
      schema: {
        tags,
        summary: 'The deals ledger: batches, people freed, exile shares, concessions over time',
        querystring: byPeriod,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.deals(request.query, request.query.granularity),
  );

  typed.get(
    '/stats/reconciliation',
    {
      schema: {
        tags,
        summary: 'Published counts beside the registry’s own on the same dates, the difference shown',
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.reconciliation(),
  );

  typed.get(
    '/stats/scorecard',
    {
      schema: {
        tags,
        summary: 'Conditionality scorecard for a period',
        querystring: windowQuerySchema,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.scorecard(request.query),
  );

  typed.get(
    '/stats/dossier/:country',
    {
      schema: {
        tags,
        summary:
          'Persons still held with ties to a country, and a priority list of those at risk with reasons',
        params: dossierParamsSchema,
        querystring: dossierQuerySchema,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.dossier(request.params.country, request.query.date),
  );

  typed.get(
    '/stats/projection',
    {
      schema: {
        tags,
        summary: 'Projection of the number held at +6 and +12 months under stated scenarios',
        querystring: windowQuerySchema,
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.projection(request.query),
  );

  typed.get(
    '/stats/durations',
    {
      schema: {
        tags,
        summary: 'Time in custody: quantiles, Kaplan–Meier median, by year of arrest',
        response: ok,
      },
    },
    (request) => servicesFor(request.viewer).stats.durations(),
  );

  // Every series as CSV: one route per series, made from its definition (stats.series.ts).
  for (const series of STATS_SERIES) {
    typed.get(
      `/stats/${series.name}.csv`,
      { schema: { tags, summary: `${series.summary} (CSV)`, querystring: series.querystring } },
      async (request, reply) =>
        sendCsv(
          reply,
          series.name,
          seriesCsv(await series.table(servicesFor(request.viewer).stats, request.query)),
        ),
    );
  }

  typed.get(
    '/stats/dossier/:country/priority.csv',
    {
      schema: {
        tags,
        summary: `${dossierSeries.summary} (CSV)`,
        params: dossierParamsSchema,
        querystring: dossierSeries.querystring,
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        `dossier-${request.params.country}`,
        seriesCsv(
          await dossierSeries.table(
            servicesFor(request.viewer).stats,
            request.params.country,
            request.query.date,
          ),
        ),
      ),
  );
}
