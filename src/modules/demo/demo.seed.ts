import { buildServices } from '../../app.js';
import type { Db } from '../../db/database.js';
import { type Clock, systemClock } from '../shared/clock.js';
import { inTransaction } from '../shared/transaction.js';
import { type LoadSummary, loadDataset, readDemoDataset } from './demo.service.js';

/** Loads the demo dataset in one transaction: all of it, or nothing. */
export async function seedDemo(db: Db, clock: Clock = systemClock): Promise<LoadSummary> {
  const dataset = await readDemoDataset();
  return inTransaction(db, (trx) => loadDataset(buildServices(trx, clock), dataset));
}

/** `npm start` on an empty database shows real, cited cases rather than an empty page. */
export async function seedDemoIfEmpty(db: Db, clock: Clock = systemClock): Promise<LoadSummary | null> {
  if ((await buildServices(db, clock).persons.count()) > 0) return null;
  return seedDemo(db, clock);
}
