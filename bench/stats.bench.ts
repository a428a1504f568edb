/**
 * Issue 6's speed target on its own: the monthly stock series over 10 years and the stock on one
 * date with `--episodes` detention episodes, on SQLite and PostgreSQL.
 *
 *   npx tsx bench/stats.bench.ts [--episodes 1000000] [--dialect sqlite|postgres|both] [--runs 5]
 *        [--pg-url …] [--out bench/results] [--check] [--keep] [--database-url <url of a kept one>]
 *
 * The episodes are written by the database itself (INSERT … SELECT over a recursive counter, the
 * same SQL on both dialects), so a million load in a minute instead of the generator's half hour:
 * SYNTHETIC rows of the tables the stock reads (persons, episodes, releases), with day, month and
 * year precision (88 / 9 / 3 %), about half released, and one person in sixteen detained a second time,
 * sometimes while the first episode may still run (the irregular cases of stats/stock-events.ts).
 * Before timing, the result is checked against stats/stock.ts over the same episodes when
 * `--check` is given (loads every episode: slow at a million).
 *
 * `--keep` leaves the filled database in place (its URL is printed) and `--database-url` times a kept
 * one again after migrating it (new indexes are built, nothing is refilled), so that a change to the
 * SQL can be measured without a quarter of an hour of filling.
 *
 * Results: bench/results/stats-<dialect>-<episodes>.json.
 */
