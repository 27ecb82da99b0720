import { type ResourceLimits, Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors.js';
import { type SniffedFile, sniffEvidence } from '../../core/files/sniff.js';
import type { MatchProgramme } from '../../core/import/bulletin/types.js';
import type { ImportOptions, ImportResult } from '../../core/import/import-document.js';
import { looksLikeZip } from '../../core/import/readers/zip.js';
import {
  type BulletinReading,
  type ImportJob,
  type ImportJobKind,
  type ImportJobOutput,
  type ImportReply,
  READY,
  runImportJob,
} from './import-jobs.js';

/**
 * Import work off the request thread. Reading a list file is pure CPU: the
 * largest file the API accepts held the event loop for seconds, and every
 * other user waited. The pool runs it on worker threads instead, each job
 * within a time limit and each worker within a heap limit, so a hostile file
 * costs one worker (terminated and replaced) and a clear 4xx, never the server.
 */

export interface ImportPoolOptions {
  /** Worker threads; 0 runs the work on the caller's thread, without limits (for debugging). */
  size?: number;
  /** A job's time limit, from the moment a started worker receives it. */
  timeoutMs?: number;
  /** Jobs that may wait for a worker; one more is refused with 503. */
  maxWaiting?: number;
  /** The V8 limits of each worker: past them the worker dies, not the server. */
  resourceLimits?: ResourceLimits;
  /** A worker with nothing to do this long exits, giving its heap back. */
  idleMs?: number;
}

export const IMPORT_POOL_DEFAULTS = {
  size: 1,
  timeoutMs: 20_000,
  maxWaiting: 8,
  resourceLimits: { maxOldGenerationSizeMb: 768 },
  idleMs: 60_000,
} as const satisfies Required<ImportPoolOptions>;

// Built, the worker is the compiled import-worker.js beside this file. From the TypeScript sources
// (vitest, `node --import tsx`) it is import-worker.ts, loaded through a small .mjs that registers tsx.
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './import-worker-dev.mjs' : './import-worker.js',
  import.meta.url,
);

/** The longest a new worker may take to load the importers before its first job is given up. */
const START_LIMIT_MS = 60_000;

const SUBJECT: Record<ImportJobKind, { zh: string; en: string }> = {
  file: { zh: '文件', en: 'The file' },
  text: { zh: '粘贴的文字', en: 'The pasted text' },
  bulletin: { zh: '通报', en: 'The bulletin' },
  evidence: { zh: '上传的文件', en: 'The uploaded file' },
};

const tooSlow = (kind: ImportJobKind, ms: number) => {
  const s = Math.round(ms / 100) / 10;
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `${SUBJECT[kind].zh}过于复杂，未能在 ${s} 秒内读完，请拆分后再导入。 ${SUBJECT[kind].en} is too complex to read within ${s} s; split it and import the parts.`,
    { limitMs: ms },
  );
};

const tooBig = (kind: ImportJobKind) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `${SUBJECT[kind].zh}过大或过于复杂，读取时超出内存上限，请拆分后再导入。 ${SUBJECT[kind].en} needs more memory than an import may use; split it and import the parts.`,
  );

const queueFull = () =>
  new AppError('UNAVAILABLE', '导入排队已满，请稍后再试。 Too many imports are waiting; try again in a minute.');

const closing = () =>
  new AppError('UNAVAILABLE', '服务器正在停止，请稍后再试。 The server is stopping; try again shortly.');

const workerDied = (cause: string) =>
  new AppError(
    'INTERNAL',
    '导入时发生内部错误，请将文件发给管理员。 The importer failed on this file; send it to your administrator.',
    { cause },
  );

interface Task {
  job: ImportJob;
  transfer: ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  deadline?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
  /** Set by the worker's `error` event, read when it exits. */
  failure?: Error;
}

export class ImportPool {
  readonly options: Required<ImportPoolOptions>;
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private closed = false;

  constructor(options: ImportPoolOptions = {}) {
    this.options = { ...IMPORT_POOL_DEFAULTS, ...options };
  }

