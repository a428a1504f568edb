import type { Command } from 'commander';
import { backupTo, restoreFrom } from '../../modules/backup/backup.service.js';
import { type GlobalOptions, withDatabase } from '../context.js';

const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);

export function registerBackupCommands(program: Command): void {
  const databaseUrl = () => program.opts<GlobalOptions>().databaseUrl;
  program
    .command('backup <file>')
    .description(
      'Write a consistent backup of every table (safe while the server runs; works on both databases)',
    )
    .action((file: string) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ database, out }) => {
        const counts = await backupTo(database.db, file);
        out(`Backed up ${total(counts)} rows of ${Object.keys(counts).length} tables to ${file}`);
      }),
    );
  program
    .command('restore <file>')
    .description('Restore a backup into an empty database, in one transaction (all or nothing)')
    .action((file: string) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ database, out }) => {
        const counts = await restoreFrom(database.db, file);
        out(`Restored ${total(counts)} rows from ${file}`);
      }),
    );
}
