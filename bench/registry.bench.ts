/**
 * The registry at scale: load rates, person page, filtered lists and statistics.
 *
 *   npx tsx bench/registry.bench.ts --persons 100000 [--dialect sqlite|postgres|both] [--seed 1]
 *        [--sample 1000] [--load-rounds 1] [--bulk-workers N] [--main-load bulk|raw] [--queries 200] [--stats-runs 5]
 *        [--old-stats auto|yes|no]
 *        [--pg-url postgres://…] [--out bench/results] [--keep]
 *   npx tsx bench/registry.bench.ts --database-url <an existing registry> [--sample 0] …
 *        (the reads and statistics on a registry made beforehand, e.g. by `unfree generate --persons
 *        1000000`; --persons is then only the label of the result file; --sample 0 skips step 1)
 *
 * For each dialect:
 * 1. Load paths compared on the same `--sample` persons, each into a fresh database: the one-by-one
 *    service path (persons.create, episodes.create… as the API and CLI do), the bulk service path
 *    (services.bulk.load: one transaction, batched, history recorded) and a raw batched INSERT of the
 *    very same rows (the physical limit; rows, name keys and revisions computed before the clock starts).
 *    `--load-rounds N` repeats the three N times, one after the other, and reports the round whose
 *    bulk share of raw is the median (all rounds listed): on a shared machine one round can land on
 *    a busy moment.
 * 2. The main registry of `--persons` persons, loaded with the bulk path (`--main-load raw` loads only
 *    the rows the reads below need, without name keys and history, for a million persons in minutes).
 * 3. Reads as the public sees them: person page (persons.get + its episodes), lists with filters, and
 *    the statistics of issue 6 (monthly stock series over 10 years, stock on one date), wall and CPU.
 *
 * Results: bench/results/registry-<dialect>-<persons>.json. See docs/benchmarks.md.
 */
import type { Kysely } from 'kysely';
import { buildServices } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { type DialectName, dialectOf } from '../src/db/dialect.js';
import {
  fixedRows,
  insertTableRows,
  personRows,
  type TableRows,
} from '../src/modules/bulk/bulk.repository.js';
import type { RegistryPerson } from '../src/modules/bulk/bulk.schema.js';
import { nameFormRowOf, nameKeyRowsOf } from '../src/modules/bulk/bulk.service.js';
import { episodeFilterSchema } from '../src/modules/episode/episode.schema.js';
import { actorOf, fieldDiff, revisionHash } from '../src/modules/history/history.service.js';
import { personFilterSchema } from '../src/modules/person/person.schema.js';
import { PUBLIC_VIEWER, SYSTEM_VIEWER } from '../src/modules/user/access.js';
import { canonicalJson } from '../src/lib/canonical-json.js';
import { stockOn, stockSeries } from '../src/stats/stock.js';
import { selectEpisodeFacts } from '../src/modules/stats/stats.repository.js';
import { mulberry32 } from '../src/synthetic/names.js';
import { syntheticRegistry } from '../src/synthetic/registry.js';
import {
  Args,
  type BenchDatabase,
  analyze,
  createBenchDatabase,
  openBenchDatabase,
  loadAverage,
  log,
  machine,
  repeat,
  round,
  timed,
  writeResult,
} from './support.js';

const TODAY = '2026-11-30';
const SERIES_WINDOW = { from: '2016-12-01', to: TODAY };
const STOCK_DAY = '2024-06-30';
const clock = () => new Date(`${TODAY}T12:00:00.000Z`);
const TABLES: (keyof Database)[] = [
  'persons',
  'personNames',
  'personOccupations',
  'personTies',
  'nameKeys',
  'legalArticles',
  'facilities',
  'releaseBatches',
  'episodes',
  'episodeCharges',
  'facilityStays',
  'releases',
  'conditionEvents',
  'recognitions',
  'revisions',
];

