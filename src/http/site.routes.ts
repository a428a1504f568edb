import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppOptions } from '../app.js';
import { isAppError } from '../lib/errors.js';
import { outputOf, sendCached } from './caching.js';
import type { CachedOutput, PageCache } from './page-cache.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';
import { renderErrorPage } from '../site/error.page.js';
import { messagesFor } from '../site/i18n.js';
import { renderDocument } from '../site/layout.js';
import { serverLinks } from '../site/links.js';
import { LOCALES, isLocale, localeFromAcceptLanguage, type Locale } from '../site/locale.js';
import type { PageContext } from '../site/page.js';
import { PUBLIC_DOWNLOADS, PUBLIC_PAGES } from '../site/registry.js';

const STYLESHEET = readFileSync(new URL('../site/assets/site.css', import.meta.url), 'utf8');

const STYLESHEET_OUTPUT = outputOf(STYLESHEET, 'text/css; charset=utf-8');

/**
 * The site's pages need no inline style at all (one stylesheet), so their policy drops the
 * 'unsafe-inline' that the API documentation pages need; everything else stays as security.ts set it.
 */
export function withoutInlineStyles(reply: FastifyReply): void {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy === 'string') {
    void reply.header('content-security-policy', policy.replace(/style-src[^;]*/, "style-src 'self'"));
  }
}

/** The locale of an address ("/be/…"), else the reader's Accept-Language. */
export function localeOfRequest(request: FastifyRequest): Locale {
  const first = request.url.split('/')[1]?.split('?')[0] ?? '';
  return isLocale(first) ? first : localeFromAcceptLanguage(request.headers['accept-language']);
}

/** The HTML 404 page for any address that is not under /api. */
export function sendNotFoundPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOfRequest(request);
  return reply
    .status(404)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderErrorPage(locale, 'not_found', '/'));
}

function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  error: unknown,
): FastifyReply {
  const html = (
    kind: Parameters<typeof renderErrorPage>[1],
    issues?: Parameters<typeof renderErrorPage>[3],
  ) => renderErrorPage(locale, kind, '/', issues);
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
  withoutInlineStyles(reply);
  if (isAppError(error) && error.code === 'not_found') return reply.status(404).send(html('not_found'));
  if (isAppError(error) && (error.code === 'validation_failed' || error.code === 'rule_violated')) {
    const issues = error.issues.length > 0 ? error.issues : [{ path: 'query', message: error.message }];
    return reply.status(400).send(html('bad_request', issues));
  }
  // Never echo an unexpected error: it may carry data that must not leave.
  request.log.error({ err: error }, 'page failed');
  return reply.status(500).send(html('server_error'));
}

/**
 * The public site: every page and download of the registry (src/site/registry.ts) in every locale,
 * read with PUBLIC_VIEWER's eyes whoever asks, so a signed-in editor sees the public page too.
 */
export function registerSiteRoutes(app: FastifyInstance, options: AppOptions, cache: PageCache): void {
  const contextFor = (request: FastifyRequest, locale: Locale): PageContext => {
    const services = options.servicesFor(PUBLIC_VIEWER);
    const url = request.url.slice(locale.length + 1);
    return {
      services,
      locale,
      t: messagesFor(locale),
      links: serverLinks,
      params: request.params as Record<string, string>,
      query: request.query as Record<string, unknown>,
      path: url === '' ? '/' : url,
      today: services.stats.today(),
    };
  };

  app.get('/assets/site.css', { schema: { hide: true } }, (request, reply) =>
    sendCached(request, reply, STYLESHEET_OUTPUT, 'public, max-age=86400'),
  );

  /** Everything a page's output depends on: the data, the day and the address (locale and query). */
  const cached = async (
    request: FastifyRequest,
    produce: (context: PageContext) => Promise<CachedOutput>,
    locale: Locale,
  ) => {
    const context = contextFor(request, locale);
    const version = await cache.dataVersion();
    return cache.get(`${version}|${context.today}|${request.url}`, () => produce(context));
  };

  app.get('/', { schema: { hide: true } }, (request, reply) =>
    reply
      .header('vary', 'Accept-Language')
      .redirect(serverLinks.page(localeFromAcceptLanguage(request.headers['accept-language']), '/'), 302),
  );

  for (const locale of LOCALES) {
    app.get(`/${locale}`, { schema: { hide: true } }, (_request, reply) =>
      reply.redirect(serverLinks.page(locale, '/'), 301),
    );
    for (const page of PUBLIC_PAGES) {
      const url = `/${locale}${page.route}`;
      app.get(url, { schema: { hide: true } }, async (request, reply) => {
        try {
          const output = await cached(
            request,
            async (context) => {
              const rendered = await page.render(context);
              const html = renderDocument({
                locale,
                t: context.t,
                links: context.links,
                title: rendered.title,
                path: context.path,
                children: rendered.body,
              });
              return outputOf(html, 'text/html; charset=utf-8');
            },
            locale,
          );
          withoutInlineStyles(reply);
          return sendCached(request, reply, output, 'no-cache');
        } catch (error) {
          return sendErrorPage(request, reply, locale, error);
        }
      });
    }
    for (const download of PUBLIC_DOWNLOADS) {
      app.get(`/${locale}${download.route}`, { schema: { hide: true } }, async (request, reply) => {
        try {
          const output = await cached(
            request,
            async (context) => {
              const file = await download.produce(context);
              return outputOf(file.body, file.contentType, {
                'content-disposition': `attachment; filename="${file.filename}"`,
              });
            },
            locale,
          );
          return sendCached(request, reply, output, 'no-cache');
        } catch (error) {
          return sendErrorPage(request, reply, locale, error);
        }
      });
    }
  }
}
