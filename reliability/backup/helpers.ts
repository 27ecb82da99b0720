/**
 * The backup suite's tools: `minxin backup|restore` as child processes (the
 * build, as an operator runs them), an evidence file added through the API,
 * and every table of a database read for comparison.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { listSequences, quote, rowsOf } from '../../src/db/backup/catalogue.js';
import { type DatabaseSnapshot, snapshotTables } from '../../src/db/backup/compare-tables.js';
import { openDatabase } from '../../src/db/client.js';
import { type ApiSession, ROOT, signInApi } from '../lib.js';

/** Where a database lives: a PGlite folder or a PostgreSQL URL. */
export type Place = { dataDir: string } | { url: string };

export const describePlace = (place: Place): string => ('url' in place ? 'PostgreSQL' : 'PGlite');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  /** The command's peak resident memory (VmHWM), in MB. */
  peakMb: number;
}

/** VmHWM of a running process, in MB (0 once it is gone). */
function peakMemory(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** `node bin/minxin.js …` on the given database, as an operator would run it. */
export function runMinxin(args: string[], place: Place): Promise<CliRun> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete env.TEST_DATABASE_URL;
  delete env.DATABASE_URL;
  delete env.MINXIN_DATA_DIR;
  if ('url' in place) env.DATABASE_URL = place.url;
  else env.MINXIN_DATA_DIR = place.dataDir;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/minxin.js', ...args], { cwd: ROOT, env });
    let peakMb = 0;
    const watch = setInterval(() => {
      peakMb = Math.max(peakMb, peakMemory(child.pid));
    }, 100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(watch);
      resolve({ code: code ?? -1, stdout, stderr, seconds: (performance.now() - started) / 1000, peakMb });
    });
  });
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A small real photograph-like PNG (a thumbnail is made from it on upload). */
export function makePng(r = 200, g = 80, b = 30): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();
}

export interface Evidence {
  png: Buffer;
  sha256: string;
  reportId: number;
  programmeId: number;
}

interface WorkPeriod {
  report: { id: number; state: string; version: number } | null;
}

/** Upload one file as the session's user; returns its SHA-256 as the server computed it. */
export async function uploadPng(url: string, session: ApiSession, png: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), '现场照片.png');
  const uploaded = await fetch(`${url}/api/v1/files`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: form,
  });
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
  const file = (await uploaded.json()) as { sha256: string; hasThumbnail: boolean };
  if (file.sha256 !== sha256(png) || !file.hasThumbnail) throw new Error(`upload answered ${JSON.stringify(file)}`);
  return file.sha256;
}

/** As the demo reporter: upload the PNG and attach it to a report sent back for photos (a draft will do). */
export async function addEvidence(url: string, png: Buffer): Promise<Evidence> {
  const session = await signInApi(url, 'reporter');
  const file = { sha256: await uploadPng(url, session, png) };
  const work = (await (await fetch(`${url}/api/v1/me/work`, { headers: session.headers })).json()) as {
    items: { programmeId: number; periods: WorkPeriod[] }[];
  };
  const editable = work.items
    .flatMap((item) => item.periods)
    .map((period) => period.report)
    .find((report) => report && (report.state === 'returned' || report.state === 'draft'));
  if (!editable) throw new Error('the demo reporter has no returned or draft report to attach a file to');
  const patched = await fetch(`${url}/api/v1/reports/${editable.id}`, {
    method: 'PATCH',
    headers: session.headers,
    body: JSON.stringify({
      version: editable.version,
      attachments: [{ sha256: file.sha256, fileName: '现场照片.png' }],
    }),
  });
  if (!patched.ok) throw new Error(`attach: ${patched.status} ${await patched.text()}`);
  return { png, sha256: file.sha256, reportId: editable.id, programmeId: work.items[0]?.programmeId ?? 0 };
}

/** As the supervisor: draft and publish a bulletin, so a frozen row (its trigger refuses changes) is in the backup. */
export async function publishBulletin(url: string, programmeId: number): Promise<void> {
  const session = await signInApi(url, 'supervisor');
  const drafted = await fetch(`${url}/api/v1/programmes/${programmeId}/bulletins`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ cutoff: '2026-09-30' }),
  });
  if (drafted.status !== 201) throw new Error(`bulletin draft: ${drafted.status} ${await drafted.text()}`);
  const { id } = (await drafted.json()) as { id: number };
  const published = await fetch(`${url}/api/v1/bulletins/${id}/publish`, {
    method: 'POST',
    headers: session.headers,
    body: '{}',
  });
  if (!published.ok) throw new Error(`bulletin publish: ${published.status} ${await published.text()}`);
}

/** Signed in on the restored data, the reporter downloads the photo and its thumbnail from the report. */
export async function downloadEvidence(url: string, evidence: Evidence): Promise<{ bytes: Buffer; thumbnail: string }> {
  const session = await signInApi(url, 'reporter');
  const report = (await (
    await fetch(`${url}/api/v1/reports/${evidence.reportId}`, { headers: session.headers })
  ).json()) as {
    attachments?: { sha256: string; url: string; thumbnailUrl: string | null }[];
  };
  const attachment = report.attachments?.find((a) => a.sha256 === evidence.sha256);
  if (!attachment) throw new Error(`report ${evidence.reportId} lost its attachment: ${JSON.stringify(report)}`);
  const file = await fetch(`${url}${attachment.url}`, { headers: session.headers });
  const thumbnail = await fetch(`${url}${attachment.thumbnailUrl ?? '/missing'}`, { headers: session.headers });
  return {
    bytes: Buffer.from(await file.arrayBuffer()),
    thumbnail: `${thumbnail.status} ${thumbnail.headers.get('content-type')}`,
  };
}

export interface PlaceSnapshot {
  tables: DatabaseSnapshot;
  /** Sequences whose next value would collide with a row already there. */
  sequencesBehind: string[];
  sequences: number;
}

/** Every table of the database (the catalogue's list), and whether each sequence is past its column's ids. */
export async function snapshotPlace(place: Place): Promise<PlaceSnapshot> {
  const database = await openDatabase('url' in place ? { url: place.url, poolSize: 2 } : { dataDir: place.dataDir });
  try {
    const tables = await snapshotTables(database.db);
    const sequencesBehind: string[] = [];
    const sequences = await listSequences(database.db);
    for (const sequence of sequences) {
      if (!sequence.table || !sequence.column) continue;
      const [row] = await rowsOf<{ behind: boolean }>(
        database.db,
        sql.raw(
          `select coalesce((select max(${quote(sequence.column)}) from ${quote(sequence.table)}), 0) >=
                  (select case when is_called then last_value + 1 else last_value end from ${quote(sequence.name)}) as behind`,
        ),
      );
      if (row?.behind) sequencesBehind.push(sequence.name);
    }
    return { tables, sequencesBehind, sequences: sequences.length };
  } finally {
    await database.close();
  }
}

export function totals(snapshot: DatabaseSnapshot): { tables: number; rows: number; binaryBytes: number } {
  let rows = 0;
  let binaryBytes = 0;
  for (const table of snapshot.values()) {
    rows += table.rows.length;
    binaryBytes += table.binaryBytes;
  }
  return { tables: snapshot.size, rows, binaryBytes };
}

/** `用时 took: 1.2 s` from the command's output: the time spent on the data, without Node's and the database's start. */
export const reportedSeconds = (output: string): number => Number(/用时 took: ([\d.]+) s/.exec(output)?.[1] ?? NaN);
