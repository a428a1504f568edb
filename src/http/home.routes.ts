import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app.js';
import { PUBLIC_VIEWER } from '../modules/user/access.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A plain landing page until the public site exists (issue 5): what this is and where the API is.
 * Counts here include every record; the public site will apply visibility rules.
 */
export function registerHomeRoute(app: FastifyInstance, options: AppOptions): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const persons = await options.servicesFor(PUBLIC_VIEWER).persons.count();
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>unfree</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; line-height: 1.5">
<h1>unfree</h1>
<p>An open registry of political prisoners, their cases, and the deals that free them.</p>
<p>${persons} persons in this registry (${escapeHtml(options.databaseLabel)}).</p>
<ul>
<li><a href="/api/v1/persons">/api/v1/persons</a> — the JSON API</li>
<li><a href="/api/docs">/api/docs</a> — its OpenAPI documentation</li>
</ul>
</body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
