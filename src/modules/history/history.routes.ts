import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { CITABLE_TYPES } from '../citation/citation.schema.js';

export const HISTORY_KINDS = [...CITABLE_TYPES, 'source', 'citation'] as const;

const revisionSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().describe('The user id of who made the change ("system" for the operator’s CLI)'),
  action: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  reason: z.string().nullable(),
  hash: z.string().describe('SHA-256 chaining this revision to the previous one'),
});

export function registerHistoryRoutes(api: FastifyInstance, servicesFor: ServicesFor): void {
  api.withTypeProvider<ZodTypeProvider>().get(
    '/history/:kind/:id',
    {
      schema: {
        tags: ['history'],
        summary: 'Every change to one record, oldest first, as field diffs (signed-in staff only)',
        params: z.object({ kind: z.enum(HISTORY_KINDS), id: z.uuid() }),
        response: { 200: z.object({ items: z.array(revisionSchema) }) },
      },
    },
    async (request) => ({
      items: await servicesFor(request.viewer).history.listFor(request.params.kind, request.params.id),
    }),
  );
}
