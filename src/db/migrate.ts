import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as core from './migrations/0001-core.js';
import * as nameSearch from './migrations/0002-name-search.js';
import * as accounts from './migrations/0003-accounts.js';
import * as personPrivateFields from './migrations/0004-person-private-fields.js';
import * as history from './migrations/0005-history.js';
import * as drafts from './migrations/0006-drafts.js';
import * as imports from './migrations/0007-imports.js';
import * as proposals from './migrations/0008-proposals.js';
import * as nameForms from './migrations/0009-name-forms.js';
import * as stockIndexes from './migrations/0011-stock-indexes.js';
import * as impreciseSpanIndexes from './migrations/0014-imprecise-span-indexes.js';
import * as flowIndexes from './migrations/0015-flow-indexes.js';
import * as nameKeyCounts from './migrations/0016-name-key-counts.js';
import * as personSortName from './migrations/0017-person-sort-name.js';
import * as stockDayDeltas from './migrations/0018-stock-day-deltas.js';
import * as foreignKeyIndexes from './migrations/0019-foreign-key-indexes.js';

/**
 * Migrations are listed here rather than read from the folder at run time, so they work the same
 * from TypeScript sources, a build, or a bundled binary.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-core': core,
  '0002-name-search': nameSearch,
  '0003-accounts': accounts,
  '0004-person-private-fields': personPrivateFields,
  '0005-history': history,
  '0006-drafts': drafts,
  '0007-imports': imports,
  '0008-proposals': proposals,
  '0009-name-forms': nameForms,
  '0011-stock-indexes': stockIndexes,
  '0014-imprecise-span-indexes': impreciseSpanIndexes,
  '0015-flow-indexes': flowIndexes,
  '0016-name-key-counts': nameKeyCounts,
  '0017-person-sort-name': personSortName,
  '0018-stock-day-deltas': stockDayDeltas,
  '0019-foreign-key-indexes': foreignKeyIndexes,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    // Work is done on parallel branches, each taking its own number: a database that has run a
    // later-numbered migration must still take an earlier-numbered one merged after it. Each
    // migration stands alone (its own tables, columns and indexes), so the order between them
    // does not matter.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed} failed: ${reason}`, { cause: result.error });
  }
  return result;
}
