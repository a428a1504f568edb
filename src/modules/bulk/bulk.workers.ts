import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { type NameRows, namesOfRaw } from './bulk.prepare.js';

/**
 * Worker threads that derive the name rows of a bulk load's chunks (bulk.prepare.ts nameRowsOfRaw)
 * while the loading thread checks, diffs and writes: the name keys are the largest part of preparing
 * a chunk and need nothing from the database (docs/decisions/0009, 0020). Only the names go to the
 * thread and only rows come back: copying whole persons both ways cost as much as it saved.
 */

export interface PrepareJob {
  job: number;
  /** Each raw person's id and names (namesOfRaw). */
  raw: readonly unknown[];
}

export type PrepareOutcome =
  { job: number; ok: true; prepared: NameRows } | { job: number; ok: false; message: string };

export interface PreparingPool {
  readonly size: number;
  /** Chunks being prepared now (a load keeps at most one per thread, so that it can take the rest). */
  readonly busy: number;
  /** The name rows of raw persons, as nameRowsOf gives them in this thread. */
  prepare(raw: readonly unknown[]): Promise<NameRows>;
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
    { resolve: (prepared: NameRows) => void; reject: (error: Error) => void }
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
      else waiting.reject(new Error(`a bulk-load worker thread failed: ${outcome.message}`));
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
    prepare(raw) {
      const job = nextJob++;
      let thread = 0;
      for (let candidate = 1; candidate < size; candidate++)
        if (jobsOf(candidate) < jobsOf(thread)) thread = candidate;
      const message: PrepareJob = { job, raw: raw.map(namesOfRaw) };
      return new Promise<NameRows>((resolve, reject) => {
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
