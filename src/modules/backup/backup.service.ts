import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { inTransaction } from '../shared/transaction.js';
import {
  BACKUP_TABLES,
  type BackupTable,
  clearTable,
  countRowsOf,
  insertRows,
  readTable,
} from './backup.repository.js';

/**
 * Backups as JSON lines, the same on both dialects (a SQLite backup restores into PostgreSQL and
 * back): a header line, then one line per table with its rows. Taken inside one read transaction,
 * so a backup made while the server writes is a consistent snapshot (WAL on SQLite, REPEATABLE
 * READ on PostgreSQL); restored inside one transaction into an empty database: all or nothing.
 */
export const BACKUP_FORMAT = 'unfree-backup';
export const BACKUP_VERSION = 1;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  tables: Record<string, number>;
}

export async function backupTo(
  db: Kysely<Database>,
  file: string,
  now: Date = new Date(),
): Promise<Record<string, number>> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const counts: Record<string, number> = {};
      for (const table of BACKUP_TABLES) counts[table] = await countRowsOf(trx, table);
      const out = createWriteStream(file, { encoding: 'utf8' });
      const write = async (line: string) => {
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      };
      const header: Header = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        tables: counts,
      };
      await write(JSON.stringify(header));
      for (const table of BACKUP_TABLES) {
        for await (const rows of readTable(trx, table)) await write(JSON.stringify({ table, rows }));
      }
      out.end();
      await once(out, 'finish');
      return counts;
    });
}

export async function restoreFrom(db: Kysely<Database>, file: string): Promise<Record<string, number>> {
  let header: Header | undefined;
  const restored: Record<string, number> = {};
  await inTransaction(db, async (trx) => {
    for (const table of BACKUP_TABLES) {
      if (table === 'revisionHead') continue;
      if ((await countRowsOf(trx, table)) > 0) {
        throw new AppError(
          'conflict',
          `restore needs an empty database, but ${table} has rows; restore into a new database`,
        );
      }
    }
    // The migration seeds the history head; the backup's head replaces it.
    await clearTable(trx, 'revisionHead');
    let lineNumber = 0;
    // Opened only now, right before reading: readline drops lines emitted before iteration starts.
    const lines = createInterface({
      input: createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      const parsed = JSON.parse(line) as unknown;
      if (!header) {
        header = parsed as Header;
        if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
          throw new AppError(
            'validation_failed',
            `${file} is not an unfree backup (version ${BACKUP_VERSION})`,
          );
        }
        continue;
      }
      const { table, rows } = parsed as { table: BackupTable; rows: Record<string, unknown>[] };
      if (!BACKUP_TABLES.includes(table))
        throw new AppError('validation_failed', `line ${lineNumber}: unknown table ${String(table)}`);
      await insertRows(trx, table, rows);
      restored[table] = (restored[table] ?? 0) + rows.length;
    }
    if (!header) throw new AppError('validation_failed', `${file} is empty`);
    for (const [table, expected] of Object.entries(header.tables)) {
      if ((restored[table] ?? 0) !== expected) {
        throw new AppError(
          'validation_failed',
          `${file} is incomplete: ${table} should have ${expected} rows, found ${restored[table] ?? 0}`,
        );
      }
    }
  });
  return restored;
}
