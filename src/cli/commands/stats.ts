import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import { type GlobalOptions, withDatabase } from '../context.js';

export function registerStatsCommands(program: Command): void {
  const stats = program.command('stats').description('Check the statistics kept on write');
  stats
    .command('verify')
    .description(
      'Recompute the stock from every episode and compare it with the per-day state the triggers keep',
    )
    .action(() =>
      withDatabase({ databaseUrl: program.opts<GlobalOptions>().databaseUrl }, async ({ services, out }) => {
        const report = await services.stats.verifyKeptStock();
        if (report.differences.length > 0) {
          for (const row of report.differences.slice(0, 20))
            out(
              `PROBLEM: ${row.day}: kept ${row.kept.min}/${row.kept.max}, recomputed ${row.recomputed.min}/${row.recomputed.max} (certain/possible change)`,
            );
          throw new AppError(
            'conflict',
            `the kept stock differs from a recomputation on ${report.differences.length} day(s)`,
          );
        }
        out(`Kept stock equals a recomputation from every episode on all ${report.days} days.`);
      }),
    );
}
