import { parentPort } from 'node:worker_threads';
import { AppError } from '../../core/errors.js';
import { type ImportJob, type ImportReply, READY, runImportJob } from './import-jobs.js';

/**
 * One import worker thread (started by import-pool.ts): runs one job at a
 * time, as the pool sends them, and posts back the result or the error.
 */

const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread; src/server/workers/import-pool.ts starts it.');

async function answer(job: ImportJob): Promise<ImportReply> {
  try {
    return { ok: true, value: await runImportJob(job) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, appError: { code: error.code, message: error.message, details: error.details } };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, crash: { name: e.name, message: e.message, stack: e.stack } };
  }
}

function post(reply: ImportReply): void {
  try {
    port?.postMessage(reply);
  } catch (error) {
    // Details or a value that cannot be cloned must not leave the pool waiting for an answer.
    if (!reply.ok && 'appError' in reply) {
      port?.postMessage({ ok: false, appError: { ...reply.appError, details: null } } satisfies ImportReply);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    port?.postMessage({ ok: false, crash: { name: 'DataCloneError', message } } satisfies ImportReply);
  }
}

port.on('message', (job: ImportJob) => {
  answer(job).then(post);
});
port.postMessage(READY);
