import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlanContent, StepResult } from '../../../shared/plans/plan-schema.js';
import { organizations } from './organizations.js';
import { users } from './users.js';
import { workshops } from './workshops.js';

/**
 * An action plan (アクションプラン), owned by a person or a team. Its draft is edited freely; a
 * version (時点版, a revision after a follow-up, or the 完成版) freezes a copy that never changes.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ownerKind: text('owner_kind', { enum: ['person', 'team'] }).notNull(),
    /** The person who owns it, or who keeps a team's plan. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamName: text('team_name'),
    visibility: text('visibility', { enum: ['private', 'facilitator', 'team', 'org'] })
      .notNull()
      .default('private'),
    /** The facilitator it is shared with (for one-to-one support), whatever its visibility. */
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['draft', 'presented', 'final'] })
      .notNull()
      .default('draft'),
    draft: jsonb('draft').$type<PlanContent>().notNull(),
    /** Months after the first 時点版 when follow-ups fall due, e.g. [6, 12]. */
    followupMonths: jsonb('followup_months').$type<number[]>().notNull(),
    sourceWorkshopId: uuid('source_workshop_id').references(() => workshops.id, { onDelete: 'set null' }),
    sourceScope: text('source_scope'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_org_idx').on(t.orgId, t.updatedAt),
    index('plans_owner_idx').on(t.ownerId),
    index('plans_facilitator_idx').on(t.facilitatorId),
  ],
);

/** The people of a team plan besides its keeper: they edit it and receive its reminders. */
export const planMembers = pgTable(
  'plan_members',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] }), index('plan_members_user_idx').on(t.userId)],
);

/** A frozen version: its content never changes; only its note (where it was presented) may. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['snapshot', 'revision', 'final'] }).notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    note: text('note').notNull().default(''),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
    frozenBy: uuid('frozen_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('plan_versions_number_key').on(t.planId, t.number)],
);

/**
 * A follow-up (フォローアップ) some months after the first 時点版: what happened, the gap between
 * plan and reality, each step's outcome, and the revision, which becomes the next version.
 */
export const planFollowups = pgTable(
  'plan_followups',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    months: integer('months').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['scheduled', 'done', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    happened: text('happened').notNull().default(''),
    gap: text('gap').notNull().default(''),
    revisionNote: text('revision_note').notNull().default(''),
    stepResults: jsonb('step_results').$type<StepResult[]>().notNull().default([]),
    /** The version this follow-up looked back on, and the revision it produced. */
    reviewedVersionId: uuid('reviewed_version_id').references(() => planVersions.id, { onDelete: 'set null' }),
    resultVersionId: uuid('result_version_id').references(() => planVersions.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('plan_followups_sequence_key').on(t.planId, t.sequence)],
);

/** A comment on a plan (from its facilitator or its people), optionally about one version. */
export const planComments = pgTable(
  'plan_comments',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_comments_plan_idx').on(t.planId, t.createdAt)],
);
