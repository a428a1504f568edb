import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets a
 * leading apostrophe (CSV injection). Numbers are numbers, not formulas, and stay as they are.
 */
export function defuseCell(value: string | number | boolean | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return stringify(
    rows.map((row) => row.map(defuseCell)),
    { header: true, columns: header.map((name) => String(defuseCell(name))) },
  );
}
