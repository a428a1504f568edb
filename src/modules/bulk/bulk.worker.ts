import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../lib/errors.js';
import { preparePersons } from './bulk.prepare.js';
import type { PrepareJob, PrepareOutcome } from './bulk.workers.js';

/** A worker thread of bulk.workers.ts: checks chunks of persons, derives their name rows and history diffs. */
const port = parentPort;
if (!port) throw new Error('bulk.worker.ts runs as a worker thread of bulk.workers.ts');

port.on('message', (job: PrepareJob) => {
  let outcome: PrepareOutcome;
  try {
    outcome = {
      job: job.job,
      ok: true,
      prepared: preparePersons(job.raw, job.first, job.today, new Map(job.storedArticleIds)),
    };
  } catch (error) {
    outcome = isAppError(error)
      ? { job: job.job, ok: false, code: error.code, message: error.message, issues: [...error.issues] }
      : { job: job.job, ok: false, code: 'internal', message: String(error), issues: [] };
  }
  port.postMessage(outcome);
});
