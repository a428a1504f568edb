import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

/** The only place in the code that knows SQLite from PostgreSQL. */
export type DialectName = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for messages (a file path or a connection URL without its password). */
  location: string;
  close(): Promise<void>;
}

export function dialectOf(databaseUrl: string): DialectName {
  if (databaseUrl.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgres';
  throw new Error(
    `unsupported DATABASE_URL ${JSON.stringify(databaseUrl)}: use sqlite:<file> or postgres://…`,
  );
}

export function sqliteFileOf(databaseUrl: string): string {
  const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (path === '') throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/unfree.db');
  return path === ':memory:' ? path : resolve(path);
}

export function redactUrl(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Prepared statements kept, by SQL text: most recently used first dropped last. */
const STATEMENTS_KEPT = 500;

/**
 * better-sqlite3 that prepares each SQL text once: the same few query shapes run hundreds of
 * thousands of times in an export, and preparing them anew cost as much as running them. Kysely
 * runs one query at a time on the connection, so a kept statement is never busy when reused.
 */
function keepingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value ?? '');
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

export function openDatabase(databaseUrl: string): OpenedDatabase {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'sqlite') {
    const file = sqliteFileOf(databaseUrl);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    // WAL lets readers (the web server) run while a writer (an import) works; foreign keys are off
    // by default in SQLite and must be switched on per connection.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: keepingStatements(sqlite) }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, dialect, location: file, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection the server closes (a restart, a DBA's terminate) emits 'error' on the pool;
  // unhandled, that event would end the process. The pool replaces the client on the next query.
  pool.on('error', (error) => {
    process.stderr.write(`unfree: an idle PostgreSQL connection failed: ${error.message}\n`);
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect, location: redactUrl(databaseUrl), close: () => db.destroy() };
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** A row is still referenced by another (SQLite and PostgreSQL say so with different codes). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
