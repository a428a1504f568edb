import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://unfree:unfree@localhost:5432/unfree_test';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Every database suite runs on SQLite and on PostgreSQL. Outside CI a missing PostgreSQL server
 * skips that half with one clear line; in CI (CI=true) it is an error, so nothing is skipped there.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUrl', url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI) {
      throw new Error(
        `CI requires PostgreSQL for the database tests, but ${url.replace(/:[^:@/]*@/, ':***@')} is unreachable: ${reason}`,
      );
    }
    console.warn(
      `[unfree] PostgreSQL not reachable (${reason}): PostgreSQL halves of the database tests are skipped. Set TEST_DATABASE_URL to run them.`,
    );
    project.provide('postgresUrl', null);
  } finally {
    await client.end().catch(() => undefined);
  }
}
