import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * An entry of a person's improvement career map (改善キャリアマップ): a role, project,
 * cross-boundary work or seminar, with a reflection. It belongs to the person, not to an
 * organisation: it stays through transfers and moves with them to another organisation.
 */
export const careerEntries = pgTable(
  'career_entries',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['role', 'project', 'cross_boundary', 'seminar', 'other'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on'),
    /** Where it happened, in words, as it was then (organisations and departments change). */
    orgName: text('org_name').notNull().default(''),
    departmentName: text('department_name').notNull().default(''),
    sceneId: text('scene_id'),
    reflection: text('reflection').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('career_entries_user_idx').on(t.userId, t.startedOn)],
);

/** Facilitators a person shares their career map with, for one-to-one support (個別面談). */
export const careerShares = pgTable(
  'career_shares',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    facilitatorId: uuid('facilitator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.facilitatorId] }),
    index('career_shares_facilitator_idx').on(t.facilitatorId),
  ],
);
