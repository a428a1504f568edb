import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServicesFor } from '../app.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';
import type { CachedOutput, PageCache } from './page-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request's answer may be kept for the public (see registerPublicOutputCache). */
    publicCacheKey: string | null;
  }
}

/** Answers that depend on who asks, whoever asks. */
const PER_VIEWER = /^\/api\/v1\/(auth|drafts|proposals|imports|users)(\/|\?|$)/;

/** The headers a route sets about its answer, given again with the kept answer. */
const KEPT_HEADERS = [
  'content-disposition',
  'cache-control',
  'etag',
  'vary',
  'last-modified',
  'link',
] as const;

/**
 * The public's GET answers of the API, feeds and counter are, like the site's pages, functions of the data, the day
 * and the address: kept in the page cache under the data version and reused until the data
 * changes. Only answers to the public (no account, no token) are kept and served, so a staff
 * member's wider view can never be handed to anyone else; only 200s are kept.
 */
export function registerPublicOutputCache(
  api: FastifyInstance,
  options: { cache: PageCache; servicesFor: ServicesFor },
): void {
  api.decorateRequest('publicCacheKey', null);

  const keyOf = async (request: FastifyRequest): Promise<string | null> => {
    if (request.method !== 'GET' || request.viewer.user !== null || PER_VIEWER.test(request.url)) return null;
    const services = options.servicesFor(PUBLIC_VIEWER);
    return `out|${await options.cache.dataVersion()}|${services.stats.today()}|${request.url}`;
  };

  api.addHook('preHandler', async (request, reply) => {
    const key = await keyOf(request);
    if (key === null) return;
    const kept = options.cache.peek(key);
    if (!kept) {
      request.publicCacheKey = key;
      return;
    }
    void reply.headers(kept.headers);
    const held = request.headers['if-none-match'];
    if (kept.etag && held && held.split(',').some((tag) => tag.trim() === kept.etag)) {
      return reply.status(304).send();
    }
    return reply.type(kept.contentType).send(kept.body);
  });

  api.addHook('onSend', async (request, reply, payload) => {
    const key = request.publicCacheKey;
    if (key === null || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (reply.hasHeader('set-cookie')) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const etag = reply.getHeader('etag');
    const output: CachedOutput = {
      body: payload,
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      etag: typeof etag === 'string' ? etag : '',
      headers,
    };
    options.cache.set(key, output);
    return payload;
  });
}
