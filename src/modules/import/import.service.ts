import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Db } from '../../db/database.js';
import type { RecordServices as Services } from '../../app.js';
import { decodeText } from '../../ingest/import/encoding.js';
import { type ColumnMapping, guessMapping } from '../../ingest/import/mapping.js';
import { interpretTable } from '../../ingest/import/rows.js';
import { readCsv, readXlsx, type SheetTable } from '../../ingest/import/table.js';
import { AppError, type ErrorIssue, isAppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { parseInput } from '../../lib/validation.js';
import { giveReasonForTransaction, recordRevision } from '../history/history.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import { inTransaction } from '../shared/transaction.js';
import type { Viewer } from '../user/access.js';
import { applyExportDocument, readExportDocument } from './import.json.js';
import {
  insertImport,
  selectImportsBySha256,
  selectMapping,
  selectMappings,
  upsertMapping,
} from './import.repository.js';
import {
  columnMappingSchema,
  IMPORT_OUTCOMES,
  type ImportCounts,
  type ImportFormat,
  type ImportMappingRecord,
  type ImportOptionsInput,
  importOptionsSchema,
  type ImportReport,
  type ImportRowReport,
} from './import.schema.js';
import { applySheetRows } from './import.sheet.js';

export interface ImportServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  /** The services of the same viewer, built on the import's transaction. */
  servicesOn: (db: Db) => Services;
  maxBytes: number;
}

export interface ImportFile {
  name: string;
  bytes: Buffer;
}

/** Thrown inside the transaction to roll it back while keeping the report (dry runs, refusals). */
class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('rolled back');
  }
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;

export function formatOf(fileName: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const extension = extname(fileName).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.json') return 'json';
  throw new AppError('validation_failed', `cannot tell the format of "${fileName}": give csv, xlsx or json`, [
    { path: 'format', message: 'unknown file type' },
  ]);
}

/** size is null when an upload was cut off at the limit, so its full size is unknown. */
export function tooLarge(size: number | null, maxBytes: number): AppError {
  return new AppError(
    'validation_failed',
    `the file is ${size === null ? 'too large' : sizeText(size)}; imports take at most ${sizeText(maxBytes)} (UNFREE_IMPORT_MAX_BYTES): split the list into smaller files`,
    [{ path: 'file', message: 'too large' }],
  );
}

