import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Db } from '../../db/database.js';
import type { RecordServices as Services } from '../../app.js';
import { decodeText } from '../../ingest/import/encoding.js';
import { type ColumnMapping, guessMapping } from '../../ingest/import/mapping.js';
import { addMessage, type ImportMessage, importMessage, plainMessage } from '../../ingest/import/messages.js';
import { interpretTable, type RowDraft } from '../../ingest/import/rows.js';
import { readCsv, readXlsx, type SheetTable } from '../../ingest/import/table.js';
import { AppError, type ErrorIssue, isAppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { parseInput } from '../../lib/validation.js';
import { giveReasonForTransaction, recordRevision } from '../history/history.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import { inTransaction } from '../shared/transaction.js';
import type { Viewer } from '../user/access.js';
import type { ExportDocument } from '../export/export.schema.js';
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
  type ImportDraft,
  type ImportMappingRecord,
  type ImportOptions,
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
function refusal(report: ImportReport, code: 'validation_failed' | 'rule_violated'): AppError {
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
    code,
    `the import was refused and nothing was written: ${summary.join('; ')} (run it with --dry-run / ?dryRun=true for the full report)`,
    issues,
  );
}

/** What a file says, once read and mapped: the report's head, and how to apply its records. */
interface ReadFile {
  report: ImportReport;
  options: ImportOptions;
  rows: readonly RowDraft[];
  document: ExportDocument | null;
  /** The file could not be read at all: nothing to apply, only the report's problems. */
  unreadable: boolean;
}

const warn = (report: ImportReport, message: ImportMessage) =>
  addMessage({ texts: report.warnings, details: report.warningDetails }, message);
const refuse = (report: ImportReport, message: ImportMessage) =>
  addMessage({ texts: report.problems, details: report.problemDetails }, message);