export interface RegistryBenchOptions {
  persons: number;
  dialects: DialectName[];
  seed: number;
  sample: number;
  /** Times the load paths are compared; the median round is reported. */
  loadRounds: number;
  mainLoad: 'bulk' | 'raw';
  /** Worker threads of the bulk path (undefined: its default). */
  bulkWorkers?: number | undefined;
  queries: number;
  statsRuns: number;
  oldStats: boolean;
  pgUrl: string;
  out?: string | undefined;
  keep: boolean;
  /** An existing registry to read instead of loading one (its dialect replaces --dialect). */
  databaseUrl?: string | undefined;
}

async function countRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const rate = (rows: number, ms: number) => round(rows / (ms / 1000), 0);

const total = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

// ---------------------------------------------------------------- load paths

/** The one-by-one path: every record through its module's create, as the API and CLI write. */
async function loadThroughServices(db: Kysely<Database>, persons: number, seed: number): Promise<void> {
  const services = buildServices(db, clock);
  const { fixed, persons: stream } = syntheticRegistry({ persons, seed, today: TODAY });
  const ids = new Map<string, string>();
  for (const article of fixed.articles) {
    const { id, ...input } = article;
    ids.set(id, (await services.legalArticles.create(input)).id);
  }
  for (const facility of fixed.facilities) {
    const { id, ...input } = facility;
    ids.set(id, (await services.facilities.create(input)).id);
  }
  for (const batch of fixed.batches) {
    const { id, ...input } = batch;
    ids.set(id, (await services.batches.create(input)).id);
  }
  const mapped = (id: string): string => ids.get(id) ?? id;
  for (const person of stream) {
    const { id: _id, episodes, conditionEvents, recognitions, ...input } = person;
    const personId = (await services.persons.create(input)).id;
    const episodeIds = new Map<string, string>();
    for (const episode of episodes) {
      const { id, ...fields } = episode;
      const created = await services.episodes.create({
        ...fields,
        personId,
        charges: fields.charges.map((charge) => ({ ...charge, articleId: mapped(charge.articleId) })),
        facilityStays: fields.facilityStays.map((stay) => ({ ...stay, facilityId: mapped(stay.facilityId) })),
        release: fields.release && {
          ...fields.release,
          batchId: fields.release.batchId && mapped(fields.release.batchId),
        },
      });
      episodeIds.set(id, created.id);
    }
    for (const event of conditionEvents) {
      const { id: _event, ...fields } = event;
      await services.conditionEvents.create({
        ...fields,
        personId,
        episodeId: fields.episodeId ? (episodeIds.get(fields.episodeId) ?? null) : null,
      });
    }
    for (const recognition of recognitions) {
      const { id: _recognition, ...fields } = recognition;
      await services.recognitions.create({ ...fields, personId });
    }
  }
}

/** Revision rows chained exactly as recordRevisions chains them, for the raw INSERT to write. */
function revisionRows(
  changes: { entity: string; recordId: string; after: object }[],
  firstSeq: number,
  prevHash: string,
) {
  let previous = prevHash;
  const at = clock().toISOString();
  const actor = actorOf(SYSTEM_VIEWER);
  return changes.map((change, index) => {
    const content = {
      seq: firstSeq + index,
      at,
      actor,
      entity: change.entity,
      recordId: change.recordId,
      action: 'create',
      diff: canonicalJson(fieldDiff(null, change.after)),
      reason: null,
    };
    const hash = revisionHash(previous, content);
    const row = { ...content, prevHash: previous, hash };
    previous = hash;
    return row;
  });
}

