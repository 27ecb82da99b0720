import type { ErrorCode } from '../../core/errors.js';
import { type SniffedFile, sniffEvidence } from '../../core/files/sniff.js';
import { matchBulletin } from '../../core/import/bulletin/match-bulletin.js';
import { readBulletin } from '../../core/import/bulletin/read-bulletin.js';
import type { BulletinMatchResult, MatchProgramme, ReadBulletin } from '../../core/import/bulletin/types.js';
import {
  type ImportOptions,
  type ImportResult,
  importFile,
  importPastedText,
} from '../../core/import/import-document.js';

/**
 * The CPU work of an import, as messages: what the pool sends a worker and
 * what comes back. Every field survives structured cloning (plain objects,
 * strings, numbers, Uint8Array), so the worker and the inline mode run the
 * very same function on the very same values.
 */

export type ImportJob =
  | { kind: 'file'; bytes: Uint8Array; fileName: string; options: ImportOptions }
  | { kind: 'text'; text: string; options: ImportOptions }
  | { kind: 'bulletin'; text: string; programme: MatchProgramme }
  | { kind: 'evidence'; bytes: Uint8Array; fileName: string };

export interface BulletinReading {
  read: ReadBulletin;
  result: BulletinMatchResult;
}

export interface ImportJobOutput {
  file: ImportResult;
  text: ImportResult;
  bulletin: BulletinReading;
  evidence: SniffedFile;
}

export type ImportJobKind = ImportJob['kind'];

export async function runImportJob(job: ImportJob): Promise<ImportJobOutput[ImportJobKind]> {
  switch (job.kind) {
    case 'file':
      return importFile(job.bytes, job.fileName, job.options);
    case 'text':
      return importPastedText(job.text, job.options);
    case 'bulletin': {
      const read = readBulletin(job.text);
      return { read, result: matchBulletin(read, job.programme) };
    }
    case 'evidence':
      return sniffEvidence(job.bytes, job.fileName);
  }
}

/** What a worker posts back: a value, a domain error to rebuild as AppError, or any other failure. */
export type ImportReply =
  | { ok: true; value: unknown }
  | { ok: false; appError: { code: ErrorCode; message: string; details: unknown } }
  | { ok: false; crash: { name: string; message: string; stack?: string | undefined } };

/** The worker says so once its modules are loaded, so a job's time limit counts reading, not start-up. */
export const READY = 'minxin-import-worker-ready';