export function createImportService(deps: ImportServiceDeps) {
  async function mappingNamed(name: string): Promise<ColumnMapping> {
    const row = await selectMapping(deps.db, name);
    if (!row) throw notFound('import mapping', name);
    return parseInput(columnMappingSchema, JSON.parse(row.mapping), 'saved mapping');
  }

  function emptyReport(
    head: Omit<
      ImportReport,
      | 'counts'
      | 'rows'
      | 'importId'
      | 'committed'
      | 'problems'
      | 'warnings'
      | 'problemDetails'
      | 'warningDetails'
    >,
  ): ImportReport {
    return {
      importId: null,
      committed: false,
      counts: countOutcomes([]),
      rows: [],
      problems: [],
      problemDetails: [],
      warnings: [],
      warningDetails: [],
      ...head,
    };
  }

  async function warnIfImportedBefore(report: ImportReport): Promise<void> {
    for (const earlier of await selectImportsBySha256(deps.db, report.sha256)) {
      warn(report, importMessage('importedBefore', { at: earlier.createdAt, id: earlier.id }));
    }
  }

  async function read(file: ImportFile, input: ImportOptionsInput, dryRun: boolean): Promise<ReadFile> {
    const options = parseInput(importOptionsSchema, input, 'import options');
    if (file.bytes.length > deps.maxBytes) throw tooLarge(file.bytes.length, deps.maxBytes);
    const report = emptyReport({
      dryRun,
      fileName: file.name,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      format: formatOf(file.name, options.format),
      encoding: null,
      delimiter: null,
      mappingName: options.mapping ?? null,
      columns: null,
    });
    await warnIfImportedBefore(report);
    const contents: ReadFile = { report, options, rows: [], document: null, unreadable: false };
    try {
      if (report.format === 'json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(decodeText(file.bytes, 'utf8').text);
        } catch (error) {
          if (isAppError(error)) throw error;
          throw new AppError('validation_failed', `the file is not valid JSON: ${(error as Error).message}`);
        }
        contents.document = readExportDocument(parsed);
      } else {
        let table: SheetTable;
        if (report.format === 'csv') {
          const decoded = decodeText(file.bytes, options.encoding);
          report.encoding = decoded.encoding;
          if (decoded.detected && decoded.encoding === 'cp1251') warn(report, importMessage('readAsCp1251'));
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
          const columns = interpretation.unmappedColumns.map((column) => `"${column}"`).join(', ');
          refuse(report, importMessage('unmappedColumns', { columns }));
        }
        for (const column of interpretation.absentColumns)
          warn(report, importMessage('absentColumn', { column }));
        contents.rows = interpretation.rows;
      }
    } catch (error) {
      if (!isAppError(error) || error.code === 'internal') throw error;
      refuse(report, plainMessage(error.message));
      contents.unreadable = true;
    }
    return contents;
  }

  /**
   * Applies what was read in one transaction; a dry run, or any problem or rejected row, rolls it
   * back and keeps the report. A refusal is `refusedAs`: a bad file is 400, a draft that no
   * longer passes 422.
   */
  async function apply(
    file: ReadFile,
    onProgress?: (done: number, total: number) => void,
    draft?: { refused: 'rule_violated'; id?: string },
  ): Promise<ImportReport> {
    const refusedAs = draft?.refused ?? 'validation_failed';
    const fromDraft = draft?.id ? `, published from draft ${draft.id}` : '';
    const { report, options } = file;
    const dryRun = report.dryRun;
    if (file.unreadable) {
      if (dryRun) return report;
      throw refusal(report, refusedAs);
    }
    const document = file.document;
    const run = (services: Services) =>
      document
        ? applyExportDocument(services, document)
        : applySheetRows(
            { services, options, articleIds: new Map(), facilityIds: null, onProgress },
            file.rows,
          );
    const importId = newId();
    try {
      return await inTransaction(deps.db, async (trx) => {
        giveReasonForTransaction(
          trx,
          `import ${importId} of ${report.fileName} (sha256 ${report.sha256})${fromDraft}`,
        );
        report.rows = await run(deps.servicesOn(trx));
        report.counts = countOutcomes(report.rows);
        if (dryRun || report.problems.length > 0 || report.counts.reject > 0) throw new RollBack(report);
        const changed = report.counts.create + report.counts.update + report.counts.merge > 0;
        // Importing the same file again changes nothing: not even a new entry in the list of imports.
        if (changed) {
          const now = timestamp(deps.clock);
          const entry = {
            sha256: report.sha256,
            fileName: report.fileName,
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
            after: draft?.id ? { ...entry, draftId: draft.id } : entry,
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
      throw refusal(error.report, refusedAs);
    }
  }

  /** A draft read back: its rows as the sheet reader gave them, its options as given. */
  async function fromDraft(draft: ImportDraft, dryRun: boolean): Promise<ReadFile> {
    const options = parseInput(
      importOptionsSchema,
      {
        format: draft.format,
        mapping: draft.mappingName ?? undefined,
        saveMapping: draft.saveMapping ?? undefined,
        visibility: draft.visibility,
        articleCode: draft.articleCode,
      },
      'import options',
    );
    const report = emptyReport({
      dryRun,
      fileName: draft.fileName,
      sha256: draft.sha256,
      format: draft.format,
      encoding: draft.encoding,
      delimiter: draft.delimiter,
      mappingName: draft.mappingName,
      columns: draft.columns,
    });
    await warnIfImportedBefore(report);
    const rows = draft.rows.map((row): RowDraft => ({
      ...row,
      problems: [],
      fingerprint: JSON.stringify({ person: row.person, episode: row.episode, sourceUrls: row.sourceUrls }),
    }));
    return { report, options, rows, document: draft.document, unreadable: false };
  }

  /** What is kept of a file for its review: the rows as read and mapped, without ignored columns. */
  function draftOf(file: ReadFile, submitted: ImportReport): ImportDraft {
    const { report, options } = file;
    return {
      fileName: report.fileName,
      sha256: report.sha256,
      format: report.format,
      encoding: report.encoding,
      delimiter: report.delimiter,
      mappingName: report.mappingName,
      columns: report.columns,
      saveMapping: options.saveMapping ?? null,
      visibility: file.document ? 'public' : options.visibility,
      articleCode: options.articleCode,
      rows: file.rows.flatMap((row) =>
        row.person
          ? [
              {
                line: row.line,
                cells: row.cells.flatMap((cell) =>
                  cell.field ? [{ column: cell.column, field: cell.field, value: cell.value }] : [],
                ),
                person: row.person,
                episode: row.episode,
                sourceUrls: row.sourceUrls,
              },
            ]
          : [],
      ),
      document: file.document,
      submitted: submitted.counts,
      submittedOutcomes: submitted.rows.map((row) => row.outcome),
    };
  }

  async function saveMappingIn(db: Db, name: string, columns: ColumnMapping): Promise<void> {
    const now = timestamp(deps.clock);
    await upsertMapping(db, { name, mapping: JSON.stringify(columns), createdAt: now, updatedAt: now });
  }

  return {
    /** What the import would do, row by row and cell by cell; writes nothing. */
    dryRun: async (
      file: ImportFile,
      options: ImportOptionsInput = {},
      onProgress?: (done: number, total: number) => void,
    ) => apply(await read(file, options, true), onProgress),

    /** The import, in one transaction: every row, or (on any problem) nothing and a validation error. */
    run: async (
      file: ImportFile,
      options: ImportOptionsInput = {},
      onProgress?: (done: number, total: number) => void,
    ) => apply(await read(file, options, false), onProgress),

    /**
     * A file read for review instead of imported (an editor who may not publish): the draft to
     * keep, and its dry run. A file with any problem or rejected row is refused (422), as its
     * draft would be.
     */
    async prepareDraft(
      file: ImportFile,
      options: ImportOptionsInput = {},
    ): Promise<{ draft: ImportDraft; report: ImportReport }> {
      const contents = await read(file, options, true);
      const report = await apply(contents);
      if (report.problems.length > 0 || report.counts.reject > 0) throw refusal(report, 'rule_violated');
      return { draft: draftOf(contents, report), report };
    },

    /** A draft's dry run against the registry as it is now (its review). */
    dryRunDraft: async (draft: ImportDraft) => apply(await fromDraft(draft, true)),

    /**
     * A draft's import, joining the caller's transaction; 422 if a row is now rejected. Published
     * from a draft, the import's revisions name that draft.
     */
    runDraft: async (draft: ImportDraft, draftId?: string) =>
      apply(await fromDraft(draft, false), undefined, { refused: 'rule_violated', id: draftId }),

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
