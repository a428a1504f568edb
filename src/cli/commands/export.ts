import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import { exportJsonSchema } from '../../modules/export/export.schema.js';
import { type GlobalOptions, withDatabase } from '../context.js';

interface ExportFlags {
  format: string;
  out?: string;
  schema?: boolean;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export the public data (never internal, confidential or anonymous records) as open data')
    .option('--format <format>', 'json (unfree-export v1), csv (one file per table) or popolo', 'json')
    .option(
      '--out <path>',
      'file to write (json, popolo; default: standard output) or folder (csv, required)',
    )
    .option('--schema', 'print the JSON Schema of the export format instead')
    .action((flags: ExportFlags) =>
      withDatabase({ databaseUrl: program.opts<GlobalOptions>().databaseUrl }, async ({ services, out }) => {
        const write = async (text: string) => {
          if (flags.out) await writeFile(flags.out, text, 'utf8');
          else process.stdout.write(text);
        };
        if (flags.schema) return write(`${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
        switch (flags.format) {
          case 'json':
            return write(`${JSON.stringify(await services.exports.document(), null, 2)}\n`);
          case 'popolo':
            return write(`${JSON.stringify(await services.exports.popolo(), null, 2)}\n`);
          case 'csv': {
            if (!flags.out)
              throw new AppError(
                'validation_failed',
                'a CSV export is one file per table: give a folder with --out',
              );
            await mkdir(flags.out, { recursive: true });
            const tables = await services.exports.csv();
            for (const { table, text } of tables)
              await writeFile(join(flags.out, `${table.name}.csv`), text, 'utf8');
            out(`Wrote ${tables.length} CSV files to ${flags.out}`);
            return;
          }
          default:
            throw new AppError(
              'validation_failed',
              `unknown format "${flags.format}": use json, csv or popolo`,
              [{ path: 'format', message: 'must be json, csv or popolo' }],
            );
        }
      }),
    );
}
