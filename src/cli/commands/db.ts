import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import { seedDemo } from '../../modules/demo/demo.seed.js';
import { type GlobalOptions, withDatabase } from '../context.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database maintenance');

  db.command('migrate')
    .description('Create or upgrade the tables (safe to run again)')
    .action(() =>
      withDatabase({ databaseUrl: program.opts<GlobalOptions>().databaseUrl }, ({ database, out }) => {
        // withDatabase has already migrated; say where.
        out(`Database is up to date: ${database.dialect} ${database.location}`);
        return Promise.resolve();
      }),
    );

  db.command('seed-demo')
    .description('Load the demo dataset of real, public, cited cases (only into an empty database)')
    .action(() =>
      withDatabase(
        { databaseUrl: program.opts<GlobalOptions>().databaseUrl },
        async ({ database, services, out }) => {
          if ((await services.persons.count()) > 0) {
            throw new AppError(
              'conflict',
              'the database already holds persons; the demo dataset loads only into an empty database',
            );
          }
          const summary = await seedDemo(database.db);
          out(
            `Loaded the demo dataset: ${summary.persons} persons, ${summary.episodes} episodes, ${summary.batches} release batches, ` +
              `${summary.countObservations} count observations, ${summary.sources} sources, ${summary.citations} citations.`,
          );
        },
      ),
    );

  db.command('reindex-names')
    .description('Rebuild the name-search index of every person (after the romanization rules change)')
    .action(() =>
      withDatabase({ databaseUrl: program.opts<GlobalOptions>().databaseUrl }, async ({ services, out }) => {
        const total = await services.persons.reindexAll((done) =>
          process.stderr.write(`\rreindexed ${done} persons`),
        );
        process.stderr.write('\n');
        out(`Rebuilt the name index of ${total} persons.`);
      }),
    );
}
