import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
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

/**
 * One schema for PGlite and PostgreSQL. Editable records carry `version`
 * for optimistic concurrency; every mutation is written to audit_log in the
 * same transaction (src/db/audit.ts).
 */

export const jurisdictionLevel = pgEnum('jurisdiction_level', ['city', 'district', 'town']);
export const programmeState = pgEnum('programme_state', ['draft', 'published', 'archived']);
export const unitRole = pgEnum('unit_role', ['lead', 'co']);
export const indicatorDirection = pgEnum('indicator_direction', ['increase', 'decrease']);
export const userRole = pgEnum('user_role', ['admin', 'supervisor', 'reporter', 'leader', 'viewer']);

/** Shared by every editable table (schema-work.ts too). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
};
export const version = { version: integer('version').notNull().default(1) };

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    level: jurisdictionLevel('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => jurisdictions.id, { onDelete: 'restrict' }),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('jurisdictions_name_key').on(t.name)],
);

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** The unit's head (单位负责人): reminders escalate to them after the reporter. */
    headPersonId: integer('head_person_id').references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('units_jurisdiction_name_key').on(t.jurisdictionId, t.name)],
);

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [index('people_jurisdiction_name_idx').on(t.jurisdictionId, t.name)],
);

export const programmes = pgTable(
  'programmes',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** The programme this one carries out (天津市…涉及津南区任务清单 → 天津市…民心工程). */
    parentId: integer('parent_id').references((): AnyPgColumn => programmes.id, { onDelete: 'set null' }),
    /** The parent as the document names it, kept even when it is not in this database. */
    parentTitle: text('parent_title'),
    state: programmeState('state').notNull().default('draft'),
    ...version,
    ...timestamps,
  },
  (t) => [index('programmes_jurisdiction_year_idx').on(t.jurisdictionId, t.year)],
);

export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The number as printed: 一 → 1, 十四 → 14; null for a list without categories. */
    ordinal: integer('ordinal'),
    title: text('title').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [index('categories_programme_idx').on(t.programmeId, t.position)],
);

export const items = pgTable(
  'items',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    /** Set for a (1)(2)(3) part of an item. */
    parentItemId: integer('parent_item_id').references((): AnyPgColumn => items.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull().default(''),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    target: text('target').notNull().default(''),
    deadlineDate: date('deadline_date', { mode: 'string' }),
    deadlineText: text('deadline_text'),
    /** In a district programme that carries out a city programme: the city item this one serves. */
    cityItemId: integer('city_item_id').references((): AnyPgColumn => items.id, { onDelete: 'set null' }),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('items_programme_idx').on(t.programmeId),
    index('items_category_idx').on(t.categoryId, t.position),
    index('items_parent_idx').on(t.parentItemId),
    index('items_city_item_idx').on(t.cityItemId),
  ],
);

export const itemUnits = pgTable(
  'item_units',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    role: unitRole('role').notNull(),
    position: integer('position').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('item_units_item_unit_key').on(t.itemId, t.unitId), index('item_units_unit_idx').on(t.unitId)],
);

/**
 * 责任人, in the order the document names them. `unitId` links a person to
 * the unit they answer for when the document aligns them.
 */
export const itemPersons = pgTable(
  'item_persons',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [index('item_persons_item_idx').on(t.itemId), index('item_persons_person_idx').on(t.personId)],
);

/** 分管领导: the officials who answer for an item. */
export const itemLeaders = pgTable(
  'item_leaders',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('item_leaders_item_person_key').on(t.itemId, t.personId),
    index('item_leaders_person_idx').on(t.personId),
  ],
);

export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    text: text('text').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    position: integer('position').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [index('milestones_item_idx').on(t.itemId)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    target: doublePrecision('target'),
    direction: indicatorDirection('direction').notNull().default('increase'),
    /** Cumulative planned values at each period's end: {"Q1": 5000, "Q2": 10000}. */
    checkpoints: jsonb('checkpoints').$type<Record<string, number>>().notNull().default({}),
    position: integer('position').notNull(),
    ...version,
    ...timestamps,
  },
  (t) => [index('indicators_item_idx').on(t.itemId)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    /** Scope of a supervisor or viewer: this jurisdiction and those under it. */
    jurisdictionId: integer('jurisdiction_id').references(() => jurisdictions.id, { onDelete: 'set null' }),
    /** A reporter's unit. */
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    /** Where e-mail reminders go. */
    email: text('email'),
    /** The user's person record: a leader's items, a unit head's unit. */
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'string' }),
    ...version,
    ...timestamps,
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen database does not yield live cookies. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed sign-ins under a name no enabled account has, counted and locked by
 * the same rule as `users.failed_logins`, so a lockout does not tell which
 * usernames exist. Keyed by the lower-cased username.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    programmeId: integer('programme_id'),
    /** The item a change belongs to (its milestones, indicators, units…), for the item's history. */
    itemId: integer('item_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_programme_idx').on(t.programmeId),
    index('audit_item_idx').on(t.itemId),
    index('audit_at_idx').on(t.at),
  ],
);

/** Small key-value facts about this installation (demo mode, schema notes). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * One row counting committed changes. Every audited write bumps it in its own
 * transaction (the row lock orders writers), so a process can tell from one
 * cheap read whether anything it cached may be stale.
 */
export const changeClock = pgTable('change_clock', {
  id: integer('id').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull().default(0),
});
