import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { notFound } from '../../lib/errors.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { renderAtom } from './atom.js';

const ATOM = 'application/atom+xml; charset=utf-8';
const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Atom feeds for journalists and supporters' bots; public data only, whoever asks. */
export function registerFeedRoutes(app: FastifyInstance, servicesFor: ServicesFor): void {
  const feeds = () => servicesFor(PUBLIC_VIEWER).feeds;
  const headers = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' };

  app.get('/feeds/prisoners.atom', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type(ATOM)
      .headers(headers)
      .send(renderAtom(await feeds().prisoners(baseOf(request)))),
  );
  app.get('/feeds/releases.atom', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type(ATOM)
      .headers(headers)
      .send(renderAtom(await feeds().releases(baseOf(request)))),
  );
  app.get<{ Params: { id: string } }>(
    '/feeds/persons/:id.atom',
    { schema: { hide: true } },
    async (request, reply) => {
      const id = z.uuid().safeParse(request.params.id);
      if (!id.success) throw notFound('person', request.params.id);
      return reply
        .type(ATOM)
        .headers(headers)
        .send(renderAtom(await feeds().person(baseOf(request), id.data)));
    },
  );
}
