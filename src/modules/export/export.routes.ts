import type { FastifyInstance } from 'fastify';
import type { ServicesFor } from '../../app.js';
import { notFound } from '../../lib/errors.js';
import { PUBLIC_VIEWER } from '../user/access.js';

/**
 * The public downloads: /data/index.json lists every file with its size, SHA-256, date and
 * licence (the site's /data page shows it); /data/<name> serves each file, always as the public
 * sees the registry, whoever asks.
 */
export function registerDataRoutes(app: FastifyInstance, servicesFor: ServicesFor): void {
  const downloads = () => servicesFor(PUBLIC_VIEWER).exports.downloads();

  app.get('/data/index.json', { schema: { hide: true } }, async () => {
    const { generatedAt, licence, files } = await downloads();
    return {
      generatedAt,
      licence,
      files: files.map((file) => ({
        name: file.name,
        url: `/data/${file.name}`,
        mediaType: file.mediaType,
        bytes: file.content.length,
        sha256: file.sha256,
      })),
    };
  });

  app.get<{ Params: { name: string } }>('/data/:name', { schema: { hide: true } }, async (request, reply) => {
    const { generatedAt, files } = await downloads();
    const file = files.find((entry) => entry.name === request.params.name);
    if (!file) throw notFound('download', request.params.name);
    return reply
      .type(`${file.mediaType}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .header('last-modified', new Date(generatedAt).toUTCString())
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .send(file.content);
  });
}
