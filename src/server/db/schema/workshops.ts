import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { kaizenCases } from './cases.js';
import { organizations } from './organizations.js';
import { sheetRounds } from './sheet-rounds.js';
import { users } from './users.js';

/**
 * A live workshop (グループワーク) on a round: people join with a short code, answer the round's
 * sheet on their phones, and see the anonymous spread grow while a facilitator walks the items.
 */
export const workshops = pgTable(
  'workshops',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** A workshop on a round's sheet, or a presentation event (事例発表会) on the same machinery. */
    mode: text('mode', { enum: ['sheet', 'presentations'] })
      .notNull()
      .default('sheet'),
    /** The round a sheet workshop runs; null for a presentation event. */
    roundId: uuid('round_id').references(() => sheetRounds.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** What participants type to join: six characters without look-alikes (no 0/O, 1/I/L). */
    code: text('code').notNull(),
    grouping: text('grouping', { enum: ['position', 'table', 'assigned'] }).notNull(),
    status: text('status', { enum: ['open', 'locked'] })
      .notNull()
      .default('open'),
    /** The item the facilitator shows on the shared screen; null before the first. */
    currentItemKey: text('current_item_key'),
    /** Items whose spread participants may see. */
    revealed: jsonb('revealed').$type<string[]>().notNull().default([]),
    /** Whether the closing poll (the most important item) takes votes. */
    pollOpen: boolean('poll_open').notNull().default(false),
    /**
     * Only signed-in members of the organisation may join, each once: nobody can join several
     * times under invented names to expose someone's answer by subtraction.
     */
    requireAccount: boolean('require_account').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workshops_code_key').on(t.code), index('workshops_org_idx').on(t.orgId, t.createdAt)],
);

/** The groups of a workshop: one per position or table, or named by the facilitator. */
export const workshopGroups = pgTable(
  'workshop_groups',
  {
    id: uuid('id').primaryKey(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    /** position:staff, table:3 or custom:2: the same key always names the same group. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('workshop_groups_key').on(t.workshopId, t.key)],
);

/**
 * Someone in a workshop, signed in or not. They hold a secret (only its hash is kept) in a cookie,
 * so a reload or a lost connection brings them back as the same participant.
 */
export const workshopParticipants = pgTable(
  'workshop_participants',
  {
    id: uuid('id').primaryKey(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    nickname: text('nickname').notNull(),
    position: text('position').notNull(),
    departmentName: text('department_name'),
    tableNumber: smallint('table_number'),
    groupId: uuid('group_id').references(() => workshopGroups.id, { onDelete: 'set null' }),
    secretHash: text('secret_hash').notNull(),
    /**
     * The closing poll: the item this person finds most important; at a presentation event, the
     * id of the presentation they vote for.
     */
    pollItemKey: text('poll_item_key'),
    /** On an anonymous round, the vote as the poll's count last released it, k votes at a time. */
    releasedPollItemKey: text('released_poll_item_key'),
    /** At a presentation event, a judge scores presentations; everyone else is the audience. */
    role: text('role', { enum: ['audience', 'judge'] })
      .notNull()
      .default('audience'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workshop_participants_workshop_idx').on(t.workshopId),
    // A signed-in person is one participant: joining again (another device) brings them back.
    uniqueIndex('workshop_participants_user_key').on(t.workshopId, t.userId).where(sql`${t.userId} is not null`),
  ],
);

/** A participant's level for one item; changed freely until the workshop is locked. */
export const workshopAnswers = pgTable(
  'workshop_answers',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => workshopParticipants.id, { onDelete: 'cascade' }),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    /** The level now; null when taken back after a tally released it (the row keeps the released level). */
    level: smallint('level'),
    /**
     * In a workshop on an anonymous round, the level as the live tally last released it: every
     * screen counts these, and they move only k people at a time (see tally-release.ts).
     */
    releasedLevel: smallint('released_level'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.itemKey] }),
    index('workshop_answers_workshop_idx').on(t.workshopId),
  ],
);

/**
 * What a group (or the whole workshop, scope 'all') said about an item: the dialogue's notes, the
 * next move it agreed, and the level it agreed on with its reason (consensus).
 */
export const workshopNotes = pgTable(
  'workshop_notes',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    /** 'all', or the id of a group. */
    scope: text('scope').notNull(),
    itemKey: text('item_key').notNull(),
    notes: text('notes').notNull().default(''),
    nextMove: text('next_move').notNull().default(''),
    agreedLevel: smallint('agreed_level'),
    agreedReason: text('agreed_reason').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.scope, t.itemKey] })],
);

/**
 * Everything that happened in a workshop, in order: the live streams send these, a reconnecting
 * screen asks for those after the last it saw, and NOTIFY tells every app server a new one is here.
 */
export const workshopEvents = pgTable(
  'workshop_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** 'all', or 'facilitator' for what only the facilitator's screens receive. */
    audience: text('audience', { enum: ['all', 'facilitator'] }).notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workshop_events_workshop_idx').on(t.workshopId, t.id)],
);

/** A presentation event's settings: minutes per presenter, judging criteria, the judges' key, progress. */
export const presentationEvents = pgTable('presentation_events', {
  workshopId: uuid('workshop_id')
    .primaryKey()
    .references(() => workshops.id, { onDelete: 'cascade' }),
  minutes: smallint('minutes').notNull(),
  criteria: jsonb('criteria').$type<{ key: string; label: string }[]>().notNull(),
  /** Given to judges only: joining with it makes someone a judge. */
  judgeKey: text('judge_key').notNull(),
  currentPresentationId: uuid('current_presentation_id'),
  /** Once announced, the results stay: the vote and scoring close for good. */
  resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
});

/** One presentation in the programme, in order, with when its presenter's time ran. */
export const presentations = pgTable(
  'presentations',
  {
    id: uuid('id').primaryKey(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull(),
    title: text('title').notNull(),
    presenter: text('presenter').notNull(),
    caseId: uuid('case_id').references(() => kaizenCases.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('presentations_workshop_idx').on(t.workshopId, t.sortOrder)],
);

/**
 * A comment from the audience on a presentation. The writer is kept (for their limit) but never
 * shown when they posted anonymously; a hidden comment leaves every screen but the facilitator's.
 */
export const presentationComments = pgTable(
  'presentation_comments',
  {
    id: uuid('id').primaryKey(),
    /** The order comments were posted in, which the clock alone does not settle. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    presentationId: uuid('presentation_id')
      .notNull()
      .references(() => presentations.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => workshopParticipants.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    anonymous: boolean('anonymous').notNull(),
    hidden: boolean('hidden').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('presentation_comments_workshop_idx').on(t.workshopId, t.seq)],
);

/** A judge's points for one presentation, per criterion key, changed freely until the results. */
export const presentationScores = pgTable(
  'presentation_scores',
  {
    presentationId: uuid('presentation_id')
      .notNull()
      .references(() => presentations.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => workshopParticipants.id, { onDelete: 'cascade' }),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comment: text('comment').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.presentationId, t.participantId] }),
    index('presentation_scores_workshop_idx').on(t.workshopId),
  ],
);
