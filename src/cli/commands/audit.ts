import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import { type GlobalOptions, withDatabase } from '../context.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Check the tamper-evident history');
  audit
    .command('verify')
    .description('Walk the hash chain of every revision; any edit or deletion of history is reported')
    .action(() =>
      withDatabase({ databaseUrl: program.opts<GlobalOptions>().databaseUrl }, async ({ services, out }) => {
        const report = await services.history.verify((checked) =>
          process.stderr.write(`\rchecked ${checked} revisions`),
        );
        process.stderr.write('\n');
        if (!report.ok) {
          for (const problem of report.problems) out(`PROBLEM: ${problem}`);
          throw new AppError(
            'conflict',
            `history is not intact: ${report.problems.length} problem(s) in ${report.checked} revisions`,
          );
        }
        out(`History intact: ${report.checked} revisions, each chained to the one before.`);
      }),
    );
}