function changesOf(fixed: ReturnType<typeof syntheticRegistry>['fixed'], persons: readonly RegistryPerson[]) {
  return [
    ...fixed.articles.map((after) => ({ entity: 'legal article', recordId: after.id, after })),
    ...fixed.facilities.map((after) => ({ entity: 'facility', recordId: after.id, after })),
    ...fixed.batches.map((after) => ({ entity: 'batch', recordId: after.id, after })),
    ...persons.flatMap((person) => {
      const { episodes, conditionEvents, recognitions, ...fields } = person;
      return [
        { entity: 'person', recordId: person.id, after: fields },
        ...episodes.map((after) => ({
          entity: 'episode',
          recordId: after.id,
          after: { ...after, personId: person.id },
        })),
        ...conditionEvents.map((after) => ({
          entity: 'condition event',
          recordId: after.id,
          after: { ...after, personId: person.id },
        })),
        ...recognitions.map((after) => ({
          entity: 'recognition',
          recordId: after.id,
          after: { ...after, personId: person.id },
        })),
      ];
    }),
  ];
}

/** Multi-row INSERTs of rows prepared beforehand, 1000 persons per statement round, one transaction. */
async function loadRaw(db: Kysely<Database>, chunks: readonly TableRows[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const rows of chunks) await insertTableRows(trx, rows);
  });
}

/** The raw INSERT of the sample: rows, name keys and revisions prepared before timing. */
async function timeRawLoad(
  dialect: DialectName,
  options: RegistryBenchOptions,
  persons: number,
  now: string,
) {
  const { fixed, persons: stream } = syntheticRegistry({ persons, seed: options.seed, today: TODAY });
  const all = [...stream];
  const chunks: TableRows[] = [fixedRows(fixed, now)];
  for (let start = 0; start < all.length; start += 1000) {
    const slice = all.slice(start, start + 1000);
    chunks.push(
      personRows(
        slice,
        slice.flatMap((person) => nameKeyRowsOf(person)),
        slice.map((person) => nameFormRowOf(person)),
        now,
      ),
    );
  }
  const rawDb = await createBenchDatabase(dialect, options.pgUrl, 'raw');
  try {
    const revisions = revisionRows(changesOf(fixed, all), 1, '0'.repeat(64));
    chunks.push({ revisions });
    const run = await timed(() => loadRaw(rawDb.db, chunks));
    const rows = await countRows(rawDb.db);
    return {
      ...run,
      value: undefined,
      rows: total(rows),
      rowsPerSecond: rate(total(rows), run.wallMs),
      rowsPerCpuSecond: rate(total(rows), run.cpuMs),
      tables: rows,
    };
  } finally {
    await rawDb.drop();
  }
}

async function compareLoadPaths(dialect: DialectName, options: RegistryBenchOptions) {
  const persons = Math.min(options.sample, options.persons);
  const now = clock().toISOString();
  const result: Record<string, unknown> = { persons };

  // Each path runs with only its own data alive: the raw path's rows, still held while the bulk path
  // ran, were the collector's to walk during the bulk path's time (its low rounds went with them).
  result.raw = await timeRawLoad(dialect, options, persons, now);

  const bulkDb = await createBenchDatabase(dialect, options.pgUrl, 'bulk');
  try {
    const services = buildServices(bulkDb.db, clock);
    // The same records in memory, as the raw INSERT has its rows: what an import holds once it has
    // read its file. Generating them lazily inside the clock charged the generator to the bulk path.
    const again = syntheticRegistry({ persons, seed: options.seed, today: TODAY });
    const input = { fixed: again.fixed, persons: [...again.persons] };
    const run = await timed(() => services.bulk.load(input, { workers: options.bulkWorkers }));
    const rows = await countRows(bulkDb.db);
    result.bulk = {
      workers: run.value.workers,
      wallMs: run.wallMs,
      cpuMs: run.cpuMs,
      rows: total(rows),
      rowsPerSecond: rate(total(rows), run.wallMs),
      rowsPerCpuSecond: rate(total(rows), run.cpuMs),
      personsPerSecond: rate(persons, run.wallMs),
      phasesMs: Object.fromEntries(
        Object.entries(run.value.phasesMs).map(([phase, ms]) => [phase, round(ms)]),
      ),
    };
  } finally {
    await bulkDb.drop();
  }

  const serviceDb = await createBenchDatabase(dialect, options.pgUrl, 'svc');
  try {
    const servicePersons = Math.max(1, Math.min(persons, Math.ceil(persons / 4)));
    const run = await timed(() => loadThroughServices(serviceDb.db, servicePersons, options.seed));
    const rows = await countRows(serviceDb.db);
    result.service = {
      persons: servicePersons,
      wallMs: run.wallMs,
      cpuMs: run.cpuMs,
      rows: total(rows),
      rowsPerSecond: rate(total(rows), run.wallMs),
      rowsPerCpuSecond: rate(total(rows), run.cpuMs),
      personsPerSecond: rate(servicePersons, run.wallMs),
    };
  } finally {
    await serviceDb.drop();
  }
  const raw = result.raw as { rowsPerSecond: number; rowsPerCpuSecond: number };
  const bulk = result.bulk as { rowsPerSecond: number; rowsPerCpuSecond: number };
  const service = result.service as { rowsPerSecond: number; rowsPerCpuSecond: number };
  result.shareOfRaw = {
    bulk: round(bulk.rowsPerSecond / raw.rowsPerSecond, 3),
    service: round(service.rowsPerSecond / raw.rowsPerSecond, 3),
    bulkCpu: round(bulk.rowsPerCpuSecond / raw.rowsPerCpuSecond, 3),
    serviceCpu: round(service.rowsPerCpuSecond / raw.rowsPerCpuSecond, 3),
  };
  result.loadAverage = loadAverage();
  return result;
}

