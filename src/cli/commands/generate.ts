import type { Command } from 'commander';
import type { Services } from '../../app.js';
import { AppError } from '../../lib/errors.js';
import { readDemoDataset } from '../../modules/demo/demo.service.js';
import { personFilterSchema } from '../../modules/person/person.schema.js';
import { sourceFilterSchema } from '../../modules/source/source.schema.js';
import { SYNTHETIC_OCCUPATION, syntheticRegistry } from '../../synthetic/registry.js';
import { type GlobalOptions, withDatabase } from '../context.js';
import { refreshPlannerStatistics } from '../../db/maintenance.js';

/** What the database already holds, to refuse mixing synthetic persons into real data. */
async function existingContents(
  services: Services,
): Promise<{ demo: boolean; persons: number; synthetic: number }> {
  const dataset = await readDemoDataset();
  const demoUrls = dataset.sources.flatMap((source) => (source.url ? [source.url] : [])).slice(0, 5);
  let demo = false;
  for (const url of demoUrls) {
    if ((await services.sources.find(sourceFilterSchema.parse({ url, limit: 1 }))).total > 0) demo = true;
  }
  const persons = await services.persons.count();
  const synthetic = (
    await services.persons.find(personFilterSchema.parse({ occupation: SYNTHETIC_OCCUPATION, limit: 1 }))
  ).total;
  return { demo, persons, synthetic };
}

function positiveInteger(name: string) {
  return (raw: string): number => {
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < 1)
      throw new AppError('validation_failed', `${name} must be a whole number ≥ 1, got ${raw}`);
    return value;
  };
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'Fill a database with a SYNTHETIC registry for benchmarks (invented persons marked "synthetic"; ' +
        'deterministic for a seed; refuses a database that holds data unless --force, and the demo dataset always)',
    )
    .requiredOption('--persons <n>', 'how many synthetic persons', positiveInteger('--persons'))
    .option('--seed <n>', 'seed of the generator: same seed, same registry', positiveInteger('--seed'), 1)
    .option('--today <day>', 'no generated date falls after this day', '2026-11-30')
    .option('--chunk <n>', 'persons per round of INSERTs', positiveInteger('--chunk'), 1000)
    .option('--force', 'add to a database that already holds other (non-demo) data')
    .action((options: { persons: number; seed: number; today: string; chunk: number; force?: boolean }) =>
      withDatabase(
        { databaseUrl: program.opts<GlobalOptions>().databaseUrl },
        async ({ database, services, out }) => {
          const contents = await existingContents(services);
          if (contents.demo) {
            throw new AppError(
              'conflict',
              'the database holds the demo dataset of real cases; generate synthetic data into another database',
            );
          }
          if (contents.persons > 0 && !options.force) {
            const what = contents.synthetic === contents.persons ? 'synthetic persons' : 'persons';
            throw new AppError(
              'conflict',
              `the database already holds ${contents.persons} ${what}; use an empty database, or --force to add to it`,
            );
          }
          const { fixed, persons } = syntheticRegistry({
            persons: options.persons,
            seed: options.seed,
            today: options.today,
          });
          const started = performance.now();
          const report = await services.bulk.load(
            { fixed, persons },
            {
              chunk: options.chunk,
              onProgress: (done) => process.stderr.write(`\rgenerated ${done} of ${options.persons} persons`),
            },
          );
          process.stderr.write('\n');
          await refreshPlannerStatistics(database.db);
          const seconds = (performance.now() - started) / 1000;
          const rows = Object.values(report.rows).reduce((sum, count) => sum + count, 0);
          out(
            `Generated ${report.persons} synthetic persons (seed ${options.seed}): ${report.rows.episodes ?? 0} episodes, ` +
              `${rows} rows and ${report.revisions} history revisions in ${seconds.toFixed(1)} s.`,
          );
        },
      ),
    );
}
