import type { FastifyInstance } from 'fastify';
import { buildApp, buildServices } from './app.js';
import type { Config } from './config.js';
import { type OpenedDatabase, openDatabase } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './modules/demo/demo.seed.js';

export interface RunningServer {
  app: FastifyInstance;
  database: OpenedDatabase;
  url: string;
  stop(): Promise<void>;
}

/** config → database (migrated, demo loaded when empty) → app → listen. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    if (config.seedDemo === 'auto') {
      const seeded = await seedDemoIfEmpty(database.db);
      if (seeded) {
        log(
          `Loaded the demo dataset: ${seeded.persons} persons, ${seeded.batches} release batches, ${seeded.sources} sources.`,
        );
      }
    }
    const app = await buildApp({
      config,
      servicesFor: (viewer) =>
        buildServices(database.db, undefined, {
          requireTotpFor: config.requireTotpFor,
          importMaxBytes: config.importMaxBytes,
          viewer,
        }),
      databaseLabel: `${database.dialect}: ${database.location}`,
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${shownHost}:${port}`;
    log(`unfree is running at ${url} (database: ${database.dialect} ${database.location})`);
    return {
      app,
      database,
      url,
      stop: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
