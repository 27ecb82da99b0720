import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { indicators, items, jurisdictions, programmes, timestamps, units, users, version } from './schema.js';

/**
 * The year's work after a list is published: the reporting plan, progress
 * reports with evidence, reminders and their deliveries, supervision notices
 * (督办单), on-site inspections and assessment adjustments. Same conventions
 * as schema.ts: editable rows carry `version`, every mutation is audited.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike)),
});

export const reportFrequency = pgEnum('report_frequency', ['monthly', 'quarterly']);
export const interpolation = pgEnum('interpolation', ['step', 'linear']);
export const reportState = pgEnum('report_state', ['draft', 'submitted', 'approved', 'returned']);
export const claimedStatus = pgEnum('claimed_status', ['not_started', 'in_progress', 'done', 'blocked']);
export const calendarDayKind = pgEnum('calendar_day_kind', ['holiday', 'workday']);
export const noticeState = pgEnum('notice_state', ['open', 'replied', 'closed', 'escalated']);
export const channelKind = pgEnum('channel_kind', ['email', 'wecom', 'dingtalk']);
export const deliveryState = pgEnum('delivery_state', ['pending', 'sent', 'failed', 'dead']);

/** Weights of the assessment rules (考核细则), in points out of 100. */
export interface AssessmentWeights {
  reportsOnTime: number;
  milestonesMet: number;
  itemsDone: number;
  noticesAnswered: number;
}

/**
 * How a programme is reported on and judged: one row per programme, created
 * with defaults on first use.
 */
export const reportingPlans = pgTable(
  'reporting_plans',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    frequency: reportFrequency('frequency').notNull().default('monthly'),
    /** Reports for a period are due on this day of the period's last month (moved to the next working day). */
    dueDay: integer('due_day').notNull().default(25),
    /** Periods closed to further reports (an approved period can be locked). */
    lockedPeriods: jsonb('locked_periods').$type<string[]>().notNull().default([]),
    /** How the expected value moves between two checkpoints. */
    interpolation: interpolation('interpolation').notNull().default('step'),
    /** actual / expected at or above this is on track… */
    onTrackRatio: doublePrecision('on_track_ratio').notNull().default(0.9),
    /** …at or above this at risk, below it lagging. */
    laggingRatio: doublePrecision('lagging_ratio').notNull().default(0.7),
    /** Blue reminders start this many working days before a report is due. */
    remindDaysBefore: integer('remind_days_before').notNull().default(3),
    /** No e-mail or robot messages between these local times (HH:MM, Asia/Shanghai). */
    quietStart: text('quiet_start').notNull().default('22:00'),
    quietEnd: text('quiet_end').notNull().default('08:00'),
    assessmentWeights: jsonb('assessment_weights')
      .$type<AssessmentWeights>()
      .notNull()
      .default({ reportsOnTime: 30, milestonesMet: 30, itemsDone: 30, noticesAnswered: 10 }),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('reporting_plans_programme_key').on(t.programmeId)],
);

/**
 * The working-day calendar: statutory holidays and make-up working days (调休)
 * as editable data. A date not listed is a working day Monday to Friday.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: serial('id').primaryKey(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: calendarDayKind('kind').notNull(),
    name: text('name').notNull().default(''),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('calendar_days_date_key').on(t.date)],
);

/**
 * A unit's progress report on an item (or a part) for one period. The lead
 * unit's report is the item's; co-units report their share beside it.
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** Q1–Q4 or M01–M12 of the programme's year. */
    period: text('period').notNull(),
    state: reportState('state').notNull().default('draft'),
    /** 进展情况: the public progress text once approved. */
    progress: text('progress').notNull().default(''),
    percentComplete: doublePrecision('percent_complete'),
    claimedStatus: claimedStatus('claimed_status').notNull().default('in_progress'),
    /** 万元 */
    fundsPlanned: doublePrecision('funds_planned'),
    fundsAllocated: doublePrecision('funds_allocated'),
    fundsDisbursed: doublePrecision('funds_disbursed'),
    problems: text('problems').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    /** The first submission for the period: on time is judged by it, not by a resubmission after a return. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true, mode: 'string' }),
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    /** A client-chosen key that makes a repeated submission harmless. */
    idempotencyKey: text('idempotency_key'),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reports_item_unit_period_key').on(t.itemId, t.unitId, t.period),
    uniqueIndex('reports_idempotency_key').on(t.idempotencyKey),
    index('reports_programme_period_idx').on(t.programmeId, t.period),
    index('reports_unit_state_idx').on(t.unitId, t.state),
  ],
);

