import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './dialect.js';

describe('the SQLite connection, which keeps its prepared statements', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unfree-dialect-test-'));
  const opened = openDatabase(`sqlite:${join(dir, 'test.db')}`);
  afterAll(async () => {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a reused statement with the rows of the moment, reads and writes alike', async () => {
    await sql`create table items (id integer primary key, label text not null)`.execute(opened.db);
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*) as n from items where label like ${'synthetic%'}`.execute(
          opened.db,
        )
      ).rows[0]?.n;
    for (let index = 1; index <= 3; index += 1) {
      const inserted = await sql`insert into items (label) values (${`synthetic ${index}`})`.execute(
        opened.db,
      );
      expect(inserted.numAffectedRows).toBe(1n);
      expect(await count()).toBe(index);
    }
  });

  it('streams with a reused statement, one stream after another, and outlives its bound', async () => {
    const labels = async () => {
      const seen: string[] = [];
      for await (const row of opened.db
        .selectFrom('items' as never)
        .select(sql<string>`label`.as('label'))
        .stream())
        seen.push(row.label);
      return seen;
    };
    expect(await labels()).toEqual(['synthetic 1', 'synthetic 2', 'synthetic 3']);
    expect(await labels()).toHaveLength(3);
    // More distinct statements than are kept: the first ones are prepared again when needed.
    for (let index = 0; index < 600; index += 1)
      await sql`select ${sql.lit(index)} as n from items limit 1`.execute(opened.db);
    expect(await labels()).toHaveLength(3);
  });
});
