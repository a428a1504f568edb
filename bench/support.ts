/**
 * Shared pieces of the registry and HTTP benchmarks: arguments, fresh databases, timing with CPU
 * time beside wall time, distributions, machine facts and result files.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import { type DialectName, openDatabase } from '../src/db/dialect.js';
import { refreshPlannerStatistics } from '../src/db/maintenance.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Viewer } from '../src/modules/user/access.js';

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');
export const DEFAULT_PG_URL = 'postgres://unfree:unfree@localhost:5432/unfree_test';

// ---------------------------------------------------------------- arguments

export class Args {
  constructor(private readonly argv: readonly string[]) {}

  value(name: string): string | undefined {
    const at = this.argv.indexOf(`--${name}`);
    if (at >= 0) return this.argv[at + 1];
    return this.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  }

  flag(name: string): boolean {
    return this.argv.includes(`--${name}`);
  }

  int(name: string, fallback: number): number {
    const raw = this.value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new Error(`--${name} must be a whole number, got ${raw}`);
    return parsed;
  }

  dialects(): DialectName[] {
    const dialect = this.value('dialect') ?? 'both';
    if (!['sqlite', 'postgres', 'both'].includes(dialect))
      throw new Error('--dialect must be sqlite, postgres or both');
    return dialect === 'both' ? ['sqlite', 'postgres'] : [dialect as DialectName];
  }

  pgUrl(): string {
    return this.value('pg-url') ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_PG_URL;
  }
}

// ---------------------------------------------------------------- timing

export interface Timed<T> {
  value: T;
  wallMs: number;
  /** CPU of this process (user + system): for SQLite it includes the SQL, for PostgreSQL not the server's. */
  cpuMs: number;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs: round(wallMs), cpuMs: round((used.user + used.system) / 1000) };
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** Runs `work` `times` times, one after another: wall and CPU distributions. */
export async function repeat(
  times: number,
  work: (index: number) => Promise<unknown>,
): Promise<{ wallMs: Distribution; cpuMs: Distribution }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let index = 0; index < times; index++) {
    const run = await timed(() => work(index));
    walls.push(run.wallMs);
    cpus.push(run.cpuMs);
  }
  return { wallMs: distribution(walls), cpuMs: distribution(cpus) };
}

// ---------------------------------------------------------------- machine

export function machine() {
  const cpus = os.cpus();
  let affinity: string | null = null;
  try {
    affinity = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? null;
  } catch {
    affinity = null;
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    cpuAffinity: affinity,
    /** Other work on the machine makes wall times noisy: compare ratios within one run, and CPU times. */
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
  };
}

/**
 * The viewer the name-search benchmarks time: an editor without confidential access, so that the
 * visibility conditions apply (the public's would too, the system's would not).
 */
export const BENCH_EDITOR: Viewer = {
  user: {
    id: 'bench',
    email: 'bench@example.invalid',
    role: 'editor',
    canPublish: false,
    confidentialAccess: false,
  },
  scope: 'read',
};

export const loadAverage = (): number[] => os.loadavg().map((v) => round(v, 2));

// ---------------------------------------------------------------- databases

export interface BenchDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The URL that opens this database again (for the server or the CLI). */
  url: string;
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
  drop(): Promise<void>;
}

async function adminQuery(connectionString: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A fresh migrated database: a SQLite file under the temp folder, or a new PostgreSQL database. */
export async function createBenchDatabase(
  dialect: DialectName,
  pgUrl: string,
  label: string,
): Promise<BenchDatabase> {
  const suffix = `${label}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const file = join(os.tmpdir(), `unfree-bench-${suffix}.db`);
    const url = `sqlite:${file}`;
    const opened = openDatabase(url);
    await migrateToLatest(opened.db);
    const files = ['', '-wal', '-shm'].map((extra) => file + extra);
    let closed = false;
    const close = async () => {
      if (!closed) await opened.close();
      closed = true;
    };
    return {
      db: opened.db,
      dialect,
      url,
      sizeBytes: () =>
        Promise.resolve(
          files.reduce((total, path) => {
            try {
              return total + statSync(path).size;
            } catch {
              return total;
            }
          }, 0),
        ),
      close,
      drop: async () => {
        await close();
        for (const path of files) rmSync(path, { force: true });
      },
    };
  }
  const name = `unfree_bench_${suffix}`.toLowerCase();
  await adminQuery(pgUrl, `create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const opened = openDatabase(url.toString());
  await migrateToLatest(opened.db);
  let closed = false;
  const close = async () => {
    if (!closed) await opened.close();
    closed = true;
  };
  return {
    db: opened.db,
    dialect,
    url: url.toString(),
    sizeBytes: async () => {
      const { rows } = await sql<{
        size: string;
      }>`select pg_database_size(current_database())::text as size`.execute(opened.db);
      return Number(rows[0]?.size ?? 0);
    },
    close,
    drop: async () => {
      await close();
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          await adminQuery(pgUrl, `drop database if exists ${name}`);
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
      await adminQuery(pgUrl, `drop database if exists ${name} with (force)`).catch((error: unknown) =>
        log(`could not drop ${name}: ${String(error)}; drop it by hand`),
      );
    },
  };
}

/**
 * A registry that already exists (e.g. made by `unfree generate`), migrated to the latest schema.
 * It is never dropped: `drop` only closes it.
 */
export async function openBenchDatabase(url: string): Promise<BenchDatabase> {
  const opened = openDatabase(url);
  await migrateToLatest(opened.db);
  let closed = false;
  const close = async () => {
    if (!closed) await opened.close();
    closed = true;
  };
  const sizeBytes = async () => {
    if (opened.dialect === 'sqlite') {
      return ['', '-wal'].reduce((total, extra) => {
        try {
          return total + statSync(opened.location + extra).size;
        } catch {
          return total;
        }
      }, 0);
    }
    const { rows } = await sql<{
      size: string;
    }>`select pg_database_size(current_database())::text as size`.execute(opened.db);
    return Number(rows[0]?.size ?? 0);
  };
  return { db: opened.db, dialect: opened.dialect, url, sizeBytes, close, drop: close };
}

/** Fresh planner statistics after a bulk load, as `unfree generate` does (ANALYZE on both dialects). */
export const analyze = (db: Kysely<Database>): Promise<void> => refreshPlannerStatistics(db);

// ---------------------------------------------------------------- output

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Writes bench/results/<benchmark>-<dialect>-<size>.json (or into `dir`) and returns the path. */
export function writeResult(
  benchmark: string,
  dialect: string,
  size: number,
  result: object,
  dir = RESULTS_DIR,
): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${benchmark}-${dialect}-${size}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** Drops a database made by createBenchDatabase (kept with --keep), given its URL. */
export async function dropDatabaseAt(url: string, pgUrl: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  if (!/^unfree_bench_[a-z0-9_]+$/.test(name)) throw new Error(`not a benchmark database: ${name}`);
  await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
}
