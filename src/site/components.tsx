import type { ComponentChildren } from 'preact';
import type { ErrorIssue } from '../lib/errors.js';
import { formatCount, formatNumber, formatPartialDate } from './format.js';
import type { Messages } from './i18n.js';
import type { Locale } from './locale.js';
import type { Range } from '../stats/range.js';

export function PartialDate({ value, locale }: { value: string | null | undefined; locale: Locale }) {
  if (!value) return null;
  return <time dateTime={value}>{formatPartialDate(value, locale)}</time>;
}

/** A cell of a table of numbers: text, a number, or a range that partial dates leave open. */
export type Cell = string | number | Range | null;

export interface Column {
  label: string;
  /** Column name in the CSV download; a range gives two columns, _certain and _possible. */
  key: string;
}

export interface TableData {
  columns: Column[];
  rows: Cell[][];
}

const isRange = (cell: Cell): cell is Range => typeof cell === 'object' && cell !== null;

export function formatCell(cell: Cell, locale: Locale, t: Messages): string {
  if (cell === null) return t.none;
  if (typeof cell === 'number') return formatNumber(cell, locale, 2);
  if (isRange(cell))
    return formatCount(cell, locale, Number.isInteger(cell.min) && Number.isInteger(cell.max) ? 0 : 2);
  return cell;
}

export function DataTable({
  table,
  caption,
  locale,
  t,
}: {
  table: TableData;
  caption: string;
  locale: Locale;
  t: Messages;
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) =>
                column === 0 ? (
                  <th scope="row" key={column}>
                    {formatCell(cell, locale, t)}
                  </th>
                ) : (
                  <td key={column} class={typeof cell === 'string' ? undefined : 'num'}>
                    {formatCell(cell, locale, t)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A definition list of label → value, leaving out the empty ones. */
export function Facts({ items }: { items: [string, ComponentChildren][] }) {
  const shown = items.filter(
    ([, value]) => value !== null && value !== undefined && value !== '' && value !== false,
  );
  if (shown.length === 0) return null;
  return (
    <dl class="facts">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function triState(value: boolean | null | undefined, t: Messages): string {
  return value === true ? t.yes : value === false ? t.no : t.unknown;
}

/** What went wrong, in words and per field — never a stack trace (public site and editors alike). */
export function ErrorSection({
  title,
  text,
  issues,
  back,
}: {
  title: string;
  text: string;
  issues: readonly ErrorIssue[];
  back: { href: string; label: string };
}) {
  return (
    <section class="error">
      <h1>{title}</h1>
      <p>{text}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue.path}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </section>
  );
}
