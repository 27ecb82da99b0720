import { parseArgs } from 'node:util';
import { isIsoDate, isWorkday, shanghaiToday } from '../core/work/calendar.js';
import { type Database, openDatabase } from '../db/client.js';
import { loadWorkCalendar } from '../db/repositories/calendar.repository.js';
import { loadConfig } from '../server/config.js';
import { type LeaseLoss, leaseHolder, withLease } from '../server/lease-keeper.js';
import { createTransports, type Transports } from '../server/notify/transports.js';
import { REMINDER_LEASE } from '../server/scheduler.js';
import { type RunRemindersResult, runReminders, sentTotal } from '../server/use-cases/reminders/run-reminders.js';
import { seedCalendar } from '../server/use-cases/work/seed-calendar.js';
import type { CommandIO } from './import-command.js';

/**
 * `minxin remind --date YYYY-MM-DD`: run the reminders for a date by hand, on
 * the configured database (MINXIN_DATA_DIR or DATABASE_URL), whether or not a
 * server is running: it takes the same lease as the server's scheduler. Prints
 * how many reminders it sent; a second run for the same date sends none.
 * It renews the lease while it runs (MINXIN_LEASE_SECONDS), so a long run is
 * never joined by a server's scheduler, and stops sending if it loses it.
 * Exit 0 on success, 1 when it could not run or was cut short, 2 on wrong usage.
 */

export const REMIND_USAGE = `用法 (usage): minxin remind --date YYYY-MM-DD

  按指定日期计划并发送提醒（站内消息、邮件、企业微信、钉钉），同一日期重复运行不会重复发送。
  Plans and sends the reminders for a date; running it again for the same date sends nothing twice.
  --date YYYY-MM-DD     业务日期，默认今天 (the business date; default today, Asia/Shanghai)`;

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export interface RemindDependencies {
  transports?: Transports;
  now?: Date;
  /** How long to wait for a run of the server's scheduler to finish. */
  leaseWaitMs?: number;
  /** An open database to use instead of the configured one (tests); it is left open. */
  database?: Database;
}

const LOST_MESSAGES: Record<LeaseLoss, string> = {
  taken:
    '提醒发送中断：另一进程接管了提醒任务。未发送的提醒由它继续发送。 Reminders stopped: another process took over the reminder run and sends the rest.',
  'not renewed in time':
    '提醒发送中断：无法按时续期提醒任务的租约（数据库无响应？），请稍后重试。 Reminders stopped: the reminder lease could not be renewed in time (is the database reachable?); run again later.',
};

export function formatRemindResult(result: RunRemindersResult): string[] {
  const total = sentTotal(result);
  return [
    `已发送提醒 ${total} 条 (${total} reminders sent)`,
    `  站内消息 inbox: ${result.sent.inbox}  邮件 e-mail: ${result.sent.email}  企业微信 WeCom: ${result.sent.wecom}  钉钉 DingTalk: ${result.sent.dingtalk}`,
    `  计划 planned: ${result.planned}  新排队 queued: ${result.queued}  暂缓（免打扰）deferred: ${result.deferred}  失败待重试 failed: ${result.failed}  已放弃 dead: ${result.dead}  督办升级 notices escalated: ${result.escalated}`,
  ];
}

export async function remindCommand(
  args: string[],
  io: CommandIO = processIO,
  deps: RemindDependencies = {},
): Promise<number> {
  let date: string;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
    if (values.help) {
      io.stdout(`${REMIND_USAGE}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new Error(`多余的参数 (unexpected arguments): ${positionals.join(' ')}`);
    // MINXIN_TODAY pins the business date of a training installation, as the server does.
    date = values.date ?? process.env.MINXIN_TODAY ?? shanghaiToday();
    if (!isIsoDate(date))
      throw new Error(`日期“${date}”无效，请使用 YYYY-MM-DD，例如 2026-06-22 (invalid date; use YYYY-MM-DD)`);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${REMIND_USAGE}\n`);
    return 2;
  }

  const config = loadConfig();
  const database =
    deps.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.MINXIN_DATA_DIR, poolSize: 2 }));
  try {
    await database.migrate();
    await seedCalendar(database.db);
    const outcome = await withLease(
      {
        db: database.db,
        name: REMINDER_LEASE,
        holder: leaseHolder('cli'),
        ttlMs: config.MINXIN_LEASE_SECONDS * 1000,
        waitMs: deps.leaseWaitMs ?? 60_000,
      },
      async ({ signal }) => {
        const calendar = await loadWorkCalendar(database.db, Number(date.slice(0, 4)));
        if (!isWorkday(calendar, date))
          io.stderr(
            `${date} 不是工作日，不计划新的提醒，只发送到期的投递。 ${date} is not a working day: no new reminders.\n`,
          );
        return runReminders(database.db, {
          date,
          ...(deps.now ? { now: deps.now } : {}),
          transports: deps.transports ?? createTransports(config),
          config,
          ctx: { actor: { kind: 'system', name: 'cli' }, ip: null },
          signal,
          log: (message) => io.stderr(`${message}\n`),
        });
      },
    );
    if (!outcome.acquired) {
      io.stderr('另一进程正在发送提醒，请稍后重试。 Another process is sending reminders; try again later.\n');
      return 1;
    }
    // What went out before a lost lease stopped the run is printed too: none of it is sent again.
    io.stdout(`${formatRemindResult(outcome.value).join('\n')}\n`);
    if (outcome.lost) {
      io.stderr(`${LOST_MESSAGES[outcome.lost]}\n`);
      return 1;
    }
    return 0;
  } finally {
    if (!deps.database) await database.close();
  }
}
