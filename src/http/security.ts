import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response: a strict Content-Security-Policy (no inline scripts), no
 * framing, no sniffing, no referrer; HSTS only when the request came over HTTPS (directly or
 * through a proxy), because announcing it over plain HTTP on a laptop would break local use.
 *
 * The helmet middleware is built once: @fastify/helmet built it again on every request (parsing
 * the policy each time), about a tenth of the server's CPU on a page served from the cache.
 */
const setSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  hsts: false,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
});

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https') {
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    await Promise.resolve();
  });
}
