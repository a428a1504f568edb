import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedOutput } from './page-cache.js';

/** A weak validator from the body's SHA-256: the same bytes always get the same tag. */
export const weakEtag = (body: string | Buffer) =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether the request already holds this version (If-None-Match lists the tag, or "*"). */
export function holdsVersion(request: FastifyRequest, etag: string): boolean {
  const held = request.headers['if-none-match'];
  return Boolean(held && held.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*'));
}

/** A body as it leaves the server, with its weak ETag computed once. */
export const outputOf = (
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): CachedOutput => ({ body, contentType, etag: weakEtag(body), headers });

/** Sends an output with its weak ETag; a request that already holds this version gets 304 and no body. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  output: CachedOutput,
  cacheControl: string,
): FastifyReply {
  void reply
    .headers(output.headers)
    .header('etag', output.etag)
    .header('cache-control', cacheControl)
    .header('vary', 'Accept-Encoding');
  if (holdsVersion(request, output.etag)) return reply.status(304).send();
  return reply.type(output.contentType).send(output.body);
}
