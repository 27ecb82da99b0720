import { AppError } from '../../../core/errors.js';
import { isIsoDate } from '../../../core/work/calendar.js';
import { releaseTime } from '../../../core/work/quiet-hours.js';
import { dueReportsOf, planReminders } from '../../../core/work/reminders.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { loadWorkCalendar } from '../../../db/repositories/calendar.repository.js';
import { channelsForJurisdiction } from '../../../db/repositories/channels.repository.js';
import { insertDeliveries } from '../../../db/repositories/deliveries.repository.js';
import { postInbox } from '../../../db/repositories/inbox.repository.js';
import {
  handedInReports,
  type PublishedProgramme,
  publishedProgrammes,
  reportAssignments,
  unansweredNotices,
} from '../../../db/repositories/recipients.repository.js';
import { getReportingPlans, type ReportingPlanRecord } from '../../../db/repositories/reporting-plan.repository.js';
import type { Transports } from '../../notify/transports.js';
import { escalateOverdueNotices } from '../notices/escalate-overdue-notices.js';
import { AudienceResolver, buildOutbox } from './deliver-intents.js';
import { itemStatusFacts } from './item-status-facts.js';
import { processDeliveries } from './process-deliveries.js';

export interface RunRemindersOptions {
  /** The business date reminders are planned for (YYYY-MM-DD). */
  date: string;
  /** The wall clock: quiet hours and the delivery queue go by it. */
  now?: Date;
  transports: Transports;
  config: { MINXIN_PUBLIC_URL?: string | undefined };
  /** Who runs it, for the audit trail (the scheduler, the CLI, a person). */
  ctx: RequestContext;
  /** Per delivery attempt (tests shorten it). */
  timeoutMs?: number;
  log?: (message: string) => void;
  /** Stop early (server shutting down, lease lost): no further programme is planned and no further delivery sent. */
  signal?: AbortSignal | undefined;
  /** How long claimed deliveries are held from other workers between heartbeats (tests shorten it). */
  holdMs?: number;
}

export interface RunRemindersResult {
  date: string;
  programmes: number;
  /** Reminders planned (before they fan out to people and channels). */
  planned: number;
  /** Deliveries newly queued for e-mail and robots. */
  queued: number;
  /** Notices escalated because their reply is late. */
  escalated: number;
  /** New inbox messages and deliveries that went out in this run. */
  sent: { inbox: number; email: number; wecom: number; dingtalk: number };
  /** Robot messages posted: the reminders due for a robot go out as one digest (split only when too long). */
  robotMessages: { wecom: number; dingtalk: number };
  failed: number;
  dead: number;
  /** Deliveries held back by quiet hours. */
  deferred: number;
}

let warnedNoSmtp = false;

/** The sum of `sent`: what the CLI prints. */
export const sentTotal = (result: RunRemindersResult): number =>
  result.sent.inbox + result.sent.email + result.sent.wecom + result.sent.dingtalk;

/**
 * Plan and send the reminders of every published programme for a date: one
 * transaction per programme stores the inbox messages and queues the
 * deliveries (dedupe keys make a second run add nothing) with one audit entry
 * when anything was new; then late notices are escalated and the due
 * deliveries sent. Safe to run again for the same date.
 */
