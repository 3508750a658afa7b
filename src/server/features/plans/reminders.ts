import { followupReminderDays, type PlanContent } from '../../../shared/plans/plan-schema.js';
import type { Db } from '../../db/client.js';
import { enqueue, type JobHandler, type JobRow } from '../../lib/jobs.js';
import type { Mailer } from '../mail/mailer.js';
import { planFollowupReminderMail, planStepOverdueMail } from '../mail/templates.js';
import { settledStatuses } from './content.js';
import * as repo from './repo.js';

/**
 * Reminders of action plans, as durable jobs: one before each follow-up, one the day after a
 * step's due date. Each has its own key, so saving a plan again never queues a second; and each
 * checks, when it falls due, that it still applies (the follow-up still scheduled, the step
 * still open with that date), so a plan that moved on gets no stale mail.
 */

export const reminderKinds = { followup: 'plan.followup_reminder', step: 'plan.step_overdue' } as const;

/** 09:00 in Japan on a day (YYYY-MM-DD), moved by whole days. */
export function morningInJapan(day: string, plusDays = 0): Date {
  const at = new Date(`${day}T00:00:00Z`);
  return new Date(at.getTime() + plusDays * 86_400_000);
}

/** Queues the overdue reminder of every open step with a date (a changed date is a new key). */
export async function scheduleStepReminders(db: Db, planId: string, content: PlanContent, now: Date) {
  for (const step of content.steps) {
    if (!step.dueOn || settledStatuses.has(step.status)) continue;
    await enqueue(db, {
      kind: reminderKinds.step,
      key: `plan-step:${planId}:${step.id}:${step.dueOn}`,
      runAt: morningInJapan(step.dueOn, 1),
      payload: { planId, stepId: step.id, dueOn: step.dueOn },
      now,
    });
  }
}

/** Queues the reminder a week before a follow-up (at once if that week has begun). */
export async function scheduleFollowupReminder(
  db: Db,
  planId: string,
  followup: { id: string; dueOn: string },
  now: Date,
) {
  const runAt = morningInJapan(followup.dueOn, -followupReminderDays);
  await enqueue(db, {
    kind: reminderKinds.followup,
    key: `plan-followup:${followup.id}:before`,
    runAt: runAt < now ? now : runAt,
    payload: { planId, followupId: followup.id },
    now,
  });
}

/** Who a plan's reminders go to: its owner and its team, while they are members of its organisation. */
async function recipientsOf(db: Db, plan: repo.PlanRow) {
  return repo.currentMembers(db, plan.orgId, [plan.ownerId, ...(await repo.listMemberIds(db, plan.id))]);
}

export function reminderHandlers(mailer: Mailer): Record<string, JobHandler> {
  const linkOf = (plan: repo.PlanRow) => `${mailer.publicUrl}/orgs/${plan.orgId}/plans/${plan.id}`;
  const mailAll = (plan: repo.PlanRow, mail: { subject: string; text: string }, now: Date) => async (tx: Db) => {
    const ids: string[] = [];
    for (const person of await recipientsOf(tx, plan))
      ids.push(
        await mailer.queue(
          { db: tx, actor: null, ip: null, now: () => now },
          { orgId: plan.orgId, to: person.email, ...mail },
        ),
      );
    return ids;
  };
  return {
    [reminderKinds.followup]: {
      async prepare(db: Db, job: JobRow, now: Date) {
        const { planId, followupId } = job.payload as { planId: string; followupId: string };
        const plan = await repo.findPlan(db, planId);
        const followup = plan ? await repo.findFollowup(db, planId, followupId) : null;
        if (!plan || !followup || plan.status === 'final' || followup.status !== 'scheduled') return 'skip';
        return mailAll(
          plan,
          planFollowupReminderMail({
            planTitle: plan.draft.title,
            months: followup.months,
            dueOn: followup.dueOn,
            link: linkOf(plan),
          }),
          now,
        );
      },
    },
    [reminderKinds.step]: {
      async prepare(db: Db, job: JobRow, now: Date) {
        const { planId, stepId, dueOn } = job.payload as { planId: string; stepId: string; dueOn: string };
        const plan = await repo.findPlan(db, planId);
        const step = plan?.draft.steps.find((s) => s.id === stepId);
        if (!plan || !step || plan.status === 'final' || step.dueOn !== dueOn || settledStatuses.has(step.status))
          return 'skip';
        return mailAll(
          plan,
          planStepOverdueMail({ planTitle: plan.draft.title, stepText: step.text, dueOn, link: linkOf(plan) }),
          now,
        );
      },
    },
  };
}
