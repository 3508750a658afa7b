import type { z } from 'zod';
import { dayInJapan } from '../../../shared/common/japan-days.js';
import { diffPlans } from '../../../shared/plans/plan-diff.js';
import type {
  followupInputSchema,
  freezeSchema,
  PlanCompare,
  PlanVersion,
  planCommentInputSchema,
  versionPatchSchema,
} from '../../../shared/plans/plan-schema.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { checkContent } from './content.js';
import { scheduleFollowupReminder, scheduleStepReminders } from './reminders.js';
import * as repo from './repo.js';
import { editablePlan, getPlan, nextStamp, readablePlan } from './service.js';

/**
 * Versions of a plan: freezing the draft (時点版 or 完成版), reading and comparing versions,
 * recording a follow-up (whose revision is the next version), and comments.
 */

/** The day `months` after `day`, at the month's end when that month is shorter (1/31 + 1 → 2/28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

async function versionOf(db: Db, row: repo.VersionRow): Promise<PlanVersion> {
  const people = await repo.people(db, row.frozenBy ? [row.frozenBy] : []);
  const by = row.frozenBy ? people.get(row.frozenBy) : undefined;
  return {
    number: row.number,
    kind: row.kind,
    note: row.note,
    frozenAt: row.frozenAt.toISOString(),
    frozenBy: by ? { id: by.id, displayName: by.displayName } : null,
    content: row.content,
  };
}

/** Saves the draft as the next version. The first 時点版 schedules the follow-ups; the 完成版 ends the plan. */
export async function freeze(ctx: OrgContext, planId: string, input: z.infer<typeof freezeSchema>) {
  await inTransaction(ctx, async (tx) => {
    const { plan } = await editablePlan(tx, planId);
    checkContent(plan.draft, 'body');
    const versions = await repo.listVersions(tx.db, plan.id);
    const now = tx.now();
    const number = versions.length + 1;
    await repo.insertVersion(tx.db, {
      id: newId(),
      planId: plan.id,
      number,
      kind: input.kind,
      content: plan.draft,
      note: input.note,
      frozenAt: now,
      frozenBy: tx.actor.userId,
    });
    if (input.kind === 'final') await repo.cancelFollowups(tx.db, plan.id);
    else if ((await repo.listFollowups(tx.db, plan.id)).length === 0) {
      const presented = dayInJapan(now);
      const followups = plan.followupMonths.map((months, i) => ({
        id: newId(),
        planId: plan.id,
        sequence: i + 1,
        months,
        dueOn: addMonths(presented, months),
      }));
      await repo.insertFollowups(tx.db, followups);
      for (const followup of followups) await scheduleFollowupReminder(tx.db, plan.id, followup, now);
    }
    await repo.updatePlan(tx.db, plan.id, {
      status: input.kind === 'final' ? 'final' : 'presented',
      updatedAt: nextStamp(plan, now),
    });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: input.kind === 'final' ? 'plan.finalise' : 'plan.freeze',
      targetType: 'plan',
      targetId: plan.id,
      changes: { version: number, note: input.note },
    });
  });
  return getPlan(ctx, planId);
}

async function versionRow(ctx: OrgContext, planId: string, number: number) {
  const { plan } = await readablePlan(ctx, planId);
  const row = await repo.findVersion(ctx.db, plan.id, number);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getVersion(ctx: OrgContext, planId: string, number: number) {
  return versionOf(ctx.db, await versionRow(ctx, planId, number));
}

/** A version of a plan the caller was already allowed to read (a facilitator's, across organisations). */
export async function readVersion(db: Db, planId: string, number: number) {
  const row = await repo.findVersion(db, planId, number);
  if (!row) throw new AppError('not_found');
  return versionOf(db, row);
}

/** A version's note (where it was presented) may change; its content never. */
export async function patchVersion(
  ctx: OrgContext,
  planId: string,
  number: number,
  input: z.infer<typeof versionPatchSchema>,
) {
  if (input.content !== undefined) throw new AppError('version_frozen');
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await readablePlan(tx, planId, { lock: true });
    if (!access.edit) throw new AppError('forbidden');
    const row = await repo.findVersion(tx.db, plan.id, number);
    if (!row) throw new AppError('not_found');
    if (input.note !== undefined) await repo.updateVersionNote(tx.db, row.id, input.note);
  });
  return getVersion(ctx, planId, number);
}

