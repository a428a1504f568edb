import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServicesFor } from '../../app.js';
import { errorResponseSchema } from '../../http/resource.routes.js';
import { idSchema, pageSchema } from '../shared/common.schema.js';
import {
  draftDetailSchema,
  draftFilterSchema,
  draftRecordSchema,
  publishedDraftSchema,
  rejectSchema,
  reviewSchema,
} from './draft.schema.js';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

/** The review queue: staff read drafts; reviewers publish or reject them; authors withdraw theirs. */
export function registerDraftRoutes(api: FastifyInstance, servicesFor: ServicesFor): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['drafts'];
  const params = z.object({ id: idSchema });

  typed.get(
    '/drafts',
    {
      schema: {
        tags,
        summary: 'The review queue: drafts by status, oldest first (reviewers see all, editors their own)',
        querystring: draftFilterSchema,
        response: { 200: pageSchema(draftRecordSchema), ...errors },
      },
    },
    (request) => servicesFor(request.viewer).drafts.find(request.query),
  );

  typed.get(
    '/drafts/:id',
    {
      schema: {
        tags,
        summary: 'One draft, with the changes it would make to the record as it is now',
        params,
        response: { 200: draftDetailSchema, ...errors },
      },
    },
    (request) => servicesFor(request.viewer).drafts.get(request.params.id),
  );

  typed.post(
    '/drafts/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: the change is applied, with every rule checked again (reviewers)',
        params,
        body: reviewSchema,
        response: { 200: publishedDraftSchema, ...errors },
      },
      config: { review: 'none' },
    },
    async (request) => {
      const published = await servicesFor(request.viewer).drafts.publish(request.params.id, request.body);
      return { draft: published.draft, record: published.record as Record<string, unknown> | null };
    },
  );

  typed.post(
    '/drafts/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a draft, saying why (reviewers)',
        params,
        body: rejectSchema,
        response: { 200: draftRecordSchema, ...errors },
      },
      config: { review: 'none' },
    },
    (request) => servicesFor(request.viewer).drafts.reject(request.params.id, request.body),
  );

  typed.post(
    '/drafts/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Take back your own draft',
        params,
        body: reviewSchema,
        response: { 200: draftRecordSchema, ...errors },
      },
      config: { review: 'none' },
    },
    (request) => servicesFor(request.viewer).drafts.withdraw(request.params.id, request.body),
  );
}
