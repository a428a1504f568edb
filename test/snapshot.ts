import type { Db } from '../src/db/database.js';
import { countRows } from '../src/modules/shared/table.repository.js';

const TABLES = [
  'persons',
  'personNames',
  'personOccupations',
  'personTies',
  'recognitions',
  'legalArticles',
  'facilities',
  'episodes',
  'episodeCharges',
  'facilityStays',
  'releases',
  'conditionEvents',
  'counterparts',
  'releaseBatches',
  'batchCounterparts',
  'concessions',
  'countObservations',
  'sources',
  'citations',
  'drafts',
] as const;

/** Row counts of every table, to prove that a refused change wrote nothing. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await countRows(db, table);
  return counts;
}
