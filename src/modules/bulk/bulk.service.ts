import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import {
  type Change,
  type DiffedChange,
  recordDiffedRevisions,
  recordRevisions,
} from '../history/history.service.js';
import { type Clock, timestamp } from '../shared/clock.js';
import { inTransaction } from '../shared/transaction.js';
import type { Viewer } from '../user/access.js';
import {
  type TableRows,
  existingIds,
  fixedRows,
  insertTableRows,
  personRows,
  selectArticleIdsByReference,
} from './bulk.repository.js';
import {
  type PreparedPersons,
  checkPerson,
  creationsOf,
  nameRowsOf,
  pointToStoredArticles,
  validationError,
} from './bulk.prepare.js';
import { preparedInOrder } from './bulk.pipeline.js';
import { type RegistryBundle, type RegistryPerson, registryFixedSchema } from './bulk.schema.js';
import { type PreparingPool, defaultPreparingThreads, startPreparingPool } from './bulk.workers.js';

export { nameFormRowOf, nameKeyRowsOf } from './bulk.prepare.js';

/**
 * Bulk load of a whole registry (docs/decisions/0009-benchmarks-bulk-load-and-stock-in-sql.md): one transaction, multi-row
 * INSERTs per chunk of persons, the same validation (zod create schemas), stored rows, name-search
 * keys and history revisions (one per record, hash-chained) as the one-by-one service path, without
 * the per-record round trips. Duplicate warnings are the one thing left out: they warn a person
 * typing a name, and a bulk load has nobody to warn.
 */

export interface BulkServiceDeps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

export interface BulkInput {
  fixed: unknown;
  persons: Iterable<unknown>;
}

export interface BulkLoadOptions {
  /** Persons per round of INSERTs (default 1000). */
  chunk?: number;
  /**
   * Worker threads that derive the name rows of the chunks ahead while this one checks, diffs and
   * writes (default: one less than the cores, at least one); this thread derives them too whenever
   * it would wait. Started only past threadsAfterChunks chunks; 0 does everything in this thread.
   */
  workers?: number;
  /**
   * The threads start only when the input has more chunks than this (default
   * CHUNKS_BEFORE_THREADS): a thread starts cold, and before then this thread alone is faster.
   */
  threadsAfterChunks?: number;
  onProgress?: (persons: number) => void;
}

/**
 * On the two-core benchmark machine a worker thread made 5,000-person loads (5 chunks) slower and
 * was even at 20,000: it starts cold, and V8's own collector threads already use the second core
 * (docs/benchmarks.md, "Bulk load: threads or not"). Longer loads still get one.
 */
export const CHUNKS_BEFORE_THREADS = 8;

export interface BulkLoadReport {
  persons: number;
  rows: Record<string, number>;
  revisions: number;
  /**
   * Where the loading thread's time went, milliseconds: checking and history diffs; name keys, for
   * the chunks whose name rows it derived itself; waiting for a worker's name rows; history (chaining
   * the diffs: SHA-256 and INSERT); the other SQL.
   */
  phasesMs: {
    validate: number;
    nameKeys: number;
    diffs: number;
    waiting: number;
    history: number;
    sql: number;
  };
  /** Chunks whose name rows the loading thread derived itself (a worker thread derived the others). */
  chunksHere: number;
  /** Worker threads that helped prepare chunks (0: all in the loading thread). */
  workers: number;
}

interface RawChunk {
  raw: unknown[];
  /** Position of the chunk's first person in the load. */
  first: number;
}

function* chunksOf(persons: Iterable<unknown>, size: number): Generator<RawChunk> {
  let raw: unknown[] = [];
  let first = 0;
  for (const person of persons) {
    raw.push(person);
    if (raw.length < size) continue;
    yield { raw, first };
    first += raw.length;
    raw = [];
  }
  if (raw.length > 0) yield { raw, first };
}

