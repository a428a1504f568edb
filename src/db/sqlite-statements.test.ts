import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keepingPreparedStatements } from './sqlite-statements.js';

function database() {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  sqlite.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
  return sqlite;
}

describe('keepingPreparedStatements', () => {
  it('prepares a text once and gives the kept statement back', () => {
    const kept = keepingPreparedStatements(database());
    const first = kept.prepare('SELECT name FROM t WHERE id = ?');
    expect(kept.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
    expect(kept.prepare('SELECT name FROM t WHERE id = ?').all([2])).toEqual([{ name: 'b' }]);
    expect(kept.prepare('SELECT id FROM t WHERE id = ?')).not.toBe(first);
    kept.close();
  });

  it('prepares afresh while the kept statement is still being iterated', () => {
    const kept = keepingPreparedStatements(database());
    const sql = 'SELECT id FROM t ORDER BY id';
    const rows = kept.prepare(sql).iterate([]);
    expect(rows.next().value).toEqual({ id: 1 });
    const meanwhile = kept.prepare(sql);
    expect(meanwhile.all([])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect([...rows]).toEqual([{ id: 2 }, { id: 3 }]);
    kept.close();
  });

  it('sees a schema changed after the statement was kept', () => {
    const sqlite = database();
    const kept = keepingPreparedStatements(sqlite);
    expect(kept.prepare('SELECT * FROM t WHERE id = ?').all([1])).toEqual([{ id: 1, name: 'a' }]);
    sqlite.exec("ALTER TABLE t ADD COLUMN region TEXT NOT NULL DEFAULT 'Minsk'");
    expect(kept.prepare('SELECT * FROM t WHERE id = ?').all([1])).toEqual([
      { id: 1, name: 'a', region: 'Minsk' },
    ]);
    kept.close();
  });

  it('keeps at most its capacity, least recently used out, and never the long texts', () => {
    const kept = keepingPreparedStatements(database(), 2);
    const one = kept.prepare('SELECT 1');
    const two = kept.prepare('SELECT 2');
    expect(kept.prepare('SELECT 1')).toBe(one);
    kept.prepare('SELECT 3');
    expect(kept.prepare('SELECT 1')).toBe(one);
    expect(kept.prepare('SELECT 2')).not.toBe(two);
    const long = `SELECT '${'x'.repeat(10_000)}'`;
    expect(kept.prepare(long)).not.toBe(kept.prepare(long));
    kept.close();
  });
});
