import { readFileSync } from 'node:fs';
import { evaluate, readGallery, readQueries, type EvalReport } from './evaluate.js';

/**
 * `npm run eval:names`: measures name search on the evaluation set and prints a table per query
 * family, the duplicate-warning figures and every query that missed. Read-only.
 */

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function print(report: EvalReport): void {
  const rows = [...report.families, report.overall].map((f) => [
    f.family,
    String(f.queries),
    String(f.positives),
    f.positives ? percent(f.recallAt1) : '—',
    f.positives ? percent(f.recallAt5) : '—',
    f.positives ? f.mrr.toFixed(3) : '—',
  ]);
  const header = ['family', 'queries', 'positives', 'R@1', 'R@5', 'MRR'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log();
  console.log(`duplicate warning threshold        ${report.threshold}`);
  console.log(
    `false warnings (must-not-match)    ${report.falseWarnings} of ${report.negatives} (${percent(report.falseWarningRate)})`,
  );
  console.log(`highest must-not-match score       ${report.highestNegativeScore.toFixed(3)}`);
  console.log(`expected persons at/above threshold ${percent(report.recallAtThreshold)}`);
  console.log(`threshold keeping 95 % of them     ${report.thresholdFor95Recall.toFixed(3)}`);

  const misses = report.outcomes.filter((o) =>
    o.query.expected === null ? (o.top?.score ?? 0) >= report.threshold : o.rank !== 1,
  );
  if (misses.length > 0) {
    console.log('\nmisses and false warnings:');
    for (const miss of misses) {
      const found = miss.top
        ? `${miss.top.personId} ${miss.top.score.toFixed(3)} — ${miss.top.reason}`
        : 'nothing';
      const expected = miss.query.expected ?? '(nobody)';
      const retrieval = miss.query.expected !== null && !miss.retrieved ? ' [not retrieved]' : '';
      console.log(
        `  [${miss.query.family}] "${miss.query.query}" expected ${expected} rank ${miss.rank ?? '–'}${retrieval}; top ${found}`,
      );
    }
  }
}

const gallery = readGallery(readJson('./gallery.json'));
const queries = readQueries(readJson('./queries.json'), gallery);
const started = performance.now();
const report = evaluate(gallery, queries);
print(report);
console.log(
  `\n${queries.length} queries against ${gallery.length} persons in ${Math.round(performance.now() - started)} ms`,
);
