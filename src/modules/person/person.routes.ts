import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app.js';
import { episodeRecordSchema } from '../episode/episode.schema.js';
import { idSchema } from '../shared/common.schema.js';
import { heldOnQuerySchema, heldOnResultSchema } from './person.schema.js';

/** Person routes beyond the five every resource has. */
export function registerPersonRoutes(api: FastifyInstance, services: Services): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: idSchema });

  typed.get(
    '/persons/:id/held-on',
    {
      schema: {
        tags: ['persons'],
        summary: 'Was the person held on a given day? (yes / no / maybe, from partial dates)',
        params,
        querystring: heldOnQuerySchema,
        response: { 200: heldOnResultSchema },
      },
    },
    (request) => services.persons.heldOn(request.params.id, request.query.date),
  );

  typed.get(
    '/persons/:id/episodes',
    {
      schema: {
        tags: ['persons'],
        summary: 'Every detention episode of the person, oldest first',
        params,
        response: { 200: z.object({ items: z.array(episodeRecordSchema) }) },
      },
    },
    async (request) => {
      await services.persons.get(request.params.id);
      return { items: await services.episodes.listForPerson(request.params.id) };
    },
  );
}
