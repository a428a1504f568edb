import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { DialectName, OpenedDatabase } from '../src/db/dialect.js';
import { openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export interface TestDatabase extends OpenedDatabase {
  /** The URL (and PostgreSQL schema) that opens this same database again, e.g. for the CLI. */
  url: string;
  schema?: string;
  drop(): Promise<void>;
}

export function testDialects(): DialectName[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, migrated database: a new SQLite file, or a new schema in the PostgreSQL test database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (dialect === 'sqlite') {
    const file = join(tmpdir(), `unfree-test-${suffix}.db`);
    const url = `sqlite:${file}`;
    const opened = openDatabase(url);
    await migrateToLatest(opened.db);
    return {
      ...opened,
      url,
      drop: async () => {
        await opened.close();
        for (const extra of ['', '-wal', '-shm']) rmSync(file + extra, { force: true });
      },
    };
  }
  const baseUrl = inject('postgresUrl');
  if (!baseUrl) throw new Error('PostgreSQL is not available for this test run');
  const schema = `t_${suffix}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const opened = openDatabase(baseUrl, { schema });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    // The schema travels in the URL, so a child process (the CLI) opens the same database.
    url: `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    schema,
    drop: async () => {
      await opened.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/**
 * Declares the same suite once per available dialect, each with a fresh database for the file.
 * The callback receives a getter because the database only exists once beforeAll has run.
 */
export function describeEachDialect(
  title: string,
  suite: (database: () => TestDatabase, dialect: DialectName) => void,
): void {
  for (const dialect of testDialects()) {
    describe(`${title} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.drop();
      });
      suite(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      }, dialect);
    });
  }
}
