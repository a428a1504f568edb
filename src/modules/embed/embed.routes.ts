import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { COUNTER_LANGUAGES, counterSnippet, counterSvg } from './counter.js';

const querySchema = z.object({ lang: z.enum(COUNTER_LANGUAGES).catch('en') });

/**
 * The counter other sites embed: cached for an hour, and allowed cross-origin (CORS and
 * Cross-Origin-Resource-Policy), unlike every other response of the server.
 */
export function registerEmbedRoutes(app: FastifyInstance, servicesFor: ServicesFor): void {
  const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  const crossOrigin = {
    'cache-control': 'public, max-age=3600',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
  };

  app.get('/embed/counter.svg', { schema: { hide: true } }, async (request, reply) => {
    const { lang } = querySchema.parse(request.query);
    const { date, held } = await servicesFor(PUBLIC_VIEWER).stats.stockOn();
    return reply
      .type('image/svg+xml; charset=utf-8')
      .headers(crossOrigin)
      .send(counterSvg(held, lang, date));
  });

  app.get('/embed/counter-snippet.txt', { schema: { hide: true } }, async (request, reply) => {
    const { lang } = querySchema.parse(request.query);
    await Promise.resolve();
    return reply
      .type('text/plain; charset=utf-8')
      .headers(crossOrigin)
      .send(counterSnippet(baseOf(request), lang));
  });
}