/** Two versions (or a version and the draft) side by side, with what changed between them. */
export async function compare(
  ctx: OrgContext,
  planId: string,
  from: number,
  to: number | undefined,
): Promise<PlanCompare> {
  const { plan } = await readablePlan(ctx, planId);
  const before = await repo.findVersion(ctx.db, plan.id, from);
  if (!before)
    throw new AppError('validation', undefined, [{ path: 'querystring.from', code: 'plan.version_unknown' }]);
  const after = to === undefined ? null : await repo.findVersion(ctx.db, plan.id, to);
  if (to !== undefined && !after)
    throw new AppError('validation', undefined, [{ path: 'querystring.to', code: 'plan.version_unknown' }]);
  const fromVersion = await versionOf(ctx.db, before);
  const toVersion: PlanVersion = after
    ? await versionOf(ctx.db, after)
    : {
        number: 0,
        kind: 'snapshot',
        note: '',
        frozenAt: plan.updatedAt.toISOString(),
        frozenBy: null,
        content: plan.draft,
      };
  return { from: fromVersion, to: toVersion, changes: diffPlans(fromVersion.content, toVersion.content) };
}

/**
 * Records a follow-up: what happened, the gap, each step's outcome; the revised plan (with the
 * outcomes as its steps' statuses) becomes the next version and the new draft.
 */
export async function recordFollowup(
  ctx: OrgContext,
  planId: string,
  followupId: string,
  input: z.infer<typeof followupInputSchema>,
) {
  checkContent(input.revised, 'body.revised');
  await inTransaction(ctx, async (tx) => {
    const { plan } = await editablePlan(tx, planId, input.baseUpdatedAt);
    const followup = await repo.findFollowup(tx.db, plan.id, followupId);
    if (!followup) throw new AppError('not_found');
    if (followup.status !== 'scheduled') throw new AppError('followup_done');
    const versions = await repo.listVersions(tx.db, plan.id);
    const reviewed = versions.at(-1);
    const known = new Set(reviewed ? reviewed.content.steps.map((s) => s.id) : []);
    const twice = input.stepResults.findIndex(
      (r, i) => input.stepResults.findIndex((o) => o.stepId === r.stepId) !== i,
    );
    if (twice >= 0)
      throw new AppError('validation', undefined, [
        { path: `body.stepResults.${twice}.stepId`, code: 'plan.step_duplicate' },
      ]);
    const unknown = input.stepResults.findIndex((r) => !known.has(r.stepId));
    if (unknown >= 0)
      throw new AppError('validation', undefined, [
        { path: `body.stepResults.${unknown}.stepId`, code: 'plan.step_unknown' },
      ]);
    const now = tx.now();
    const outcome = new Map(input.stepResults.map((r) => [r.stepId, r.status]));
    const revised = {
      ...input.revised,
      steps: input.revised.steps.map((s) => ({ ...s, status: outcome.get(s.id) ?? s.status })),
    };
    const versionId = newId();
    await repo.insertVersion(tx.db, {
      id: versionId,
      planId: plan.id,
      number: versions.length + 1,
      kind: 'revision',
      content: revised,
      // The page names a revision by its follow-up (in the reader's language); the note is the people's own.
      note: '',
      frozenAt: now,
      frozenBy: tx.actor.userId,
    });
    await repo.updateFollowup(tx.db, followup.id, {
      status: 'done',
      happened: input.happened,
      gap: input.gap,
      revisionNote: input.revisionNote,
      stepResults: input.stepResults,
      reviewedVersionId: reviewed?.id ?? null,
      resultVersionId: versionId,
      doneAt: now,
      doneBy: tx.actor.userId,
    });
    await repo.updatePlan(tx.db, plan.id, { draft: revised, updatedAt: nextStamp(plan, now) });
    await scheduleStepReminders(tx.db, plan.id, revised, now);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'plan.followup',
      targetType: 'plan',
      targetId: plan.id,
      changes: { followup: followup.sequence, version: versions.length + 1 },
    });
  });
  return getPlan(ctx, planId);
}

/** A comment from whoever may read the plan (its facilitator, its team, the organisation when shared). */
export async function addComment(
  db: Db,
  plan: repo.PlanRow,
  authorId: string,
  input: z.infer<typeof planCommentInputSchema>,
  now: Date,
) {
  if (input.versionNumber !== null && !(await repo.findVersion(db, plan.id, input.versionNumber)))
    throw new AppError('validation', undefined, [{ path: 'body.versionNumber', code: 'plan.version_unknown' }]);
  const id = newId();
  await repo.insertComment(db, {
    id,
    planId: plan.id,
    versionNumber: input.versionNumber,
    authorId,
    body: input.body,
    createdAt: now,
  });
  const people = await repo.people(db, [authorId]);
  const author = people.get(authorId);
  return {
    id,
    versionNumber: input.versionNumber,
    author: author ? { id: author.id, displayName: author.displayName } : null,
    body: input.body,
    createdAt: now.toISOString(),
  };
}

export async function commentOnPlan(ctx: OrgContext, planId: string, input: z.infer<typeof planCommentInputSchema>) {
  const { plan, access } = await readablePlan(ctx, planId);
  if (!access.comment) throw new AppError('not_found');
  return addComment(ctx.db, plan, ctx.actor.userId, input, ctx.now());
}
