import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindCommand } from '../src/cli/remind-command.js';
import { openDatabase } from '../src/db/client.js';
import { seedDemo } from '../src/server/use-cases/demo/seed-demo.js';
import { TEST_PASSWORD } from './helpers/app.js';

let dir: string;
const saved = { ...process.env };

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'minxin-remind-'));
  process.env.MINXIN_DATA_DIR = path.join(dir, 'data');
  delete process.env.DATABASE_URL;
  delete process.env.MINXIN_SMTP_URL;
  const database = await openDatabase({ dataDir: process.env.MINXIN_DATA_DIR });
  await database.migrate();
  await seedDemo(database.db, TEST_PASSWORD);
  await database.close();
}, 60_000);
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('minxin remind', () => {
  it('prints how many reminders it sent, and 0 when run again for the same date', async () => {
    const first = io();
    expect(await remindCommand(['--date', '2026-01-22'], first.io)).toBe(0);
    const count = Number(/已发送提醒 (\d+) 条 \((\d+) reminders sent\)/.exec(first.out.join(''))?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(first.out.join('')).toContain(`站内消息 inbox: ${count}`);
    expect(first.err.join('')).toContain('未配置 SMTP');

    const second = io();
    expect(await remindCommand(['--date', '2026-01-22'], second.io)).toBe(0);
    expect(second.out.join('')).toContain('已发送提醒 0 条 (0 reminders sent)');
  }, 120_000);

  it('refuses a bad date with exit code 2 and says how to write it', async () => {
    for (const args of [
      ['--date', '2026-02-30'],
      ['--date', 'tomorrow'],
      ['--when', '2026-01-22'],
    ]) {
      const run = io();
      expect(await remindCommand(args, run.io)).toBe(2);
      expect(run.err.join('')).toContain('用法 (usage): minxin remind');
    }
    const bad = io();
    await remindCommand(['--date', '2026-02-30'], bad.io);
    expect(bad.err.join('')).toMatch(/^日期“2026-02-30”无效，请使用 YYYY-MM-DD/);
  });
});
