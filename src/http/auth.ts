import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.js';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';
import { mayAdminister, mayPublish, mayWrite, PUBLIC_VIEWER, type Viewer } from '../modules/user/access.js';
import {
  apiTokenRecordSchema,
  apiTokenRequestSchema,
  loginSchema,
  userRecordSchema,
} from '../modules/user/user.schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
    /** Set when the viewer came from a session cookie: unsafe requests must echo it. */
    sessionCsrf: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /**
     * How a route that writes treats an editor who may not publish: 'drafts' (the route keeps the
     * change as a draft for review) or 'none' (it writes nothing that needs review). Unset: refused.
     */
    review?: 'drafts' | 'none';
  }
}

export const SESSION_COOKIE = 'unfree_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Unsafe requests anyone may send: signing in (nobody is signed in yet), by the API or the editors' form. */
const OPEN_UNSAFE_ROUTES = new Set(['/api/v1/auth/login', '/edit/sign-in']);

function isSecure(request: FastifyRequest, config: Config): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies === 'always';
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
}

/**
 * Who is asking: a Bearer API token, else a session cookie, else the public. Unsafe requests made
 * with a cookie must carry the session's CSRF token (header x-csrf-token or form field _csrf);
 * writing needs a role that may write.
 */
export async function registerAuth(
  app: FastifyInstance,
  options: { services: Services; config: Config },
): Promise<void> {
  const { services, config } = options;
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Reference types cannot be decorator defaults (they would be shared); set per request instead.
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    request.viewer = PUBLIC_VIEWER;
    const authorization = request.headers.authorization;
    if (authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const viewer = token ? await services.users.viewerFromApiToken(token) : null;
      if (!viewer)
        throw new AppError(
          'unauthorized',
          'the API token is unknown, revoked or malformed (expected "Authorization: Bearer unf_…")',
        );
      request.viewer = viewer;
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (sessionToken) {
      const session = await services.users.viewerFromSession(sessionToken);
      if (session) {
        request.viewer = session.viewer;
        request.sessionCsrf = session.csrfToken;
        request.sessionToken = sessionToken;
      }
    }
  });

  app.addHook('preHandler', async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const path = request.url.split('?')[0] ?? '';
    if (OPEN_UNSAFE_ROUTES.has(path)) return;
    if (request.sessionCsrf !== null) {
      const body = request.body as { _csrf?: unknown } | undefined;
      const sent =
        request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
      if (sent !== request.sessionCsrf)
        throw new AppError('forbidden', 'missing or wrong CSRF token; reload the page and try again');
    }
    // Signing out and managing one's own tokens need a signed-in user, not a writing role.
    if (path.startsWith('/api/v1/auth/') || path === '/edit/sign-out') return;
    if (!request.viewer.user) throw new AppError('unauthorized', 'sign in to change the registry');
    if (!mayWrite(request.viewer)) {
      throw new AppError(
        'forbidden',
        request.viewer.scope === 'read'
          ? 'this API token may only read'
          : 'your role may not change the registry',
      );
    }
    // Closed by default: a route that writes must say how an editor without publishing rights is
    // handled (its change becomes a draft), or that it writes nothing reviewable.
    const review = request.routeOptions.config.review;
    if (!mayPublish(request.viewer) && review !== 'drafts' && review !== 'none') {
      throw new AppError(
        'forbidden',
        'your changes are published by a reviewer, and this action has no draft form',
      );
    }
    await Promise.resolve();
  });

  await app.register((api) => registerAuthRoutes(api, services, config), { prefix: '/api/v1' });
}

export function requireAdmin(request: FastifyRequest): void {
  if (!mayAdminister(request.viewer)) throw new AppError('forbidden', 'only an admin may do this');
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: Config,
  token: string,
  expiresAt: string,
) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request, config),
    expires: new Date(expiresAt),
  });
}

function registerAuthRoutes(api: FastifyInstance, services: Services, config: Config): void {
  const typed = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  typed.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in; sets an HttpOnly session cookie and returns the CSRF token to send with changes',
        body: loginSchema,
        response: { 200: z.object({ user: userRecordSchema, csrfToken: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const session = await services.users.login(
        request.body.email,
        request.body.password,
        request.body.totp,
      );
      setSessionCookie(reply, request, config, session.sessionToken, session.expiresAt);
      return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  typed.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out (ends the session)', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.sessionToken) await services.users.logout(request.sessionToken);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  typed.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Who the request is from (null for the public)',
        response: { 200: z.object({ user: userRecordSchema.nullable(), scope: z.enum(['read', 'write']) }) },
      },
    },
    async (request) => ({
      user: request.viewer.user ? await services.users.get(request.viewer.user.id) : null,
      scope: request.viewer.scope,
    }),
  );

  const signedIn = (request: FastifyRequest): string => {
    if (!request.viewer.user) throw new AppError('unauthorized', 'sign in first');
    return request.viewer.user.id;
  };

  typed.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: z.object({ items: z.array(apiTokenRecordSchema) }) },
      },
    },
    async (request) => ({ items: await services.users.listApiTokens(signedIn(request)) }),
  );

  typed.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown once)',
        body: apiTokenRequestSchema,
        response: {
          201: z.object({
            id: z.string(),
            name: z.string(),
            scope: z.enum(['read', 'write']),
            token: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      // A read-only token cannot mint a write token: the new scope is at most the caller's.
      const scope = request.viewer.scope === 'read' ? 'read' : request.body.scope;
      return reply
        .status(201)
        .send(await services.users.createApiToken(signedIn(request), request.body.name, scope));
    },
  );

  typed.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.users.revokeApiToken(signedIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Every account (admins only)',
        response: { 200: z.object({ items: z.array(userRecordSchema) }) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { items: await services.users.list() };
    },
  );
}