function countOutcomes(rows: readonly ImportRowReport[]): ImportCounts {
  const counts = Object.fromEntries(IMPORT_OUTCOMES.map((outcome) => [outcome, 0])) as ImportCounts;
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/** The refusal of a real run: the report's problems and rejected rows as issues, one each. */
function refusal(report: ImportReport): AppError {
  const rejected = report.rows.filter((row) => row.outcome === 'reject');
  const issues: ErrorIssue[] = [
    ...report.problems.map((message) => ({ path: 'file', message })),
    ...rejected.flatMap((row) =>
      (row.messages.length ? row.messages : ['rejected']).map((message) => ({
        path: `${row.entity === 'person' ? 'line' : row.entity} ${row.line}`,
        message,
      })),
    ),
  ];
  const summary = [
    ...report.problems,
    rejected.length ? `${rejected.length} of ${report.rows.length} rows rejected` : '',
  ].filter(Boolean);
  return new AppError(
    'validation_failed',
    `the import was refused and nothing was written: ${summary.join('; ')} (run it with --dry-run / ?dryRun=true for the full report)`,
    issues,
  );
}

export function createImportService(deps: ImportServiceDeps) {
  async function mappingNamed(name: string): Promise<ColumnMapping> {
    const row = await selectMapping(deps.db, name);
    if (!row) throw notFound('import mapping', name);
    return parseInput(columnMappingSchema, JSON.parse(row.mapping), 'saved mapping');
  }

  async function execute(
    file: ImportFile,
    input: ImportOptionsInput,
    dryRun: boolean,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    const options = parseInput(importOptionsSchema, input, 'import options');
    if (file.bytes.length > deps.maxBytes) throw tooLarge(file.bytes.length, deps.maxBytes);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const report: ImportReport = {
      importId: null,
      dryRun,
      committed: false,
      fileName: file.name,
      sha256,
      format: formatOf(file.name, options.format),
      encoding: null,
      delimiter: null,
      mappingName: options.mapping ?? null,
      columns: null,
      problems: [],
      warnings: [],
      counts: countOutcomes([]),
      rows: [],
    };
    for (const earlier of await selectImportsBySha256(deps.db, sha256)) {
      report.warnings.push(
        `this file was imported before, at ${earlier.createdAt} (import ${earlier.id}): rows already stored stay unchanged`,
      );
    }
    let apply: ((services: Services) => Promise<ImportRowReport[]>) | null = null;
    try {
      if (report.format === 'json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(decodeText(file.bytes, 'utf8').text);
        } catch (error) {
          if (isAppError(error)) throw error;
          throw new AppError('validation_failed', `the file is not valid JSON: ${(error as Error).message}`);
        }
        const document = readExportDocument(parsed);
        apply = (services) => applyExportDocument(services, document);
      } else {
        let table: SheetTable;
        if (report.format === 'csv') {
          const decoded = decodeText(file.bytes, options.encoding);
          report.encoding = decoded.encoding;
          if (decoded.detected && decoded.encoding === 'cp1251')
            report.warnings.push('read as Windows-1251 (detected)');
          table = readCsv(decoded.text);
          report.delimiter = table.delimiter;
        } else {
          table = await readXlsx(file.bytes);
        }
        const columns =
          options.columns ??
          (options.mapping ? await mappingNamed(options.mapping) : guessMapping(table.headers));
        report.columns = columns;
        const interpretation = interpretTable(table, columns);
        if (interpretation.unmappedColumns.length > 0) {
          report.problems.push(
            `columns not in the mapping: ${interpretation.unmappedColumns.map((column) => `"${column}"`).join(', ')}; map each to a field, or to null to ignore it`,
          );
        }
        for (const column of interpretation.absentColumns)
          report.warnings.push(`the mapping's column "${column}" is not in this file`);
        apply = (services) =>
          applySheetRows(
            { services, options, articleIds: new Map(), facilityIds: null, onProgress },
            interpretation.rows,
          );
      }
    } catch (error) {
      if (!isAppError(error) || error.code === 'internal') throw error;
      report.problems.push(error.message);
    }
    if (!apply) {
      if (dryRun) return report;
      throw refusal(report);
    }
    const run = apply;
    const importId = newId();
    try {
      return await inTransaction(deps.db, async (trx) => {
        giveReasonForTransaction(trx, `import ${importId} of ${file.name} (sha256 ${sha256})`);
        report.rows = await run(deps.servicesOn(trx));
        report.counts = countOutcomes(report.rows);
        if (dryRun || report.problems.length > 0 || report.counts.reject > 0) throw new RollBack(report);
        const changed = report.counts.create + report.counts.update + report.counts.merge > 0;
        // Importing the same file again changes nothing: not even a new entry in the list of imports.
        if (changed) {
          const now = timestamp(deps.clock);
          const entry = {
            sha256,
            fileName: file.name,
            format: report.format,
            mappingName: options.saveMapping ?? options.mapping ?? null,
            mapping: report.columns ? JSON.stringify(report.columns) : null,
            counts: JSON.stringify(report.counts),
          };
          await insertImport(trx, {
            id: importId,
            ...entry,
            actor: deps.viewer.user?.id ?? 'public',
            createdAt: now,
          });
          await recordRevision(trx, deps.viewer, deps.clock, {
            entity: 'import',
            recordId: importId,
            action: 'create',
            before: null,
            after: entry,
          });
          report.importId = importId;
        }
        if (options.saveMapping && report.columns)
          await saveMappingIn(trx, options.saveMapping, report.columns);
        report.committed = true;
        return report;
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      if (dryRun) return error.report;
      throw refusal(error.report);
    }
  }

  async function saveMappingIn(db: Db, name: string, columns: ColumnMapping): Promise<void> {
    const now = timestamp(deps.clock);
    await upsertMapping(db, { name, mapping: JSON.stringify(columns), createdAt: now, updatedAt: now });
  }

  return {
    /** What the import would do, row by row and cell by cell; writes nothing. */
    dryRun: (
      file: ImportFile,
      options: ImportOptionsInput = {},
      onProgress?: (done: number, total: number) => void,
    ) => execute(file, options, true, onProgress),

    /** The import, in one transaction: every row, or (on any problem) nothing and a validation error. */
    run: (
      file: ImportFile,
      options: ImportOptionsInput = {},
      onProgress?: (done: number, total: number) => void,
    ) => execute(file, options, false, onProgress),

    async mappings(): Promise<ImportMappingRecord[]> {
      return (await selectMappings(deps.db)).map((row) => ({
        name: row.name,
        columns: parseInput(columnMappingSchema, JSON.parse(row.mapping), 'saved mapping'),
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      }));
    },

    async saveMapping(name: string, columns: ColumnMapping): Promise<ImportMappingRecord> {
      await saveMappingIn(deps.db, name, parseInput(columnMappingSchema, columns, 'mapping'));
      const saved = (await this.mappings()).find((mapping) => mapping.name === name);
      if (!saved) throw notFound('import mapping', name);
      return saved;
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
