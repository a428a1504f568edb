import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema, pageSchema } from '../modules/shared/common.schema.js';
import type { DraftKindName } from '../modules/draft/draft.kinds.js';
import type { DraftChange, SubmittedDraft } from '../modules/draft/draft.schema.js';
import { submittedDraftSchema } from '../modules/draft/draft.schema.js';
import type { ResourceService } from '../modules/shared/resource.js';
import { mayPublish, type Viewer } from '../modules/user/access.js';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .describe('Every error: a stable code, a message naming the field, and the issues one by one');

const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  422: errorResponseSchema,
};

export interface ResourceDefinition<
  TRecord extends z.ZodType,
  TCreate extends z.ZodType,
  TUpdate extends z.ZodType,
  TFilter extends z.ZodType,
> {
  /** URL segment under /api/v1, e.g. "legal-articles". */
  path: string;
  /** Human name for the OpenAPI summaries, e.g. "legal article". */
  entity: string;
  /** The record kind of history, citations and drafts, e.g. "legal_article". */
  kind: DraftKindName;
  schemas: { record: TRecord; create: TCreate; update: TUpdate; filter: TFilter; created?: z.ZodType };
  /** The service that reads and writes with this viewer's rights. */
  service: (
    viewer: Viewer,
  ) => ResourceService<z.output<TRecord>, z.output<TCreate>, z.output<TUpdate>, z.output<TFilter>>;
  /** Where an id lives now (merged records leave redirects); null when it never existed. */
  resolveId?: (viewer: Viewer, id: string) => Promise<string | null>;
  /** Keeps the change of an editor who may not publish as a draft for review. */
  submitDraft: (viewer: Viewer, change: DraftChange) => Promise<SubmittedDraft>;
}

/** Why a write answered 202: it waits for a reviewer (docs/decisions/0006-review-workflow.md). */
const draftResponse = submittedDraftSchema.describe(
  'Accepted as a draft: your role publishes through review, and a reviewer will publish or reject it',
);

const idParams = z.object({ id: idSchema });

/** The five routes every resource has: validate → one service call → the record (presented). */
export function registerResourceRoutes<
  TRecord extends z.ZodType,
  TCreate extends z.ZodType,
  TUpdate extends z.ZodType,
  TFilter extends z.ZodType,
>(app: FastifyInstance, definition: ResourceDefinition<TRecord, TCreate, TUpdate, TFilter>): void {
  const { path, entity, kind, schemas, service, resolveId, submitDraft } = definition;
  const tags = [path];
  // The zod validator has already checked these against the schemas when a handler runs, so the
  // casts below only restate what the route schema guarantees (generic schemas defeat inference).
  type Filter = z.output<TFilter>;
  type Create = z.output<TCreate>;
  type Update = z.output<TUpdate>;
  type IdParams = z.output<typeof idParams>;

  app.get(
    `/${path}`,
    {
      schema: {
        tags,
        summary: `Find ${entity} records`,
        querystring: schemas.filter,
        response: { 200: pageSchema(schemas.record), ...errorResponses },
      },
    },
    (request) => service(request.viewer).find(request.query as Filter),
  );

  app.get(
    `/${path}/:id`,
    {
      schema: {
        tags,
        summary: `Get one ${entity}${resolveId ? ' (a merged id answers 308 with the new location)' : ''}`,
        params: idParams,
        response: { 200: schemas.record, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as IdParams;
      const current = resolveId ? await resolveId(request.viewer, id) : id;
      if (current && current !== id) return reply.redirect(`${request.url.replace(id, current)}`, 308);
      return service(request.viewer).get(id);
    },
  );

  app.post(
    `/${path}`,
    {
      schema: {
        tags,
        summary: `Create a ${entity} (a draft for review when your role does not publish)`,
        body: schemas.create,
        response: { 201: schemas.created ?? schemas.record, 202: draftResponse, ...errorResponses },
      },
      config: { review: 'drafts' },
    },
    async (request, reply) => {
      const payload = request.body as Create & Record<string, unknown>;
      if (!mayPublish(request.viewer)) {
        return reply.status(202).send(await submitDraft(request.viewer, { kind, action: 'create', payload }));
      }
      return reply.status(201).send(await service(request.viewer).create(payload));
    },
  );

  app.patch(
    `/${path}/:id`,
    {
      schema: {
        tags,
        summary: `Change a ${entity} (send "version" to refuse stale edits; a draft when your role does not publish)`,
        params: idParams,
        body: schemas.update,
        response: { 200: schemas.record, 202: draftResponse, ...errorResponses },
      },
      config: { review: 'drafts' },
    },
    async (request, reply) => {
      const { id } = request.params as IdParams;
      const payload = request.body as Update & Record<string, unknown>;
      if (!mayPublish(request.viewer)) {
        const change = { kind, action: 'update' as const, targetId: id, payload };
        return reply.status(202).send(await submitDraft(request.viewer, change));
      }
      return service(request.viewer).update(id, payload);
    },
  );

  app.delete(
    `/${path}/:id`,
    {
      schema: {
        tags,
        summary: `Delete a ${entity} (a draft when your role does not publish)`,
        params: idParams,
        response: { 204: z.null().describe('Deleted'), 202: draftResponse, ...errorResponses },
      },
      config: { review: 'drafts' },
    },
    async (request, reply) => {
      const { id } = request.params as IdParams;
      if (!mayPublish(request.viewer)) {
        const change = { kind, action: 'delete' as const, targetId: id, payload: {} };
        return reply.status(202).send(await submitDraft(request.viewer, change));
      }
      await service(request.viewer).delete(id);
      return reply.status(204).send(null);
    },
  );
}
