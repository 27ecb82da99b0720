import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { items, programmes, timestamps, users, version } from './schema.js';

/**
 * What the public sees: residents' satisfaction and comments, the office's
 * bulletins (进展情况通报 / 成绩单) frozen when published, and the server-wide
 * secrets the public forms sign with. Same conventions as schema.ts.
 *
 * A programme is public exactly when `programmes.state = 'published'`
 * (docs/decisions/0004-public-means-published.md).
 */

export const feedbackState = pgEnum('feedback_state', ['pending', 'approved', 'rejected']);
export const bulletinState = pgEnum('bulletin_state', ['draft', 'published']);

/**
 * A resident's rating (1–5) of an item, with an optional comment. The rating
 * counts at once; the comment shows only once the office approves it. Rows
 * without a comment are stored `approved` (nothing to moderate). The client is
 * kept only as an HMAC of its address (never the address itself).
 */
export const feedback = pgTable(
  'feedback',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    state: feedbackState('state').notNull().default('pending'),
    clientHash: text('client_hash').notNull(),
    moderatedBy: integer('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true, mode: 'string' }),
    rejectReason: text('reject_reason'),
    ...version,
    ...timestamps,
  },
  (t) => [
    check('feedback_rating_range', sql`${t.rating} between 1 and 5`),
    check('feedback_comment_length', sql`char_length(${t.comment}) <= 500`),
    index('feedback_item_state_idx').on(t.itemId, t.state),
    index('feedback_state_created_idx').on(t.state, t.createdAt),
    index('feedback_client_created_idx').on(t.clientHash, t.createdAt),
  ],
);

/**
 * A bulletin for a programme at a cut-off date. A draft is edited freely
 * (`body`); publishing freezes `body` and the facts it was drawn from
 * (`data`), numbers it (`seq`, per programme) and chains it to the previous
 * published bulletin: hash = sha256(prev_hash ‖ canonical JSON of the record).
 * A trigger (migration 0004) refuses any change to a published row.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'restrict' }),
    /** 1, 2, 3… per programme, given on publishing; null while a draft. */
    seq: integer('seq'),
    cutoff: date('cutoff', { mode: 'string' }).notNull(),
    /** The period word of the cut-off: 一季度 / 上半年 / 前三季度 / 全年 / 1—5月份. */
    period: text('period').notNull(),
    title: text('title').notNull(),
    state: bulletinState('state').notNull().default('draft'),
    /** The text as the office edited it (see src/core/publish/bulletin-types.ts: BulletinBody). */
    body: jsonb('body').notNull(),
    /** The facts the draft was drawn from (BulletinData), frozen on publishing. */
    data: jsonb('data').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('bulletins_programme_seq_key').on(t.programmeId, t.seq),
    index('bulletins_programme_state_idx').on(t.programmeId, t.state),
  ],
);

/** Server-wide secrets shared by every app process (HMAC keys of the public forms). */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
