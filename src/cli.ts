import { Command } from 'commander';
import { registerDbCommands } from './cli/commands/db.js';
import { registerPersonCommands } from './cli/commands/person.js';
import { registerSearchCommand } from './cli/commands/search.js';
import { registerServeCommand } from './cli/commands/serve.js';

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
  return program;
}

await buildProgram().parseAsync(process.argv);