/** compareLoadPaths `rounds` times; the median round by bulk share of raw, with every round's shares. */
async function compareLoadPathRounds(dialect: DialectName, options: RegistryBenchOptions) {
  const rounds: Awaited<ReturnType<typeof compareLoadPaths>>[] = [];
  for (let round = 0; round < options.loadRounds; round++) {
    rounds.push(await compareLoadPaths(dialect, options));
    log(`registry ${dialect}: load paths round ${round + 1}: ${JSON.stringify(rounds.at(-1)?.shareOfRaw)}`);
  }
  const share = (result: (typeof rounds)[number]) => (result.shareOfRaw as { bulk: number }).bulk;
  const sorted = [...rounds].sort((a, b) => share(a) - share(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('--load-rounds must be at least 1');
  return rounds.length === 1
    ? median
    : {
        ...median,
        rounds: rounds.map((result) => ({ shareOfRaw: result.shareOfRaw, loadAverage: result.loadAverage })),
      };
}

// ---------------------------------------------------------------- main registry

/** Loads the main registry; returns a sample of public, named person ids for the reads. */
async function loadMain(database: BenchDatabase, options: RegistryBenchOptions) {
  const { fixed, persons } = syntheticRegistry({
    persons: options.persons,
    seed: options.seed,
    today: TODAY,
  });
  const random = mulberry32(options.seed + 1);
  const picked: string[] = [];
  let seen = 0;
  function* sampled(): Generator<RegistryPerson> {
    for (const person of persons) {
      if (person.visibility === 'public' && !person.anonymous) {
        seen += 1;
        // Reservoir sample: every public person equally likely, whatever N.
        if (picked.length < options.queries) picked.push(person.id);
        else {
          const slot = Math.floor(random() * seen);
          if (slot < options.queries) picked[slot] = person.id;
        }
      }
      yield person;
    }
  }
  let lastReport = 0;
  const progress = (done: number) => {
    if (done - lastReport >= 50_000 || done === options.persons) {
      log(`  loaded ${done} of ${options.persons} persons`);
      lastReport = done;
    }
  };
  const run = await timed(async () => {
    if (options.mainLoad === 'bulk') {
      return buildServices(database.db, clock).bulk.load(
        { fixed, persons: sampled() },
        { onProgress: progress },
      );
    }
    const now = clock().toISOString();
    await database.db.transaction().execute(async (trx) => {
      await insertTableRows(trx, fixedRows(fixed, now));
      let batch: RegistryPerson[] = [];
      let done = 0;
      for (const person of sampled()) {
        batch.push(person);
        if (batch.length === 2000) {
          await insertTableRows(trx, personRows(batch, [], [], now));
          done += batch.length;
          progress(done);
          batch = [];
        }
      }
      await insertTableRows(trx, personRows(batch, [], [], now));
    });
    return null;
  });
  const analyzed = await timed(() => analyze(database.db));
  return { ids: picked, wallMs: run.wallMs, cpuMs: run.cpuMs, analyzeMs: analyzed.wallMs };
}

/** Public, named persons of a registry made beforehand, sampled with the seed. */
async function sampleExisting(database: BenchDatabase, options: RegistryBenchOptions) {
  const rows = await database.db
    .selectFrom('persons')
    .select('id')
    .where('visibility', '=', 'public')
    .where('anonymous', '=', 0)
    .orderBy('id')
    .execute();
  const random = mulberry32(options.seed + 1);
  const ids = rows.map((row) => row.id);
  for (let index = ids.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [ids[index], ids[other]] = [ids[other] as string, ids[index] as string];
  }
  return { ids: ids.slice(0, options.queries), wallMs: 0, cpuMs: 0, analyzeMs: 0 };
}

async function reads(database: BenchDatabase, ids: readonly string[], options: RegistryBenchOptions) {
  const services = buildServices(database.db, clock, { viewer: PUBLIC_VIEWER });
  const random = mulberry32(options.seed + 2);
  const personPage = await repeat(ids.length, async (index) => {
    const id = ids[index] as string;
    await services.persons.get(id);
    await services.episodes.find(episodeFilterSchema.parse({ personId: id }));
  });
  const filters = {
    held: { status: 'held' },
    womenOfARegion: { gender: 'female', region: 'Hrodna' },
    heldOnADay: { heldOn: STOCK_DAY },
    newestPage: { sort: '-createdAt', offset: 200 },
    tiesToACountry: { tieCountry: 'PL' },
  };
  const lists: Record<string, unknown> = {};
  const runs = Math.max(5, Math.round(options.queries / 10));
  for (const [name, filter] of Object.entries(filters)) {
    let totalFound = 0;
    const measured = await repeat(runs, async () => {
      const page = await services.persons.find(
        personFilterSchema.parse({ ...filter, limit: 20, offset: Math.floor(random() * 5) * 20 }),
      );
      totalFound = page.total;
    });
    lists[name] = { filter, total: totalFound, ...measured };
  }
  const articleList = await repeat(runs, () =>
    services.episodes.find(episodeFilterSchema.parse({ status: 'sentenced', limit: 20 })),
  );
  lists.episodesSentenced = articleList;
  return { personPage, lists };
}

async function statistics(database: BenchDatabase, options: RegistryBenchOptions) {
  const services = buildServices(database.db, clock, { viewer: PUBLIC_VIEWER });
  const episodes = Number(
    (
      await database.db
        .selectFrom('episodes')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let points = 0;
  let held: unknown = null;
  const series = await repeat(options.statsRuns, async () => {
    points = (await services.stats.series(SERIES_WINDOW, 'month')).points.length;
  });
  const stock = await repeat(options.statsRuns, async () => {
    held = (await services.stats.stockOn(STOCK_DAY)).held;
  });
  const result: Record<string, unknown> = {
    episodes,
    window: SERIES_WINDOW,
    monthlySeries: { points, ...series },
    stockOnDay: { day: STOCK_DAY, held, ...stock },
    targetMs: 1000,
  };
  if (options.oldStats) {
    // The path before this change: every episode loaded as a fact, then stats/stock.ts in memory.
    const old = await timed(async () => {
      const facts = await selectEpisodeFacts(database.db);
      return {
        series: stockSeries(facts, SERIES_WINDOW.from, SERIES_WINDOW.to, 'month').length,
        held: stockOn(facts, STOCK_DAY),
      };
    });
    result.inMemoryBaseline = {
      wallMs: old.wallMs,
      cpuMs: old.cpuMs,
      sameStock: JSON.stringify(old.value.held) === JSON.stringify(held),
    };
  }
  return result;
}

export async function runRegistryBench(
  options: RegistryBenchOptions,
): Promise<{ paths: string[]; kept: string[] }> {
  const paths: string[] = [];
  const kept: string[] = [];
  for (const dialect of options.dialects) {
    log(
      `registry ${dialect} ${options.persons}: load paths on ${Math.min(options.sample, options.persons)} persons`,
    );
    const result: Record<string, unknown> = {
      benchmark: 'registry',
      dialect,
      machine: machine(),
      parameters: { ...options, dialects: undefined, pgUrl: undefined },
    };
    if (options.sample > 0) result.loadPaths = await compareLoadPathRounds(dialect, options);
    const database = options.databaseUrl
      ? await openBenchDatabase(options.databaseUrl)
      : await createBenchDatabase(dialect, options.pgUrl, 'main');
    try {
      log(
        `registry ${dialect} ${options.persons}: main registry (${options.databaseUrl ? 'existing' : options.mainLoad})`,
      );
      const loaded = options.databaseUrl
        ? await sampleExisting(database, options)
        : await loadMain(database, options);
      const counts = await countRows(database.db);
      result.mainLoad = {
        path: options.databaseUrl ? 'existing' : options.mainLoad,
        wallMs: loaded.wallMs,
        cpuMs: loaded.cpuMs,
        analyzeMs: loaded.analyzeMs,
        rows: total(counts),
        rowsPerSecond: loaded.wallMs > 0 ? round(total(counts) / (loaded.wallMs / 1000), 0) : null,
        tables: counts,
        databaseSizeMiB: round((await database.sizeBytes()) / 2 ** 20, 1),
      };
      log(`registry ${dialect} ${options.persons}: reads`);
      result.reads = await reads(database, loaded.ids, options);
      log(`registry ${dialect} ${options.persons}: statistics`);
      result.stats = await statistics(database, options);
      result.benchProcessMaxRssMiB = round(process.resourceUsage().maxRSS / 1024, 1);
      result.loadAverageAtEnd = loadAverage();
      if (options.keep) {
        result.keptDatabaseUrl = database.url;
        kept.push(database.url);
      }
      paths.push(writeResult('registry', dialect, options.persons, result, options.out));
      log(`registry ${dialect} ${options.persons}: wrote ${paths[paths.length - 1]}`);
    } finally {
      if (options.keep) await database.close();
      else await database.drop();
    }
  }
  return { paths, kept };
}

export function registryOptions(args: Args): RegistryBenchOptions {
  const persons = args.int('persons', 10_000);
  const databaseUrl = args.value('database-url');
  const mainLoad = args.value('main-load') ?? 'bulk';
  if (mainLoad !== 'bulk' && mainLoad !== 'raw') throw new Error('--main-load must be bulk or raw');
  const oldStats = args.value('old-stats') ?? 'auto';
  return {
    persons,
    dialects: databaseUrl ? [dialectOf(databaseUrl)] : args.dialects(),
    seed: args.int('seed', 1),
    sample: args.int('sample', 1000),
    loadRounds: args.int('load-rounds', 1),
    bulkWorkers: args.value('bulk-workers') === undefined ? undefined : args.int('bulk-workers', 0),
    mainLoad,
    queries: args.int('queries', 200),
    statsRuns: args.int('stats-runs', 5),
    oldStats: oldStats === 'yes' || (oldStats === 'auto' && persons <= 100_000),
    pgUrl: args.pgUrl(),
    out: args.value('out'),
    keep: args.flag('keep'),
    databaseUrl,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { paths } = await runRegistryBench(registryOptions(new Args(process.argv.slice(2))));
  process.stdout.write(`${paths.join('\n')}\n`);
}
