import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { testServices } from './factories.js';

/** The real Fastify app over a test database, driven with inject (no socket needed). */
export async function testApp(db: Db): Promise<FastifyInstance> {
  const app = await buildApp({
    config: loadConfig({ logLevel: 'silent' }, {}),
    services: testServices(db),
    databaseLabel: 'test',
  });
  await app.ready();
  return app;
}
