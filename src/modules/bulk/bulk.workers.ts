import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorIssue } from '../../lib/errors.js';
import type { PreparedPersons } from './bulk.prepare.js';

/**
 * Worker threads that prepare the chunks of a bulk load (bulk.prepare.ts) while the loading thread
 * writes the chunks before them: checking persons, deriving their name keys and diffing their
 * history cost several times the SQL, and they need nothing from the database
 * (docs/decisions/0009, 0020).
 */

export interface PrepareJob {
  job: number;
  raw: readonly unknown[];
  first: number;
  today: string;
  storedArticleIds: [bundleId: string, storedId: string][];
}

export type PrepareOutcome =
  | { job: number; ok: true; prepared: PreparedPersons }
  | { job: number; ok: false; code: ErrorCode; message: string; issues: ErrorIssue[] };

export interface PreparingPool {
  readonly size: number;
  /** Chunks being prepared now (a load keeps at most one per thread, so that it can take the rest). */
  readonly busy: number;
  prepare(
    raw: readonly unknown[],
    first: number,
    today: string,
    storedArticleIds: ReadonlyMap<string, string>,
  ): Promise<PreparedPersons>;
  close(): Promise<void>;
}

/** One thread is the loader's; the others prepare (at least one, so the two overlap). */
export function defaultPreparingThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * The sources run through tsx (no build step), whose loader a worker thread does not inherit: the
 * worker registers it first, as bin/unfree.js does, then loads its module.
 */
function startWorker(): Worker {
  const module = new URL('./bulk.worker.ts', import.meta.url).href;
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(module)}); })`,
    { eval: true },
  );
}

export function startPreparingPool(size: number): PreparingPool {
  const pending = new Map<
    number,
    { resolve: (prepared: PreparedPersons) => void; reject: (error: Error) => void }
  >();
  const owners = new Map<number, Worker>();
  let nextJob = 0;
  const failAll = (worker: Worker, error: Error) => {
    for (const [job, owner] of owners) {
      if (owner !== worker) continue;
      pending.get(job)?.reject(error);
      pending.delete(job);
      owners.delete(job);
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = startWorker();
    worker.on('message', (outcome: PrepareOutcome) => {
      const waiting = pending.get(outcome.job);
      pending.delete(outcome.job);
      owners.delete(outcome.job);
      if (!waiting) return;
      if (outcome.ok) waiting.resolve(outcome.prepared);
      else waiting.reject(new AppError(outcome.code, outcome.message, outcome.issues));
    });
    worker.on('error', (error) => failAll(worker, error));
    worker.on('exit', (code) =>
      failAll(worker, new Error(`a bulk-load worker thread exited (code ${code})`)),
    );
    return worker;
  });

  const jobsOf = (worker: Worker): number => [...owners.values()].filter((owner) => owner === worker).length;

  return {
    size,
    get busy() {
      return owners.size;
    },
    prepare(raw, first, today, storedArticleIds) {
      const job = nextJob++;
      const worker = workers.reduce<Worker | undefined>(
        (least, candidate) => (least === undefined || jobsOf(candidate) < jobsOf(least) ? candidate : least),
        undefined,
      );
      if (!worker) return Promise.reject(new Error('the preparing pool has no worker thread'));
      return new Promise<PreparedPersons>((resolve, reject) => {
        pending.set(job, { resolve, reject });
        owners.set(job, worker);
        worker.postMessage({
          job,
          raw,
          first,
          today,
          storedArticleIds: [...storedArticleIds],
        } satisfies PrepareJob);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
