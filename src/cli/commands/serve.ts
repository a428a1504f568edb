import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startServer } from '../../server.js';
import { type GlobalOptions, reportError } from '../context.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the web server and API (migrates the database; loads the demo dataset when it is empty)',
    )
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000)')
    .option('-H, --host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option(
      '-d, --database-url <url>',
      'sqlite:<file> or postgres://… (env DATABASE_URL, default sqlite:./data/unfree.db)',
    )
    .option('--no-demo', 'do not load the demo dataset into an empty database')
    .action(async (options: { port?: string; host?: string; databaseUrl?: string; demo: boolean }) => {
      const global = program.opts<GlobalOptions>();
      try {
        const config = loadConfig({
          port: options.port,
          host: options.host,
          databaseUrl: options.databaseUrl ?? global.databaseUrl,
          ...(options.demo ? {} : { seedDemo: 'never' as const }),
        });
        const server = await startServer(config);
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => void server.stop());
        }
      } catch (error) {
        process.exitCode = reportError(error);
      }
    });
}
