import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A weak validator from the body's SHA-256: the same bytes always get the same tag. */
export const weakEtag = (body: string | Buffer) =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether the request already holds this version (If-None-Match lists the tag, or "*"). */
export function holdsVersion(request: FastifyRequest, etag: string): boolean {
  const held = request.headers['if-none-match'];
  return Boolean(held && held.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*'));
}

/** Sends a body with a weak ETag; a request that already holds this version gets 304 and no body. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  contentType: string,
  cacheControl: string,
): FastifyReply {
  const etag = weakEtag(body);
  void reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'Accept-Encoding');
  if (holdsVersion(request, etag)) return reply.status(304).send();
  return reply.type(contentType).send(body);
}