export function createBulkService(deps: BulkServiceDeps) {
  const record = (db: Db, changes: Change[]) => recordRevisions(db, deps.viewer, deps.clock, changes);
  const recordDiffed = (db: Db, changes: DiffedChange[]) =>
    recordDiffedRevisions(db, deps.viewer, deps.clock, changes);

  return {
    /** Loads the bundle all or nothing; a bad record names itself (persons.<n>.…) and nothing is written. */
    async load(input: BulkInput, options: BulkLoadOptions = {}): Promise<BulkLoadReport> {
      const chunk = options.chunk ?? 1000;
      const phasesMs = { validate: 0, nameKeys: 0, diffs: 0, waiting: 0, history: 0, sql: 0 };
      const rows: Record<string, number> = {};
      let revisions = 0;
      let persons = 0;
      const now = timestamp(deps.clock);
      const today = now.slice(0, 10);
      const time = async <T>(phase: keyof typeof phasesMs, work: () => T | Promise<T>): Promise<T> => {
        const start = performance.now();
        try {
          return await work();
        } finally {
          phasesMs[phase] += performance.now() - start;
        }
      };

      return inTransaction(deps.db, async (trx) => {
        const write = async (tableRows: TableRows) => {
          const counts = await time('sql', () => insertTableRows(trx, tableRows));
          for (const [table, count] of Object.entries(counts)) rows[table] = (rows[table] ?? 0) + count;
        };
        const parsed = registryFixedSchema.safeParse(input.fixed);
        if (!parsed.success) throw validationError('fixed', parsed.error);
        // An article already stored (same code and number) is reused: the bundle's id points to it.
        const storedArticles = await selectArticleIdsByReference(trx);
        const articleIds = new Map<string, string>();
        for (const article of parsed.data.articles) {
          const existing = storedArticles.get(`${article.code} ${article.number}`);
          if (existing) articleIds.set(article.id, existing);
        }
        const fixed: RegistryBundle = {
          ...parsed.data,
          articles: parsed.data.articles.filter((article) => !articleIds.has(article.id)),
        };
        const known = {
          legalArticles: new Set([...fixed.articles.map((article) => article.id), ...articleIds.values()]),
          facilities: new Set(fixed.facilities.map((facility) => facility.id)),
          releaseBatches: new Set(fixed.batches.map((batch) => batch.id)),
        };
        await write(fixedRows(fixed, now));
        revisions += await time('history', () =>
          record(trx, [
            ...fixed.articles.map((after) => ({
              entity: 'legal article',
              recordId: after.id,
              action: 'create' as const,
              before: null,
              after,
            })),
            ...fixed.facilities.map((after) => ({
              entity: 'facility',
              recordId: after.id,
              action: 'create' as const,
              before: null,
              after,
            })),
            ...fixed.batches.map((after) => ({
              entity: 'batch',
              recordId: after.id,
              action: 'create' as const,
              before: null,
              after,
            })),
          ]),
        );

        /** References outside the bundle must exist in the database (asked once per chunk). */
        async function checkReferences(batch: readonly RegistryPerson[], first: number): Promise<void> {
          const wanted = {
            legalArticles: new Set<string>(),
            facilities: new Set<string>(),
            releaseBatches: new Set<string>(),
          };
          for (const person of batch)
            for (const episode of person.episodes) {
              episode.charges.forEach((charge) => wanted.legalArticles.add(charge.articleId));
              episode.facilityStays.forEach((stay) => wanted.facilities.add(stay.facilityId));
              if (episode.release?.batchId) wanted.releaseBatches.add(episode.release.batchId);
            }
          for (const table of ['legalArticles', 'facilities', 'releaseBatches'] as const) {
            const unknown = [...wanted[table]].filter((id) => !known[table].has(id));
            const found = await existingIds(trx, table, unknown);
            found.forEach((id) => known[table].add(id));
            const missing = unknown.find((id) => !found.has(id));
            if (missing) {
              const owner = batch.findIndex((person) => JSON.stringify(person.episodes).includes(missing));
              throw new AppError(
                'rule_violated',
                `persons.${first + owner}: ${table} ${missing} does not exist`,
                [
                  {
                    path: `persons.${first + owner}.episodes`,
                    message: `${table} ${missing} does not exist`,
                  },
                ],
              );
            }
          }
        }

        async function flush({ persons: batch, keys, forms, changes }: PreparedPersons): Promise<void> {
          if (batch.length === 0) return;
          await checkReferences(batch, persons);
          persons += batch.length;
          await write(personRows(batch, keys, forms, now));
          revisions += await time('history', () => recordDiffed(trx, changes));
          options.onProgress?.(persons);
        }

        // A chunk is checked and diffed here; its name rows, the largest part, are derived here or,
        // while this thread writes, in a worker thread from the raw names. A chunk sent to a worker
        // is checked at once (its error is still thrown in input order, by preparedInOrder).
        const checkAndDiff = async ({ raw, first }: RawChunk) => {
          const checked = await time('validate', () =>
            raw.map((person, offset) => checkPerson(person, first + offset, today)),
          );
          pointToStoredArticles(checked, articleIds);
          return { persons: checked, changes: await time('diffs', () => creationsOf(checked)) };
        };
        let chunksHere = 0;
        const prepareHere = async (next: RawChunk): Promise<PreparedPersons> => {
          chunksHere += 1;
          const part = await checkAndDiff(next);
          return { ...part, ...(await time('nameKeys', () => nameRowsOf(part.persons))) };
        };
        const wanted = options.workers ?? defaultPreparingThreads();
        let pool: PreparingPool | undefined;
        try {
          const prepared = preparedInOrder(chunksOf(input.persons, chunk), {
            here: prepareHere,
            pool: () => {
              if (wanted <= 0) return undefined;
              const started = startPreparingPool(wanted);
              pool = started;
              return {
                size: started.size,
                get busy() {
                  return started.busy;
                },
                start: async (next: RawChunk): Promise<PreparedPersons> => {
                  const names = started.prepare(next.raw);
                  names.catch(() => undefined); // awaited below, unless the chunk fails its check
                  const part = await checkAndDiff(next);
                  return { ...part, ...(await names) };
                },
              };
            },
            waiting: (answer) => time('waiting', () => answer),
            alone: options.threadsAfterChunks ?? CHUNKS_BEFORE_THREADS,
          });
          for await (const next of prepared) await flush(next);
        } finally {
          await pool?.close();
        }
        return { persons, rows, revisions, phasesMs, chunksHere, workers: pool?.size ?? 0 };
      });
    },
  };
}
export type BulkService = ReturnType<typeof createBulkService>;