  /** A .txt, .docx or .xlsx list, as `importFile` in src/core/import reads it. */
  importFile(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportResult> {
    // A copy of our own to hand over: the caller's bytes may be a view into a shared Buffer slab.
    const copy = new Uint8Array(bytes);
    return this.run({ kind: 'file', bytes: copy, fileName, options }, [copy.buffer]);
  }

  /** Pasted text, as `importPastedText` reads it. */
  importPastedText(text: string, options: ImportOptions): Promise<ImportResult> {
    return this.run({ kind: 'text', text, options });
  }

  /** A published bulletin read back and matched against the programme's items. */
  readBulletin(text: string, programme: MatchProgramme): Promise<BulletinReading> {
    return this.run({ kind: 'bulletin', text, programme });
  }

  /**
   * An evidence file's type from its bytes (`sniffEvidence`). Only a Word or
   * Excel package costs anything (every entry is inflated to refuse zip
   * bombs: seconds for the largest), so only a zip goes to a worker.
   */
  sniffEvidence(bytes: Uint8Array, fileName: string): Promise<SniffedFile> {
    if (!looksLikeZip(bytes)) {
      try {
        return Promise.resolve(sniffEvidence(bytes, fileName));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const copy = new Uint8Array(bytes);
    return this.run({ kind: 'evidence', bytes: copy, fileName }, [copy.buffer]);
  }

  run<J extends ImportJob>(job: J, transfer: ArrayBuffer[] = []): Promise<ImportJobOutput[J['kind']]> {
    if (this.closed) return Promise.reject(closing());
    if (this.options.size === 0) return runImportJob(job) as Promise<ImportJobOutput[J['kind']]>;
    const busy = this.slots.length >= this.options.size && !this.slots.some((s) => s.ready && !s.task);
    if (busy && this.waiting.length >= this.options.maxWaiting) return Promise.reject(queueFull());
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, transfer, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Refuse what waits, stop what runs, and end the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(closing());
    await Promise.all(
      [...this.slots].map((slot) => {
        slot.task?.reject(closing());
        slot.task = null;
        return this.retire(slot);
      }),
    );
  }

  /** Live workers, for tests and the health of the pool. */
  get workerCount(): number {
    return this.slots.length;
  }

  /** Jobs being read now (or holding a starting worker). */
  get running(): number {
    return this.slots.filter((s) => s.task).length;
  }

  private pump(): void {
    while (!this.closed && this.waiting.length > 0) {
      const free = this.slots.find((s) => s.ready && !s.task);
      if (free) this.start(free, this.waiting.shift() as Task);
      else if (this.slots.length < this.options.size) this.spawn(this.waiting.shift() as Task);
      else return;
    }
  }

  /** A new worker, holding its first task until its modules are loaded. */
  private spawn(task: Task): void {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { resourceLimits: this.options.resourceLimits });
    } catch (error) {
      task.reject(workerDied(error instanceof Error ? error.message : String(error)));
      return;
    }
    const slot: Slot = { worker, ready: false, task };
    this.slots.push(slot);
    // Start-up is outside a job's limit (loading the importers takes seconds on a busy machine), but bounded.
    slot.deadline = setTimeout(() => {
      const first = slot.task;
      slot.task = null;
      void this.retire(slot);
      first?.reject(workerDied(`the import worker did not start within ${START_LIMIT_MS / 1000} s`));
      this.pump();
    }, START_LIMIT_MS);
    worker.on('message', (message: ImportReply | typeof READY) => {
      if (message === READY) {
        clearTimeout(slot.deadline);
        slot.ready = true;
        const first = slot.task;
        slot.task = null;
        if (first) this.start(slot, first);
        else this.pump();
        return;
      }
      this.settle(slot, message);
    });
    worker.on('error', (error) => {
      slot.failure = error;
    });
    worker.on('exit', (code) => this.exited(slot, code));
  }

  private start(slot: Slot, task: Task): void {
    clearTimeout(slot.idle);
    slot.task = task;
    // Referenced while it works, so a script awaiting the job is not cut short; unreferenced when idle.
    slot.worker.ref();
    slot.worker.postMessage(task.job, task.transfer);
    slot.deadline = setTimeout(() => {
      if (slot.task !== task) return;
      slot.task = null;
      void this.retire(slot);
      task.reject(tooSlow(task.job.kind, this.options.timeoutMs));
      this.pump();
    }, this.options.timeoutMs);
  }

  private settle(slot: Slot, reply: ImportReply): void {
    const task = slot.task;
    if (!task) return;
    clearTimeout(slot.deadline);
    slot.task = null;
    slot.worker.unref();
    slot.idle = setTimeout(() => void this.retire(slot), this.options.idleMs);
    slot.idle.unref();
    if (reply.ok) task.resolve(reply.value);
    else if ('appError' in reply) {
      const { code, message, details } = reply.appError;
      task.reject(new AppError(code, message, details));
    } else {
      // Not a domain error: a fault in the code, answered as it would be on this thread (500, logged).
      const error = new Error(reply.crash.message);
      error.name = reply.crash.name;
      if (reply.crash.stack) error.stack = reply.crash.stack;
      task.reject(error);
    }
    this.pump();
  }

  /** A worker that stopped by itself: out of memory, or crashed. Its job gets the reason; the next gets a new worker. */
  private exited(slot: Slot, code: number): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return; // retired on purpose
    this.slots.splice(index, 1);
    clearTimeout(slot.deadline);
    clearTimeout(slot.idle);
    const task = slot.task;
    slot.task = null;
    if (task) {
      const failure = slot.failure as (Error & { code?: string }) | undefined;
      task.reject(
        failure?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooBig(task.job.kind)
          : workerDied(failure?.message ?? `import worker exited with code ${code}`),
      );
    }
    this.pump();
  }

  private async retire(slot: Slot): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
    clearTimeout(slot.deadline);
    clearTimeout(slot.idle);
    await slot.worker.terminate().catch(() => undefined);
  }
}
