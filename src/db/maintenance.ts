import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Fresh planner statistics (ANALYZE, the same word on both dialects). After a bulk load the
 * planners' picture of the tables is empty or stale: SQLite then chose the wrong index for the
 * episodes of a facility (1 s instead of 25 ms at 2,000 persons, decision 0023).
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}
