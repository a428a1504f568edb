import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';

/**
 * Runs fn in a transaction, joining the caller's transaction when there is one: services call
 * this for every multi-row change, and an import that calls many services stays all-or-nothing.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