import { type Kysely, sql } from 'kysely';
import { buildServices } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { addDays } from '../src/lib/partial-date.js';
import { selectEpisodeFacts } from '../src/modules/stats/stats.repository.js';
import { PUBLIC_VIEWER } from '../src/modules/user/access.js';
import { stockOn, stockSeries } from '../src/stats/stock.js';
import { openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import {
  Args,
  analyze,
  createBenchDatabase,
  loadAverage,
  log,
  machine,
  repeat,
  round,
  timed,
  writeResult,
} from './support.js';

const FIRST = '2016-01-01';
const DAYS = 3980;
const TODAY = '2026-11-30';
const WINDOW = { from: '2016-12-01', to: TODAY };
const STOCK_DAY = '2024-06-30';
const STAMP = '2026-11-30T00:00:00.000Z';

const monthLast = (day: string): string => {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

/** A table of days with the bounds of their month and year, so the SQL needs no date functions. */
async function createDays(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('bench_days')
    .addColumn('i', 'integer', (col) => col.primaryKey())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('month_first', 'text', (col) => col.notNull())
    .addColumn('month_last', 'text', (col) => col.notNull())
    .addColumn('year', 'text', (col) => col.notNull())
    .execute();
  const rows = Array.from({ length: DAYS + 1600 }, (_, i) => {
    const day = addDays(FIRST, i);
    return {
      i,
      day,
      month: day.slice(0, 7),
      month_first: `${day.slice(0, 7)}-01`,
      month_last: monthLast(day),
      year: day.slice(0, 4),
    };
  });
  for (let start = 0; start < rows.length; start += 1000) {
    await sql`insert into bench_days (i, day, month, month_first, month_last, year) values ${sql.join(
      rows
        .slice(start, start + 1000)
        .map((r) => sql`(${r.i}, ${r.day}, ${r.month}, ${r.month_first}, ${r.month_last}, ${r.year})`),
    )}`.execute(db);
  }
}

async function fill(db: Kysely<Database>, episodes: number): Promise<void> {
  const persons = Math.round(episodes / (1 + 1 / 16));
  const counter = (limit: number) =>
    sql`with recursive n(i) as (select cast(1 as bigint) union all select i + 1 from n where i < ${sql.lit(limit)})`;
  await db.transaction().execute(async (trx) => {
    await sql`${counter(persons)} insert into persons (id, visibility, anonymous, biography, created_at, updated_at)
      select 'synthetic-person-' || i, 'public', 0, 'SYNTHETIC', ${STAMP}, ${STAMP} from n`.execute(trx);
    // Episode i: person i for the first `persons`, then every sixteenth person again. Day offsets from
    // multiplicative hashes of i: deterministic, the same on both dialects.
    await sql`${counter(episodes)} insert into episodes (id, person_id, detained_on, detained_on_lo, detained_on_hi, visibility, created_at, updated_at)
      select 'synthetic-episode-' || e.i, e.person,
        case when e.i % 100 < 3 then d.year when e.i % 100 < 12 then d.month else d.day end,
        case when e.i % 100 < 3 then d.year || '-01-01' when e.i % 100 < 12 then d.month_first else d.day end,
        case when e.i % 100 < 3 then d.year || '-12-31' when e.i % 100 < 12 then d.month_last else d.day end,
        'public', ${STAMP}, ${STAMP}
      from (select i, case when i <= ${sql.lit(persons)} then 'synthetic-person-' || i
                           else 'synthetic-person-' || (((i - ${sql.lit(persons)} - 1) * 16) % ${sql.lit(persons)} + 1) end as person,
                   case when i <= ${sql.lit(persons)} then (i * 7919) % 3700 else 1400 + (i * 7919) % 2500 end as offset_day
            from n) e
      join bench_days d on d.i = e.offset_day`.execute(trx);
    await sql`insert into releases (id, episode_id, released_on, released_on_lo, released_on_hi, mode)
      select 'synthetic-release-' || x.id, x.id,
        case when x.k % 100 < 6 then d.month else d.day end,
        case when x.k % 100 < 6 then d.month_first else d.day end,
        case when x.k % 100 < 6 then d.month_last else d.day end,
        'pardon'
      from (select e.id, cast(substr(e.id, 19) as bigint) as k, b.i as start
            from episodes e join bench_days b on b.day = e.detained_on_hi) x
      join bench_days d on d.i = x.start + 40 + (x.k * 104729) % 1500
      where (x.k * 31) % 10 < 6 and d.day <= ${TODAY}`.execute(trx);
  });
  await sql`drop table bench_days`.execute(db);
}

const args = new Args(process.argv.slice(2));
const episodes = args.int('episodes', 1_000_000);
const runs = args.int('runs', 5);
const kept = args.value('database-url');
const paths: string[] = [];

async function openKept(url: string) {
  const opened = openDatabase(url);
  await migrateToLatest(opened.db);
  return { db: opened.db, drop: () => opened.close() };
}

for (const dialect of kept
  ? [kept.startsWith('sqlite:') ? ('sqlite' as const) : ('postgres' as const)]
  : args.dialects()) {
  const fresh = kept ? null : await createBenchDatabase(dialect, args.pgUrl(), 'stats');
  const database = fresh ?? (await openKept(kept ?? ''));
  try {
    let filled = { wallMs: 0 };
    if (fresh) {
      log(`stats ${dialect} ${episodes}: filling`);
      await createDays(database.db);
      filled = await timed(() => fill(database.db, episodes));
    }
    await analyze(database.db);
    const count = async (table: 'episodes' | 'releases' | 'persons') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const services = buildServices(database.db, () => new Date(`${TODAY}T12:00:00Z`), {
      viewer: PUBLIC_VIEWER,
    });
    let check: unknown = 'not run (--check)';
    if (args.flag('check')) {
      const facts = await selectEpisodeFacts(database.db);
      const served = await services.stats.series(WINDOW, 'month');
      const pure = stockSeries(facts, WINDOW.from, WINDOW.to, 'month');
      check = {
        seriesEqual:
          JSON.stringify(served.points.map((p) => [p.day, p.min, p.max])) ===
          JSON.stringify(pure.map((p) => [p.day, p.min, p.max])),
        stockEqual:
          JSON.stringify((await services.stats.stockOn(STOCK_DAY)).held) ===
          JSON.stringify(stockOn(facts, STOCK_DAY)),
      };
    }
    log(`stats ${dialect} ${episodes}: timing`);
    let held: unknown = null;
    let points = 0;
    const series = await repeat(runs, async () => {
      points = (await services.stats.series(WINDOW, 'month')).points.length;
    });
    const stock = await repeat(runs, async () => {
      held = (await services.stats.stockOn(STOCK_DAY)).held;
    });
    paths.push(
      writeResult(
        'stats',
        dialect,
        episodes,
        {
          benchmark: 'stats',
          dialect,
          machine: machine(),
          parameters: { episodes, runs },
          rows: {
            persons: await count('persons'),
            episodes: await count('episodes'),
            releases: await count('releases'),
          },
          fillMs: filled.wallMs,
          check,
          monthlySeries: { window: WINDOW, points, ...series },
          stockOnDay: { day: STOCK_DAY, held, ...stock },
          targetMs: 1000,
          loadAverageAtEnd: loadAverage(),
        },
        args.value('out'),
      ),
    );
    log(
      `stats ${dialect} ${episodes}: wrote ${paths[paths.length - 1]} (${round(filled.wallMs / 1000, 1)} s to fill)`,
    );
  } finally {
    if (fresh && args.flag('keep')) {
      await fresh.close();
      log(`stats ${dialect}: kept ${fresh.url}`);
    } else {
      await database.drop();
    }
  }
}
process.stdout.write(`${paths.join('\n')}\n`);
