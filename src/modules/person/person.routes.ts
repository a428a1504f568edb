import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { episodeRecordSchema } from '../episode/episode.schema.js';
import { submittedDraftSchema } from '../draft/draft.schema.js';
import { idSchema } from '../shared/common.schema.js';
import { mayPublish } from '../user/access.js';
import {
  duplicateCheckSchema,
  heldOnQuerySchema,
  heldOnResultSchema,
  mergeSchema,
  nameMatchSchema,
  personRecordSchema,
  searchQuerySchema,
  searchResultSchema,
} from './person.schema.js';

/** Person routes beyond the five every resource has. */
export function registerPersonRoutes(api: FastifyInstance, servicesFor: ServicesFor): void {
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
    (request) => servicesFor(request.viewer).persons.heldOn(request.params.id, request.query.date),
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
      await servicesFor(request.viewer).persons.get(request.params.id);
      return { items: await servicesFor(request.viewer).episodes.listForPerson(request.params.id) };
    },
  );

  typed.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Find persons by a name typed in any script and spelling (Калеснікава, Kolesnikova, Kaleśnikava…)',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => ({
      query: request.query.q,
      items: await servicesFor(request.viewer).persons.search(request.query.q, request.query.limit),
    }),
  );

  typed.post(
    '/persons/duplicates',
    {
      schema: {
        tags: ['persons'],
        summary: 'Existing persons whose names match these (a warning; nothing is written)',
        body: duplicateCheckSchema,
        response: { 200: z.object({ items: z.array(nameMatchSchema) }) },
      },
      config: { review: 'none' },
    },
    async (request) => ({
      items: await servicesFor(request.viewer).persons.checkDuplicates(
        request.body.names,
        request.body.excludePersonId,
      ),
    }),
  );

  typed.post(
    '/persons/:id/merge',
    {
      schema: {
        tags: ['persons'],
        summary:
          'Fold a duplicate record into this person; the duplicate id then redirects here (a draft when your role does not publish)',
        params,
        body: mergeSchema,
        response: { 200: personRecordSchema, 202: submittedDraftSchema },
      },
      config: { review: 'drafts' },
    },
    async (request, reply) => {
      const services = servicesFor(request.viewer);
      if (!mayPublish(request.viewer)) {
        const change = { kind: 'person' as const, action: 'merge' as const, targetId: request.params.id };
        return reply.status(202).send(await services.drafts.submit({ ...change, payload: request.body }));
      }
      return services.persons.merge(request.params.id, request.body.duplicateId, request.body.version);
    },
  );
}