/** Cumulative actual value of an indicator as a report states it. */
export const reportValues = pgTable(
  'report_values',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
  },
  (t) => [uniqueIndex('report_values_report_indicator_key').on(t.reportId, t.indicatorId)],
);

/** Uploaded file contents, stored once by SHA-256 (content-addressed). */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  /** The type sniffed from the content, never the one the browser claimed. */
  mime: text('mime').notNull(),
  content: bytea('content').notNull(),
  /** A small WebP for images. */
  thumbnail: bytea('thumbnail'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const attachmentOwner = pgEnum('attachment_owner', ['report', 'inspection', 'notice']);

/** A file attached to a report, an inspection or a notice reply. */
export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    ownerType: attachmentOwner('owner_type').notNull(),
    ownerId: integer('owner_id').notNull(),
    blobSha256: text('blob_sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'restrict' }),
    fileName: text('file_name').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

/** 实地督查: an on-site inspection of an item. */
export const inspections = pgTable(
  'inspections',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    inspectors: text('inspectors').notNull(),
    findings: text('findings').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [index('inspections_item_idx').on(t.itemId), index('inspections_programme_idx').on(t.programmeId)],
);

/** 督办单: the office presses a unit on an item and waits for its reply. */
export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** Sequence within the programme's jurisdiction and year: 督办〔2026〕第N号. */
    seq: integer('seq').notNull(),
    reason: text('reason').notNull(),
    requiredAction: text('required_action').notNull(),
    replyDue: date('reply_due', { mode: 'string' }).notNull(),
    state: noticeState('state').notNull().default('open'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'string' }),
    repliedBy: integer('replied_by').references(() => users.id, { onDelete: 'set null' }),
    closeNote: text('close_note'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    /** 0 none; 1 unit head; 2 supervising leader. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'string' }),
    /** Why the office escalated it last (automatic escalations say so). */
    escalationNote: text('escalation_note'),
    issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notices_programme_seq_key').on(t.programmeId, t.seq),
    index('notices_item_idx').on(t.itemId),
    index('notices_unit_state_idx').on(t.unitId, t.state),
  ],
);

/** The in-app inbox: one row per user per reminder or notice. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** blue / yellow / red for reminders and escalations; info otherwise. */
    level: text('level').notNull().default('info'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Where in the web app the message leads. */
    link: text('link'),
    /** Same key, same user: the message is not sent twice. */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbox_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('inbox_user_unread_idx').on(t.userId, t.readAt),
  ],
);

/** Where reminders go besides the inbox: e-mail, WeCom and DingTalk group robots. */
export const channels = pgTable(
  'channels',
  {
    id: serial('id').primaryKey(),
    /** null: every jurisdiction. */
    jurisdictionId: integer('jurisdiction_id').references(() => jurisdictions.id, { onDelete: 'cascade' }),
    kind: channelKind('kind').notNull(),
    name: text('name').notNull(),
    /** Webhook URL for robots; unused for e-mail (recipients come from users). */
    url: text('url'),
    /** DingTalk signing secret (加签). Never leaves the server. */
    secret: text('secret'),
    /** The lowest escalation level sent here: blue, yellow or red. */
    minLevel: text('min_level').notNull().default('blue'),
    enabled: boolean('enabled').notNull().default(true),
    ...version,
    ...timestamps,
  },
  (t) => [index('channels_jurisdiction_idx').on(t.jurisdictionId)],
);

/** One message to one recipient over one channel, with its retries. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    channelId: integer('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    /** The programme a reminder is about (its quiet hours apply); null for tests and notices of no programme. */
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    /** Unique: the same reminder to the same recipient over the same channel is delivered once. */
    dedupeKey: text('dedupe_key').notNull(),
    level: text('level').notNull().default('info'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    state: deliveryState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('deliveries_dedupe_key').on(t.dedupeKey),
    index('deliveries_due_idx').on(t.state, t.nextAttemptAt),
  ],
);

/** The office's adjustment of a unit's assessment score, always with a reason. */
export const scoreAdjustments = pgTable(
  'score_adjustments',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    points: doublePrecision('points').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [index('score_adjustments_programme_unit_idx').on(t.programmeId, t.unitId)],
);

/**
 * A lease held by one process at a time (the reminder scheduler): taken or
 * renewed with one conditional upsert, so several processes can share a database.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  /** Bumped on every take-over, so a stale holder can tell it lost the lease. */
  fence: bigint('fence', { mode: 'number' }).notNull().default(sql`0`),
});
