import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { MAX_ARTICLE_BYTES } from '../../ingest/input.js';
import { submittedDraftSchema } from '../draft/draft.schema.js';
import { idSchema, pageSchema } from '../shared/common.schema.js';
import { mayPublish } from '../user/access.js';
import {
  acceptSchema,
  ingestResultSchema,
  ingestSchema,
  proposalFilterSchema,
  proposalRecordSchema,
  rejectSchema,
} from './proposal.schema.js';

/**
 * Ingestion and the review of its proposals: staff only (the service refuses the public). An
 * editor who may not publish ingests into internal sources, rejects directly, and accepts as a
 * draft a reviewer publishes (docs/decisions/0010).
 */
export function registerProposalRoutes(api: FastifyInstance, servicesFor: ServicesFor): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: idSchema });
  const tags = ['proposals'];

  typed.post(
    '/ingest',
    {
      // Larger than the article limit, so an oversized article gets the reader's own message.
      bodyLimit: MAX_ARTICLE_BYTES * 2 + 2 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Read an article (text or saved HTML): store it as a source, propose the facts it reports (a public source only by those who publish)',
        body: ingestSchema,
        response: { 201: ingestResultSchema },
      },
      // The stored copy and its proposals are not facts; a public copy is refused to non-publishers.
      config: { review: 'none' },
    },
    async (request, reply) => {
      const result = await servicesFor(request.viewer).proposals.ingest(request.body);
      return reply.status(201).send(result);
    },
  );

  typed.get(
    '/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals from ingested articles (signed-in staff only)',
        querystring: proposalFilterSchema,
        response: { 200: pageSchema(proposalRecordSchema) },
      },
    },
    (request) => servicesFor(request.viewer).proposals.find(request.query),
  );

  typed.get(
    '/proposals/:id',
    {
      schema: {
        tags,
        summary: 'One proposal with its evidence',
        params,
        response: { 200: proposalRecordSchema },
      },
    },
    (request) => servicesFor(request.viewer).proposals.get(request.params.id),
  );

  typed.post(
    '/proposals/:id/accept',
    {
      schema: {
        tags,
        summary:
          'Accept a proposal (optionally as edited): the fact is created with a citation of the article; from an editor who may not publish, a draft (202) that does so once a reviewer publishes it',
        params,
        body: acceptSchema,
        response: {
          200: proposalRecordSchema,
          202: submittedDraftSchema.describe(
            'Kept as a draft: the fact is created, cited, when a reviewer publishes it (POST /drafts/{id}/publish)',
          ),
        },
      },
      config: { review: 'drafts' },
    },
    async (request, reply) => {
      const services = servicesFor(request.viewer);
      if (!mayPublish(request.viewer)) {
        const change = {
          kind: 'proposal' as const,
          action: 'update' as const,
          targetId: request.params.id,
          payload: request.body,
        };
        return reply.status(202).send(await services.drafts.submit(change));
      }
      return services.proposals.accept(request.params.id, request.body);
    },
  );

  typed.post(
    '/proposals/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a proposal, saying why (recorded in the history; any editor may)',
        params,
        body: rejectSchema,
        response: { 200: proposalRecordSchema },
      },
      // Rejecting writes no fact: it is triage, recorded with who and why.
      config: { review: 'none' },
    },
    (request) =>
      servicesFor(request.viewer).proposals.reject(
        request.params.id,
        request.body.reason,
        request.body.version,
      ),
  );
}
