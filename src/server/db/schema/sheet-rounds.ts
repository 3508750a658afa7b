import {
  boolean,
  date,
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
import { departments } from './departments.js';
import { organizations } from './organizations.js';
import { sheetTemplates, sheetTemplateVersions } from './sheet-templates.js';
import { users } from './users.js';

/** A round (実施): one template version run for a scope between two dates (days in Japan). */
export const sheetRounds = pgTable(
  'sheet_rounds',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => sheetTemplates.id, { onDelete: 'cascade' }),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => sheetTemplateVersions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    scopeKind: text('scope_kind', { enum: ['org', 'departments', 'cohort'] }).notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    anonymityThreshold: integer('anonymity_threshold').notNull(),
    anonymous: boolean('anonymous').notNull(),
    /** The secret in the round's link: members in scope open it to answer, cohort members to join. */
    joinToken: text('join_token').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sheet_rounds_org_idx').on(t.orgId, t.opensOn),
    index('sheet_rounds_template_idx').on(t.templateId),
    uniqueIndex('sheet_rounds_join_token_key').on(t.joinToken),
  ],
);

/** The departments of a departments-scoped round; each includes everything below it. */
export const sheetRoundDepartments = pgTable(
  'sheet_round_departments',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => sheetRounds.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.departmentId] })],
);

/**
 * People a round reached: a cohort's participants (who alone may answer a cohort round), and for every
 * scope, who was invited by e-mail and when.
 */
export const sheetRoundParticipants = pgTable(
  'sheet_round_participants',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => sheetRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** In a cohort round: takes part. Other scopes record invitations only. */
    inCohort: boolean('in_cohort').notNull().default(false),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);

/**
 * One person's response (回答) to a round. The person is kept so they can return to it until the round
 * closes and cannot answer twice; no API shows it to anyone else in an anonymous round.
 */
export const sheetResponses = pgTable(
  'sheet_responses',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => sheetRounds.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'submitted'] }).notNull(),
    /** As the respondent stated it for this round. */
    position: text('position', {
      enum: ['executive', 'director', 'section_chief', 'subsection_chief', 'staff', 'other'],
    }).notNull(),
    /**
     * As stated, a unit of the round (sheet_round_units). No foreign key to departments: deleting or
     * moving the department later must not change which groups the response counts in.
     */
    departmentId: uuid('department_id'),
    mostImportantItemKey: text('most_important_item_key'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sheet_responses_round_user_key').on(t.roundId, t.userId),
    index('sheet_responses_round_status_idx').on(t.roundId, t.status),
  ],
);

/** A level (1 = the lowest) and an optional comment for one item of a response. */
export const sheetAnswers = pgTable(
  'sheet_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => sheetResponses.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => sheetRounds.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    level: smallint('level'),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.itemKey] }), index('sheet_answers_round_idx').on(t.roundId)],
);

/**
 * The department tree as a round counts it: taken from the organisation's tree when the first
 * response is submitted, then only ever added to (a department created since, when someone answers
 * in it, under the nearest unit above it). A unit never moves or disappears, so the responses behind
 * every group of the round stay the same whatever is done to the departments afterwards; otherwise
 * reading a group before and after a move would show the moved people's answers as the difference.
 */
export const sheetRoundUnits = pgTable(
  'sheet_round_units',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => sheetRounds.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The department's id; kept when the department is deleted. */
    departmentId: uuid('department_id').notNull(),
    /** The unit above, as it was when the unit was taken; null at the top. */
    parentId: uuid('parent_id'),
    /** The name when the unit was taken, shown once the department itself is gone. */
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.departmentId] })],
);

/**
 * A closed round's counts, kept so its results are read from one row instead of a scan of every
 * answer. Derived data: it is recomputed whenever it no longer matches the round (a new close
 * date, a response removed with its person), so deleting it never loses anything.
 * `answerCells` holds [departmentId, position, itemKey, level, responses] tuples and
 * `responseCells` [departmentId, position, mostImportantItemKey, responses], submitted responses only.
 */
export const sheetRoundTallies = pgTable('sheet_round_tallies', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => sheetRounds.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  closesOn: date('closes_on').notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  responseCount: integer('response_count').notNull(),
  answerCells: jsonb('answer_cells').notNull(),
  responseCells: jsonb('response_cells').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
