import { parentPort } from 'node:worker_threads';
import { nameRowsOfRaw } from './bulk.prepare.js';
import type { PrepareJob, PrepareOutcome } from './bulk.workers.js';

/** A worker thread of bulk.workers.ts: derives the name rows of chunks of raw persons. */
const port = parentPort;
if (!port) throw new Error('bulk.worker.ts runs as a worker thread of bulk.workers.ts');

port.on('message', (job: PrepareJob) => {
  let outcome: PrepareOutcome;
  try {
    outcome = { job: job.job, ok: true, prepared: nameRowsOfRaw(job.raw) };
  } catch (error) {
    outcome = { job: job.job, ok: false, message: String(error) };
  }
  port.postMessage(outcome);
});
