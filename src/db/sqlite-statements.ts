import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Longer texts are multi-row INSERTs of bulk loads: each is used once, so keeping them only costs memory. */
const LONGEST_KEPT_SQL = 8_192;

/**
 * Kysely's SQLite driver prepares every statement anew on every execution; preparing costs more
 * than running the short statements a page served from the cache needs (the data version), so
 * prepared statements are kept per SQL text, least recently used first out. A statement still
 * being iterated (a streamed query) cannot run twice at once: it is then prepared afresh.
 */
export function keepingPreparedStatements(database: SQLite.Database, capacity = 512): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close() {
      kept.clear();
      database.close();
    },
    prepare(sql: string) {
      if (sql.length > LONGEST_KEPT_SQL) return database.prepare(sql);
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const fresh = database.prepare(sql);
      if (!statement) {
        kept.set(sql, fresh);
        if (kept.size > capacity) {
          const oldest = kept.keys().next();
          if (!oldest.done) kept.delete(oldest.value);
        }
      }
      return fresh;
    },
  };
}
