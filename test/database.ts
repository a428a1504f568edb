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
  /** The URL that opens this same database again, e.g. for the CLI. */
  url: string;
  drop(): Promise<void>;
}

export function testDialects(): DialectName[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, migrated database: a new SQLite file, or a new PostgreSQL database next to the test one. */
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
  // A database per test file, not a schema: Kysely's migrator introspects every schema of the
  // database, and would trip over another file's schema being dropped at the same moment.
  const name = `unfree_t_${suffix}`;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await createDatabaseRetrying(baseUrl, name);
  const opened = openDatabase(url.toString());
  await migrateToLatest(opened.db);
  return {
    ...opened,
    url: url.toString(),
    drop: async () => {
      await opened.close();
      await dropDatabaseRetrying(baseUrl, name);
    },
  };
}

/**
 * CREATE DATABASE copies template1 and fails with 55006 ("source database is being accessed by
 * other users") while another session is connected to it — e.g. another test file creating its
 * own database at the same instant. Waiting a moment and trying again is the documented remedy.
 */
async function createDatabaseRetrying(baseUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(baseUrl, `create database ${name}`);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * DROP … WITH (FORCE) ends the sessions still connected, and fails with 42501 when one of them
 * belongs to another role — an autovacuum worker that has just started on the fresh database, on a
 * busy machine. It finishes in moments: try again.
 */
async function dropDatabaseRetrying(baseUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(baseUrl, `drop database ${name} with (force)`);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== '42501' && code !== '55006') || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
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
