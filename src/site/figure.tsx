import type { VNode } from 'preact';
import { Legend } from './charts/bar-chart.js';
import { type Cell, DataTable, type TableData } from './components.js';
import { toCsv } from './csv.js';
import type { Messages } from './i18n.js';
import type { Locale } from './locale.js';

/** A chart with the table of its numbers under it and a CSV download of the same numbers. */
export interface Figure {
  id: string;
  title: string;
  chart?: VNode | null;
  legend?: readonly string[];
  note?: string;
  /** The note's language when it is not the page's (texts computed by src/stats are English). */
  noteLang?: string;
  table: TableData;
}

export function FigureView({
  figure,
  csvHref,
  locale,
  t,
}: {
  figure: Figure;
  csvHref: string;
  locale: Locale;
  t: Messages;
}) {
  return (
    <section class="figure" aria-labelledby={`${figure.id}-heading`}>
      <h2 id={`${figure.id}-heading`}>{figure.title}</h2>
      {figure.chart}
      {figure.legend && figure.legend.length > 0 && <Legend labels={figure.legend} />}
      {figure.note && (
        <p class="note" lang={figure.noteLang}>
          {figure.note}
        </p>
      )}
      <DataTable table={figure.table} caption={`${t.stats.table}: ${figure.title}`} locale={locale} t={t} />
      <p class="download">
        <a href={csvHref} download>
          {t.stats.downloadCsv}
        </a>
      </p>
    </section>
  );
}

const isRange = (cell: Cell): cell is { min: number; max: number } =>
  typeof cell === 'object' && cell !== null;

/** The table as CSV: a range becomes two columns, <key>_certain and <key>_possible. */
export function tableCsv(table: TableData): string {
  const rangeColumns = table.columns.map((_, index) => table.rows.some((row) => isRange(row[index] ?? null)));
  const header = table.columns.flatMap((column, index) =>
    rangeColumns[index] ? [`${column.key}_certain`, `${column.key}_possible`] : [column.key],
  );
  const rows = table.rows.map((row) =>
    row.flatMap((cell, index) => {
      if (rangeColumns[index]) return isRange(cell) ? [cell.min, cell.max] : [cell, cell];
      return [isRange(cell) ? null : cell];
    }),
  );
  return toCsv(header, rows);
}
