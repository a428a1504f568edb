import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ENCODINGS, type Encoding } from '../../ingest/import/encoding.js';
import { AppError, isAppError } from '../../lib/errors.js';
import { parseInput } from '../../lib/validation.js';
import {
  columnMappingSchema,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportReport,
} from '../../modules/import/import.schema.js';
import { tooLarge } from '../../modules/import/import.service.js';
import { type GlobalOptions, withDatabase } from '../context.js';

interface ImportFlags {
  mapping?: string;
  columns?: string;
  saveMapping?: string;
  dryRun?: boolean;
  encoding?: string;
  format?: string;
  visibility?: string;
  articleCode?: string;
  json?: boolean;
}

/** A one-line progress bar on stderr, only when a person is watching (a TTY). */
function progressBar(): { update: (done: number, total: number) => void; end: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, end: () => undefined };
  let shown = -1;
  return {
    update(done, total) {
      const percent = Math.floor((done / Math.max(total, 1)) * 100);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round(percent / 5);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${percent}% ${done}/${total} rows`,
      );
    },
    end: () => {
      if (shown >= 0) process.stderr.write('\n');
    },
  };
}

function printReport(report: ImportReport, out: (line: string) => void): void {
  out(
    `${report.fileName} (${report.format}${report.encoding ? `, ${report.encoding}` : ''}${report.delimiter ? `, delimiter ${JSON.stringify(report.delimiter)}` : ''}), sha256 ${report.sha256}`,
  );
  if (report.columns) {
    out('columns:');
    for (const [column, field] of Object.entries(report.columns))
      out(`  ${column} → ${field ?? '(ignored)'}`);
  }
  for (const problem of report.problems) out(`problem: ${problem}`);
  for (const warning of report.warnings) out(`warning: ${warning}`);
  for (const row of report.rows) {
    const label = row.entity === 'person' ? `line ${row.line}` : `${row.entity} ${row.line}`;
    const actions = row.actions.map(
      (action) =>
        `${action.entity} ${action.action}${action.fields.length ? ` (${action.fields.join(', ')})` : ''}`,
    );
    out(
      `${label}: ${row.outcome}${row.recordId ? ` ${row.recordId}` : ''}${actions.length ? ` — ${actions.join('; ')}` : ''}`,
    );
    for (const message of row.messages) out(`    ${message}`);
  }
  const counts = Object.entries(report.counts)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  out(
    `${report.dryRun ? 'Dry run, nothing written' : report.committed ? `Imported${report.importId ? ` as import ${report.importId}` : ' (nothing changed)'}` : 'Not imported'}: ${counts}.`,
  );
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description(
      'Import a spreadsheet (CSV, XLSX) or an unfree export (JSON) in one transaction: all rows or none',
    )
    .option('--dry-run', 'report per row and cell what would happen; write nothing')
    .option('--mapping <name>', 'use the column mapping saved under this name')
    .option('--columns <file>', 'a column mapping as JSON: {"Header": "field" | null}')
    .option('--save-mapping <name>', 'save the mapping used under this name (after a successful import)')
    .option(
      '--encoding <encoding>',
      `text encoding of a CSV (${ENCODINGS.join(', ')}); detected when left out`,
    )
    .option('--format <format>', `${IMPORT_FORMATS.join(', ')}; taken from the file name when left out`)
    .option('--visibility <level>', 'visibility of the records a spreadsheet creates (default internal)')
    .option('--article-code <code>', 'the code the article numbers belong to (default BY-CC)')
    .option('--json', 'print the full report as JSON')
    .action((file: string, flags: ImportFlags) =>
      withDatabase(
        { databaseUrl: program.opts<GlobalOptions>().databaseUrl },
        async ({ config, services, out }) => {
          const size = (await stat(file)).size;
          // Refused before reading: a 100 MB file never reaches memory.
          if (size > config.importMaxBytes) throw tooLarge(size, config.importMaxBytes);
          const bytes = await readFile(file);
          const columns = flags.columns
            ? parseInput(
                columnMappingSchema,
                JSON.parse(await readFile(flags.columns, 'utf8')),
                'column mapping',
              )
            : undefined;
          const options = {
            ...(flags.mapping ? { mapping: flags.mapping } : {}),
            ...(columns ? { columns } : {}),
            ...(flags.saveMapping ? { saveMapping: flags.saveMapping } : {}),
            ...(flags.encoding ? { encoding: flags.encoding as Encoding } : {}),
            ...(flags.format ? { format: flags.format as ImportFormat } : {}),
            ...(flags.visibility ? { visibility: flags.visibility as 'public' } : {}),
            ...(flags.articleCode ? { articleCode: flags.articleCode } : {}),
          };
          const bar = progressBar();
          const target = { name: basename(file), bytes };
          let report: ImportReport;
          try {
            report = flags.dryRun
              ? await services.imports.dryRun(target, options, bar.update)
              : await services.imports.run(target, options, bar.update);
          } catch (error) {
            bar.end();
            if (isAppError(error) && error.issues.length > 0) {
              for (const issue of error.issues.slice(0, 100))
                process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
              if (error.issues.length > 100)
                process.stderr.write(`  … and ${error.issues.length - 100} more\n`);
            }
            throw error;
          }
          bar.end();
          if (flags.json) out(JSON.stringify(report, null, 2));
          else printReport(report, out);
          if (report.problems.length > 0 || report.counts.reject > 0) {
            throw new AppError(
              'validation_failed',
              'the file has problems: an import would write nothing (see the report)',
            );
          }
        },
      ),
    );
}