export async function runReminders(db: Db, options: RunRemindersOptions): Promise<RunRemindersResult> {
  const { date } = options;
  if (!isIsoDate(date))
    throw new AppError('VALIDATION', `日期“${date}”无效，请使用 YYYY-MM-DD。 Invalid date “${date}”; use YYYY-MM-DD.`);
  const now = options.now ?? new Date();
  const emailOn = options.transports.sendMail !== undefined;
  if (!emailOn && !warnedNoSmtp) {
    warnedNoSmtp = true;
    options.log?.('未配置 SMTP（MINXIN_SMTP_URL），不发送提醒邮件 (no SMTP configured: reminders are not e-mailed)');
  }

  const programmes = await publishedProgrammes(db);
  const plans = await getReportingPlans(
    db,
    programmes.map((p) => p.id),
  );
  const result: RunRemindersResult = {
    date,
    programmes: programmes.length,
    planned: 0,
    queued: 0,
    escalated: 0,
    sent: { inbox: 0, email: 0, wecom: 0, dingtalk: 0 },
    robotMessages: { wecom: 0, dingtalk: 0 },
    failed: 0,
    dead: 0,
    deferred: 0,
  };

  for (const programme of programmes) {
    // Whoever stopped this run (a shutdown, another holder of the lease) plans the rest on its next run.
    if (options.signal?.aborted) return result;
    const plan = plans.get(programme.id);
    if (!plan) continue;
    const counts = await remindProgramme(db, programme, plan, { ...options, now, emailOn });
    result.planned += counts.planned;
    result.sent.inbox += counts.inbox;
    result.queued += counts.queued;
    result.deferred += counts.deferred;
  }

  if (options.signal?.aborted) return result;
  result.escalated = await escalateOverdueNotices(db, options.ctx, date);

  const processed = await processDeliveries(db, now, options.transports, {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.holdMs === undefined ? {} : { holdMs: options.holdMs }),
    // On the wall clock, claims are held from the real time, however long the planning took.
    ...(options.now === undefined ? { clock: () => new Date() } : {}),
    signal: options.signal,
    releaseTime: (delivery, at) => {
      // The delivery's programme sets the quiet hours.
      const plan = delivery.programmeId === null ? undefined : plans.get(delivery.programmeId);
      return plan ? releaseTime(at, plan.quietStart, plan.quietEnd) : at;
    },
  });
  result.sent.email = processed.sent.email;
  result.sent.wecom = processed.sent.wecom;
  result.sent.dingtalk = processed.sent.dingtalk;
  result.robotMessages = processed.robotMessages;
  result.failed = processed.failed;
  result.dead = processed.dead;
  result.deferred += processed.deferred;
  return result;
}

async function remindProgramme(
  db: Db,
  programme: PublishedProgramme,
  plan: ReportingPlanRecord,
  options: RunRemindersOptions & { now: Date; emailOn: boolean },
): Promise<{ planned: number; inbox: number; queued: number; deferred: number }> {
  const { date } = options;
  const dateYear = Number(date.slice(0, 4));
  const calendar = await loadWorkCalendar(
    db,
    Math.min(programme.year, dateYear),
    Math.max(programme.year + 1, dateYear),
  );
  const [assignments, handedIn, notices, items] = await Promise.all([
    reportAssignments(db, programme.id),
    handedInReports(db, programme.id),
    unansweredNotices(db, programme.id),
    itemStatusFacts(db, programme.id, date),
  ]);
  const intents = planReminders({
    programmeId: programme.id,
    year: programme.year,
    date,
    calendar,
    plan,
    dueReports: dueReportsOf(calendar, plan, programme.year, assignments, handedIn),
    items,
    notices,
  });
  if (intents.length === 0) return { planned: 0, inbox: 0, queued: 0, deferred: 0 };

  const releaseAt = releaseTime(options.now, plan.quietStart, plan.quietEnd);
  const outbox = await buildOutbox(intents, new AudienceResolver(db), {
    channels: await channelsForJurisdiction(db, programme.jurisdictionId),
    email: options.emailOn,
    releaseAt,
    publicUrl: options.config.MINXIN_PUBLIC_URL,
  });
  return db.transaction(async (tx) => {
    const inbox = await postInbox(tx, outbox.inbox);
    const queued = (await insertDeliveries(tx, outbox.deliveries)).length;
    if (inbox > 0 || queued > 0)
      await writeAudit(tx, options.ctx, {
        action: 'run',
        entityType: 'reminder_run',
        entityId: null,
        programmeId: programme.id,
        after: {
          date,
          planned: intents.length,
          blue: intents.filter((i) => i.level === 'blue').length,
          yellow: intents.filter((i) => i.level === 'yellow').length,
          red: intents.filter((i) => i.level === 'red').length,
          inboxMessages: inbox,
          deliveriesQueued: queued,
        },
      });
    // Queued inside quiet hours: they wait for its end.
    const deferred = releaseAt.getTime() > options.now.getTime() ? queued : 0;
    return { planned: intents.length, inbox, queued, deferred };
  });
}
