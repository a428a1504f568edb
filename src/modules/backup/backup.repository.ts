import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';

/**
 * Whole-table reads and writes for backup and restore. The tables are listed in an order where
 * every table comes after those it references, so a restore can insert them as listed.
 */
export const BACKUP_TABLES = [
  'persons',
  'personNames',
  'personOccupations',
  'personTies',
  'legalArticles',
  'facilities',
  'counterparts',
  'sources',
  'releaseBatches',
  'batchCounterparts',
  'concessions',
  'episodes',
  'episodeCharges',
  'facilityStays',
  'releases',
  'recognitions',
  'conditionEvents',
  'countObservations',
  'citations',
  'proposals',
  'nameKeys',
  'nameForms',
  'personRedirects',
  'users',
  'sessions',
  'apiTokens',
  'imports',
  'importMappings',
  'revisions',
  'revisionHead',
  'drafts',
] as const satisfies readonly (keyof Database)[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Tables not written to a backup because triggers derive them from backed-up ones while the rows
 * are restored: name_key_counts from name_keys (migration 0016), the kept stock from episodes and
 * releases (0018). Restoring them too would count twice.
 */
export const DERIVED_TABLES = [
  'nameKeyCounts',
  'stockDayDeltas',
  'stockCorrections',
] as const satisfies readonly (keyof Database)[];

type Row = Record<string, unknown>;
type LooseDb = Kysely<Record<string, Row>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/** Primary-key columns, to read rows in a stable order and compare backups. */
const ORDER_BY: Partial<Record<BackupTable, readonly string[]>> = {
  personOccupations: ['personId', 'occupation'],
  batchCounterparts: ['batchId', 'counterpartId', 'role'],
  nameKeys: ['personId', 'key'],
  nameForms: ['personId'],
  personRedirects: ['oldId'],
  importMappings: ['name'],
  sessions: ['idHash'],
  revisions: ['seq'],
};

export function orderOf(table: BackupTable): readonly string[] {
  return ORDER_BY[table] ?? ['id'];
}

/** Reads a table page by page, in primary-key order. */
export async function* readTable(db: Db, table: BackupTable, pageSize = 2000): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += pageSize) {
    let query = loose(db).selectFrom(table).selectAll();
    for (const column of orderOf(table)) query = query.orderBy(column);
    const rows = await query.limit(pageSize).offset(offset).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

export async function insertRows(db: Db, table: BackupTable, rows: readonly Row[]): Promise<void> {
  // Chunked to stay under SQLite's limit on bound parameters.
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const chunk = Math.max(1, Math.floor(30000 / columns));
  for (let start = 0; start < rows.length; start += chunk) {
    await loose(db)
      .insertInto(table)
      .values(rows.slice(start, start + chunk))
      .execute();
  }
}

export async function clearTable(db: Db, table: BackupTable): Promise<void> {
  await loose(db).deleteFrom(table).execute();
}

export async function countRowsOf(db: Db, table: BackupTable): Promise<number> {
  const row = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
