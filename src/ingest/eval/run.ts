import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../../app.js';
import { openDatabase } from '../../db/dialect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { linkName } from '../../modules/proposal/proposal.service.js';
import { readArticle } from '../article.js';
import { extractFacts } from '../extract.js';
import { evaluateExtraction, linkAccuracy, longArticle, readEvalSet, readGallery } from './evaluate.js';
import { loadGallery } from './load-gallery.js';

/**
 * `npm run eval:ingest`: extraction quality per kind, date exactness, name-link accuracy through
 * the real cross-script search (a throw-away SQLite file holding the gallery), and timings.
 */
const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const articles = readEvalSet(readJson('./articles.json'));
const gallery = readGallery(readJson('./gallery.json'));
// Timed first, before the evaluation has read (and cached) any of the names it repeats.
const long = longArticle(articles, 5000);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const extracted = extractFacts(
  readArticle(long, { published: '2025-12-13', timeZone: 'Europe/Minsk', today: '2025-12-13' }),
);
const longWall = performance.now() - started;
const longCpu = process.cpuUsage(cpuStarted).user / 1000;
const report = evaluateExtraction(articles);
// And once more, warm: what every later article costs a running server.
const warmStarted = performance.now();
const warmCpuStarted = process.cpuUsage();
extractFacts(readArticle(long, { published: '2025-12-13', timeZone: 'Europe/Minsk', today: '2025-12-13' }));
const warmWall = performance.now() - warmStarted;
const warmCpu = process.cpuUsage(warmCpuStarted).user / 1000;

const file = join(tmpdir(), `unfree-eval-ingest-${process.pid}.db`);
const database = openDatabase(`sqlite:${file}`);
try {
  await migrateToLatest(database.db);
  const services = buildServices(database.db);
  const keys = await loadGallery(services.persons, gallery);
  const links = await linkAccuracy(report, async (mention) => {
    const linked = await linkName(services, mention.person);
    return linked ? (keys.get(linked.personId) ?? null) : null;
  });

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${articles.length} articles\n`);
  console.log('kind               expected  found  matched  precision  recall');
  for (const k of report.kinds) {
    console.log(
      `${k.kind.padEnd(18)} ${String(k.expected).padStart(8)} ${String(k.found).padStart(6)} ${String(k.matched).padStart(8)} ${k.precision.toFixed(3).padStart(10)} ${k.recall.toFixed(3).padStart(7)}`,
    );
  }
  console.log(
    `\ndates exact to the labelled day/month  ${report.datesExact} of ${report.datesChecked} (${pct(report.datesExact / Math.max(1, report.datesChecked))})`,
  );
  console.log(
    `names linked right                     ${links.right} of ${links.labelled} (${pct(links.accuracy)})`,
  );
  console.log(`time per article (extraction)          ${report.millisecondsPerArticle.toFixed(2)} ms`);
  console.log(
    `5,000-word article                     ${longWall.toFixed(0)} ms wall, ${longCpu.toFixed(0)} ms CPU cold (${long.split(/\s+/).length} words, ${extracted.length} extractions); ${warmWall.toFixed(0)} ms wall, ${warmCpu.toFixed(0)} ms CPU warm`,
  );
  console.log(
    `load average                           ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}`,
  );
  if (report.misses.length > 0) {
    console.log('\nmisses:');
    for (const miss of report.misses)
      console.log(`  [${miss.article}] ${miss.kind} ${miss.what}: ${miss.detail}`);
  }
  for (const line of links.wrong) console.log(`  link wrong: ${line}`);
  for (const line of links.unlabelled) console.log(`  unlabelled mention: ${line}`);

  const unseen = evaluateExtraction(readEvalSet(readJson('./unseen.json')));
  const unseenLinks = await linkAccuracy(unseen, async (mention) => {
    const linked = await linkName(services, mention.person);
    return linked ? (keys.get(linked.personId) ?? null) : null;
  });
  console.log(`\nheld-out articles (unseen.json, never tuned on): ${unseen.mentions.length} mentions`);
  for (const k of unseen.kinds) {
    console.log(
      `  ${k.kind.padEnd(18)} expected ${k.expected}  found ${k.found}  matched ${k.matched}  precision ${k.precision.toFixed(3)}  recall ${k.recall.toFixed(3)}`,
    );
  }
  console.log(
    `  dates exact ${unseen.datesExact} of ${unseen.datesChecked}; names linked right ${unseenLinks.right} of ${unseenLinks.labelled}`,
  );
  for (const miss of unseen.misses)
    console.log(`  [${miss.article}] ${miss.kind} ${miss.what}: ${miss.detail}`);
  for (const line of unseenLinks.wrong) console.log(`  link wrong: ${line}`);
} finally {
  await database.close();
  for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
}
