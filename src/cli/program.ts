import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerDbCommands } from './commands/db.js';
import { registerIngestCommands } from './commands/ingest.js';
import { registerExportCommand } from './commands/export.js';
import { registerExportSiteCommand } from './commands/export-site.js';
import { registerImportCommand } from './commands/import.js';
import { registerGenerateCommand } from './commands/generate.js';
import { registerPersonCommands } from './commands/person.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStatsCommands } from './commands/stats.js';
import { registerUserCommands } from './commands/user.js';

/** The `unfree` command: one file per command under cli/commands/, each calling the services. */
export function buildProgram(): Command {
  const program = new Command('unfree')
    .description(
      'unfree — an open registry of political prisoners, their cases, and the deals that free them',
    )
    .option(
      '-d, --database-url <url>',
      'sqlite:<file> or postgres://… (env DATABASE_URL, default sqlite:./data/unfree.db)',
    )
    .showHelpAfterError();
  registerServeCommand(program);
  registerDbCommands(program);
  registerPersonCommands(program);
  registerSearchCommand(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerStatsCommands(program);
  registerBackupCommands(program);
  registerIngestCommands(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerExportSiteCommand(program);
  registerGenerateCommand(program);
  return program;
}
