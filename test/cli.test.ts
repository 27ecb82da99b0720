import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, run } from '../src/cli/main.js';
import { openDatabase } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { buildProgrammeDocument } from './helpers/factories.js';

let dir: string;
const saved = { ...process.env };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'minxin-cli-'));
  process.env.MINXIN_DATA_DIR = path.join(dir, 'data');
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

function captureOutput() {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => void out.push(args.join(' ')));
  return {
    out,
    restore() {
      log.mockRestore();
      error.mockRestore();
    },
  };
}

describe('the minxin command', () => {
  it('migrates, creates the first admin outside demo mode, loads and exports a programme', async () => {
    const io = captureOutput();
    try {
      expect(await main(['migrate'])).toBe(0);
      expect(await main(['user', 'add', '--username', 'chief', '--role', 'admin'])).toBe(0);
      const password = io.out.find((line) => line.startsWith('密码'))?.split(': ')[1] as string;
      expect(password).toMatch(/^[a-z2-9-]{19}$/);

      const file = path.join(dir, 'programme.json');
      writeFileSync(file, JSON.stringify(buildProgrammeDocument()));
      expect(await main(['load', file])).toBe(0);
      const out = path.join(dir, 'exported.json');
      expect(await main(['export', '1', '--out', out])).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).title).toBe('测试区2030年民心工程');
      // The official layouts: a zip for xlsx and docx, CSV with its byte-order mark.
      for (const format of ['xlsx', 'docx', 'csv']) {
        const file = path.join(dir, `exported.${format}`);
        expect(await main(['export', '1', '--format', format, '--out', file])).toBe(0);
        const head = readFileSync(file).subarray(0, 3);
        expect(head.toString('latin1'), format).toBe(format === 'csv' ? '\u00ef\u00bb\u00bf' : 'PK\u0003');
      }

      // The account the command made signs in through the API.
      const database = await openDatabase({ dataDir: process.env.MINXIN_DATA_DIR });
      const app = await buildApp({ database, config: testConfig(), serveWeb: false });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'chief', password },
      });
      expect(response.statusCode).toBe(200);
      await app.close();
      await database.close();
    } finally {
      io.restore();
    }
  });

  it('refuses a weak password and exits 1 with the reason', async () => {
    const io = captureOutput();
    try {
      await run(['user', 'add', '--username', 'weak', '--role', 'viewer', '--password', 'short']);
      expect(process.exitCode).toBe(1);
      expect(io.out.join('\n')).toMatch(/密码不符合要求/);
    } finally {
      process.exitCode = 0;
      io.restore();
    }
  });

  it('exits 2 with the usage on a wrong command or option', async () => {
    const io = captureOutput();
    try {
      await run(['frobnicate']);
      expect(process.exitCode).toBe(2);
      process.exitCode = 0;
      await run(['user', 'add', '--username', 'x', '--role', 'emperor']);
      expect(process.exitCode).toBe(2);
      process.exitCode = 0;
      await run(['export', '1', '--format', 'pdf']);
      expect(process.exitCode).toBe(2);
      expect(io.out.join('\n')).toMatch(/未知格式 unknown format: pdf/);
      expect(io.out.join('\n')).toMatch(/用法 \(usage\)/);
    } finally {
      process.exitCode = 0;
      io.restore();
    }
  });
});
