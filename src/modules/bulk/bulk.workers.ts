import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
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

const WORKER_ENTRY = fileURLToPath(new URL('./bulk.worker.ts', import.meta.url));

let bundled: Promise<string> | undefined;

/**
 * bulk.worker.ts and everything it imports as one script, bundled once per process by esbuild (as
 * the mirror's search script is). The sources run through tsx without a build step, and a worker
 * thread does not inherit tsx's loader: registering it in the worker and resolving each module
 * through it took about a second before the first chunk; the bundle starts in a few hundred ms.
 */
function workerScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles.map((file) => file.text).join(''));
  return bundled;
}

export function startPreparingPool(size: number): PreparingPool {
  const pending = new Map<
    number,
    { resolve: (prepared: PreparedPersons) => void; reject: (error: Error) => void }
  >();
  /** The thread (by index) each unanswered job was given to. */
  const owners = new Map<number, number>();
  let nextJob = 0;
  let closed = false;
  const failAll = (thread: number, error: Error) => {
    for (const [job, owner] of owners) {
      if (owner !== thread) continue;
      pending.get(job)?.reject(error);
      pending.delete(job);
      owners.delete(job);
    }
  };
  const startThread = (script: string, thread: number): Worker => {
    const worker = new Worker(script, { eval: true });
    worker.on('message', (outcome: PrepareOutcome) => {
      const waiting = pending.get(outcome.job);
      pending.delete(outcome.job);
      owners.delete(outcome.job);
      if (!waiting) return;
      if (outcome.ok) waiting.resolve(outcome.prepared);
      else waiting.reject(new AppError(outcome.code, outcome.message, outcome.issues));
    });
    worker.on('error', (error) => failAll(thread, error));
    worker.on('exit', (code) =>
      failAll(thread, new Error(`a bulk-load worker thread exited (code ${code})`)),
    );
    return worker;
  };
  // Jobs given before the script is bundled wait for their thread; none is lost.
  const threads = workerScript().then((script) =>
    closed ? [] : Array.from({ length: size }, (_, thread) => startThread(script, thread)),
  );
  threads.catch(() => undefined); // a failure reaches each job below
  const jobsOf = (thread: number): number => [...owners.values()].filter((owner) => owner === thread).length;

  return {
    size,
    get busy() {
      return owners.size;
    },
    prepare(raw, first, today, storedArticleIds) {
      const job = nextJob++;
      let thread = 0;
      for (let candidate = 1; candidate < size; candidate++)
        if (jobsOf(candidate) < jobsOf(thread)) thread = candidate;
      const message: PrepareJob = { job, raw, first, today, storedArticleIds: [...storedArticleIds] };
      return new Promise<PreparedPersons>((resolve, reject) => {
        pending.set(job, { resolve, reject });
        owners.set(job, thread);
        threads.then(
          (workers) => {
            const worker = workers[thread];
            if (worker) worker.postMessage(message);
            else failAll(thread, new Error('the preparing pool is closed'));
          },
          (error: unknown) =>
            failAll(thread, new Error(`the bulk-load worker could not be built: ${String(error)}`)),
        );
      });
    },
    async close() {
      closed = true;
      await Promise.all((await threads.catch(() => [])).map((worker) => worker.terminate()));
    },
  };
}
