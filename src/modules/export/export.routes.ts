import type { FastifyInstance } from 'fastify';
import type { ServicesFor } from '../../app.js';
import { holdsVersion } from '../../http/caching.js';
import { notFound } from '../../lib/errors.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import {
  EXPORT_SCHEMA_FILE,
  downloadIndex,
  exportSchemaSha256,
  exportSchemaText,
} from './export.downloads.js';

/** Clients revalidate after five minutes; an unchanged file then costs a 304. */
const CACHE_CONTROL = 'public, max-age=300';

/**
 * The public downloads: /data/index.json lists every file with its size, SHA-256, date and
 * licence (the site's /data page shows it); /data/<name> serves each file, always as the public
 * sees the registry, whoever asks. Each file's ETag is its SHA-256, so If-None-Match gets a 304.
 */
export function registerDataRoutes(app: FastifyInstance, servicesFor: ServicesFor): void {
  const downloads = () => servicesFor(PUBLIC_VIEWER).exports.downloads();

  app.get('/data/index.json', { schema: { hide: true } }, async () =>
    downloadIndex(await downloads(), (name) => `/data/${name}`),
  );

  app.get(`/data/${EXPORT_SCHEMA_FILE}`, { schema: { hide: true } }, (request, reply) => {
    const etag = `"${exportSchemaSha256()}"`;
    void reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
    if (holdsVersion(request, etag)) return reply.status(304).send();
    return reply.type('application/schema+json; charset=utf-8').send(exportSchemaText());
  });

  app.get<{ Params: { name: string } }>('/data/:name', { schema: { hide: true } }, async (request, reply) => {
    const { generatedAt, files } = await downloads();
    const file = files.find((entry) => entry.name === request.params.name);
    if (!file) throw notFound('download', request.params.name);
    const etag = `"${file.sha256}"`;
    void reply
      .header('etag', etag)
      .header('last-modified', new Date(generatedAt).toUTCString())
      .header('cache-control', CACHE_CONTROL)
      .header('access-control-allow-origin', '*');
    if (holdsVersion(request, etag)) return reply.status(304).send();
    return reply
      .type(`${file.mediaType}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .send(file.content);
  });
}
