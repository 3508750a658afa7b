import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Durable jobs (reminders): each has a key that can be queued once, a time it falls due, and a
 * lease a worker holds while it runs it. A worker that dies leaves the lease to expire and another
 * takes the job; finishing is fenced by the attempt that claimed it, in the same transaction as
 * what the job writes, so a job's effect happens exactly once (see docs/decisions/0010).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** Unique per effect, e.g. plan-followup:<id>:before: queuing it again does nothing. */
    key: text('key').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** done, or skipped when what it was for no longer holds (a step finished, a plan finalised). */
    outcome: text('outcome', { enum: ['done', 'skipped', 'failed'] }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jobs_key_key').on(t.key), index('jobs_due_idx').on(t.runAt)],
);
