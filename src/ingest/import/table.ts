import { CsvError, parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { AppError } from '../../lib/errors.js';

/** A spreadsheet as read from a file: a header row, then rows of text cells with their line numbers. */
export interface SheetTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
  /** For CSV: the delimiter found; for XLSX: null. */
  delimiter: string | null;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits the header line into the most cells (quoted text not counted). */
export function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = -1;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

function fromRows(rows: { line: number; cells: string[] }[], delimiter: string | null): SheetTable {
  const [header, ...body] = rows;
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    throw new AppError('validation_failed', 'the file is empty: the first row must name the columns', [
      { path: 'file', message: 'no header row' },
    ]);
  }
  const headers = header.cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  for (const name of headers) {
    if (name !== '' && seen.has(name)) {
      throw new AppError('validation_failed', `the column "${name}" appears twice in the header row`, [
        { path: `columns.${name}`, message: 'duplicate column' },
      ]);
    }
    seen.add(name);
  }
  return {
    headers,
    rows: body.filter((row) => row.cells.some((cell) => cell.trim() !== '')),
    delimiter,
  };
}

export function readCsv(text: string): SheetTable {
  const delimiter = detectDelimiter(text);
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      // A quote inside an unquoted cell (=HYPERLINK("…") typed by hand) is text, not a syntax error.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return fromRows(
      records.map(({ record, info }) => ({ line: info.lines, cells: record })),
      delimiter,
    );
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError('validation_failed', `the CSV cannot be read: ${error.message}`, [
        { path: 'file', message: error.code },
      ]);
    }
    throw error;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Dates typed as dates in Excel come back as Date objects: a day, precision kept as a day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The first sheet of an XLSX workbook; formulas arrive as their computed values. */
export async function readXlsx(bytes: Buffer): Promise<SheetTable> {
  let data: unknown[][];
  try {
    data = await readSheet(bytes);
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `the file is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`,
      [{ path: 'file', message: 'not XLSX' }],
    );
  }
  return fromRows(
    data.map((row, index) => ({ line: index + 1, cells: row.map(cellText) })),
    null,
  );
}
