import type { z } from 'zod';
import { dayInJapan } from '../../../shared/common/japan-days.js';
import {
  type createPlanSchema,
  maxSheetItems,
  maxSteps,
  type PlanContent,
  type planFromWorkshopSchema,
  type updatePlanSchema,
} from '../../../shared/plans/plan-schema.js';
import type { Db } from '../../db/client.js';
import { AppError, type FieldProblem } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext, ServiceContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { getWorkshop } from '../workshops/service.js';
import { planDraftsOf } from '../workshops/summary.js';
import { checkContent } from './content.js';
import { scheduleStepReminders } from './reminders.js';
import * as repo from './repo.js';
import { detailOf, summariesOf } from './views.js';

/**
 * Action plans: who may read and change one, the list and the detail as screens show them,
 * creating (also from a workshop group's next moves), editing the draft, deleting.
 */

/** What the caller may do with a plan: read it, edit it (its people), comment (whoever reads it). */
export async function accessOf(db: Db, plan: repo.PlanRow, userId: string, options: { orgMember: boolean }) {
  const [members, role] = await Promise.all([repo.listMemberIds(db, plan.id), repo.roleIn(db, plan.orgId, userId)]);
  // Everything below needs a current membership of the plan's organisation: someone who left it,
  // or was removed, reads none of its plans, even by the facilitators' routes.
  if (!role) return { read: false, edit: false, comment: false, members };
  const own = plan.ownerId === userId || members.includes(userId);
  const read =
    own ||
    (plan.visibility !== 'private' && plan.facilitatorId === userId && role === 'facilitator') ||
    (options.orgMember && plan.visibility === 'org') ||
    (options.orgMember &&
      plan.visibility === 'team' &&
      (await repo.sameDepartment(db, plan.orgId, plan.ownerId, userId)));
  return { read, edit: own, comment: read, members };
}

/** A plan the caller may read in the organisation, with what they may do; not_found otherwise. */
export async function readablePlan(ctx: OrgContext, planId: string, options: { lock?: boolean } = {}) {
  const plan = await repo.findPlan(ctx.db, planId, options);
  if (!plan || plan.orgId !== ctx.scope.orgId) throw new AppError('not_found');
  const access = await accessOf(ctx.db, plan, ctx.actor.userId, { orgMember: true });
  if (!access.read) throw new AppError('not_found');
  return { plan, access };
}

/**
 * The plan's next `updatedAt`: now, but always later than the last, so an editor's copy is told
 * apart from every later change even within one millisecond (or on a clock that stands still).
 */
export const nextStamp = (plan: repo.PlanRow, now: Date) =>
  new Date(Math.max(now.getTime(), plan.updatedAt.getTime() + 1));

/**
 * A plan the caller may change: one they own or are in, and not yet final; when the editor says
 * which state it started from, one nobody else has changed since (two of a team editing at once).
 */
export async function editablePlan(ctx: OrgContext, planId: string, baseUpdatedAt?: string) {
  const found = await readablePlan(ctx, planId, { lock: true });
  if (!found.access.edit) throw new AppError('forbidden');
  if (found.plan.status === 'final') throw new AppError('plan_final');
  if (baseUpdatedAt && new Date(baseUpdatedAt).getTime() !== found.plan.updatedAt.getTime())
    throw new AppError('plan_edit_conflict');
  return found;
}

export async function getPlan(ctx: OrgContext, planId: string) {
  const { plan, access } = await readablePlan(ctx, planId);
  return detailOf(ctx.db, plan, access, ctx.now());
}

export async function listPlans(ctx: OrgContext, scope: 'mine' | 'shared') {
  const rows =
    scope === 'mine'
      ? await repo.listOwnPlans(ctx.db, ctx.scope.orgId, ctx.actor.userId)
      : await repo.listSharedPlans(ctx.db, ctx.scope.orgId, ctx.actor.userId);
  return { plans: await summariesOf(ctx.db, rows, ctx.now()) };
}

/** Members of the organisation, for choosing a team's people and the facilitator to share with. */
export async function listPeople(ctx: OrgContext) {
  const rows = await repo.orgMembers(ctx.db, ctx.scope.orgId);
  return {
    people: rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      isFacilitator: r.role === 'facilitator',
    })),
  };
}

/** Checks the people a plan names: team members are members of the organisation, the facilitator a facilitator. */
async function checkPeople(
  ctx: OrgContext,
  input: { memberIds?: string[]; facilitatorId?: string | null; visibility?: string },
  current?: repo.PlanRow,
) {
  const members = await repo.orgMembers(ctx.db, ctx.scope.orgId);
  const problems: FieldProblem[] = [];
  (input.memberIds ?? []).forEach((id, i) => {
    if (!members.some((m) => m.id === id)) problems.push({ path: `body.memberIds.${i}`, code: 'plan.member_unknown' });
  });
  const facilitatorId = input.facilitatorId !== undefined ? input.facilitatorId : (current?.facilitatorId ?? null);
  const visibility = input.visibility ?? current?.visibility;
  // The one being chosen now must be a facilitator; one chosen before who has since lost the role
  // does not stop other changes (their access ends with the role).
  if (input.facilitatorId && !members.some((m) => m.id === input.facilitatorId && m.role === 'facilitator'))
    problems.push({ path: 'body.facilitatorId', code: 'plan.facilitator_unknown' });
  if (visibility === 'facilitator' && !facilitatorId)
    problems.push({ path: 'body.facilitatorId', code: 'plan.facilitator_required' });
  if (problems.length > 0) throw new AppError('validation', undefined, problems);
}

export async function createPlan(ctx: OrgContext, input: z.infer<typeof createPlanSchema>) {
  checkContent(input.content, 'body.content');
  if (input.ownerKind === 'team' && !input.teamName)
    throw new AppError('validation', undefined, [{ path: 'body.teamName', code: 'plan.team_name_required' }]);
  await checkPeople(ctx, input);
  const id = await inTransaction(ctx, async (tx) => {
    const planId = newId();
    await insertPlan(tx, {
      id: planId,
      ownerKind: input.ownerKind,
      teamName: input.ownerKind === 'team' ? (input.teamName ?? null) : null,
      visibility: input.visibility,
      facilitatorId: input.facilitatorId,
      followupMonths: [...new Set(input.followupMonths)].sort((a, b) => a - b),
      draft: input.content,
      memberIds: input.ownerKind === 'team' ? [...new Set(input.memberIds)].filter((m) => m !== tx.actor.userId) : [],
    });
    return planId;
  });
  return getPlan(ctx, id);
}

async function insertPlan(
  tx: OrgContext,
  values: Omit<
    repo.PlanRow,
    'orgId' | 'ownerId' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt' | 'sourceWorkshopId' | 'sourceScope'
  > & {
    memberIds: string[];
    sourceWorkshopId?: string;
    sourceScope?: string;
  },
) {
  const { memberIds, ...row } = values;
  const now = tx.now();
  await repo.insertPlan(tx.db, {
    ...row,
    orgId: tx.scope.orgId,
    ownerId: tx.actor.userId,
    status: 'draft',
    createdBy: tx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await repo.setMembers(tx.db, row.id, memberIds);
  await scheduleStepReminders(tx.db, row.id, row.draft, now);
  await recordAudit(tx, {
    orgId: tx.scope.orgId,
    action: 'plan.create',
    targetType: 'plan',
    targetId: row.id,
    changes: {
      title: row.draft.title,
      ownerKind: row.ownerKind,
      ...(values.sourceWorkshopId ? { workshopId: values.sourceWorkshopId } : {}),
    },
  });
}

/** A team plan from a workshop group's agreed next moves: each becomes a step linked to its item. */
export async function planFromWorkshop(ctx: OrgContext, input: z.infer<typeof planFromWorkshopSchema>) {
  const view = await getWorkshop(ctx, input.workshopId);
  const draft = planDraftsOf(view).find((d) => d.scope === input.scope);
  if (!draft) throw new AppError('validation', undefined, [{ path: 'body.scope', code: 'workshop.group_unknown' }]);
  if (draft.moves.length > maxSteps || draft.moves.length > maxSheetItems)
    throw new AppError('validation', undefined, [{ path: 'body.scope', code: 'plan.too_many_moves' }]);
  const today = dayInJapan(ctx.now());
  const content: PlanContent = {
    title: `${view.title}${draft.groupName ? `（${draft.groupName}）` : ''}`.slice(0, 100),
    goal: draft.moves
      .map((m) => m.nextMove)
      .join(' / ')
      .slice(0, 500),
    aim: 'offense',
    startsOn: today,
    steps: draft.moves.map((m, i) => ({
      id: `s${i + 1}`,
      text: m.nextMove.slice(0, 300),
      owner: '',
      dueOn: null,
      status: 'planned' as const,
      after: [],
    })),
    involve: { colleagues: '', bosses: '', executives: '', hr: '' },
    sheetItems: draft.moves.map((m) => ({ itemKey: m.itemKey, itemTitle: m.itemTitle })),
    scenes: [],
  };
  const id = await inTransaction(ctx, async (tx) => {
    const planId = newId();
    await insertPlan(tx, {
      id: planId,
      ownerKind: 'team',
      teamName: (draft.groupName ?? view.title).slice(0, 100),
      visibility: 'team',
      facilitatorId: null,
      followupMonths: [6, 12],
      draft: content,
      memberIds: [],
      sourceWorkshopId: view.id,
      sourceScope: input.scope,
    });
    return planId;
  });
  return getPlan(ctx, id);
}

/** Edits the draft and the plan's settings; frozen versions are untouched. */
export async function updatePlan(ctx: OrgContext, planId: string, input: z.infer<typeof updatePlanSchema>) {
  if (input.content) checkContent(input.content, 'body.content');
  await inTransaction(ctx, async (tx) => {
    const { plan } = await editablePlan(tx, planId, input.baseUpdatedAt);
    if (input.teamName !== undefined && plan.ownerKind === 'team' && !input.teamName)
      throw new AppError('validation', undefined, [{ path: 'body.teamName', code: 'plan.team_name_required' }]);
    await checkPeople(tx, input, plan);
    const months = input.followupMonths ? [...new Set(input.followupMonths)].sort((a, b) => a - b) : null;
    if (months && JSON.stringify(months) !== JSON.stringify(plan.followupMonths) && plan.status !== 'draft')
      throw new AppError('validation', undefined, [{ path: 'body.followupMonths', code: 'plan.followups_fixed' }]);
    const now = tx.now();
    await repo.updatePlan(tx.db, plan.id, {
      ...(input.content ? { draft: input.content } : {}),
      ...(input.teamName !== undefined && plan.ownerKind === 'team' ? { teamName: input.teamName } : {}),
      ...(input.visibility ? { visibility: input.visibility } : {}),
      ...(input.facilitatorId !== undefined ? { facilitatorId: input.facilitatorId } : {}),
      ...(months ? { followupMonths: months } : {}),
      updatedAt: nextStamp(plan, now),
    });
    if (input.memberIds && plan.ownerKind === 'team')
      await repo.setMembers(
        tx.db,
        plan.id,
        [...new Set(input.memberIds)].filter((m) => m !== plan.ownerId),
      );
    if (input.content) await scheduleStepReminders(tx.db, plan.id, input.content, now);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'plan.update',
      targetType: 'plan',
      targetId: plan.id,
      changes: {
        ...(input.visibility && input.visibility !== plan.visibility
          ? { visibility: [plan.visibility, input.visibility] }
          : {}),
        ...(input.content ? { draft: true } : {}),
      },
    });
  });
  return getPlan(ctx, planId);
}

/** Deletes a plan that was never frozen; one with versions is a record and stays. */
export async function deletePlan(ctx: OrgContext, planId: string) {
  await inTransaction(ctx, async (tx) => {
    const { plan } = await readablePlan(tx, planId, { lock: true });
    if (plan.ownerId !== tx.actor.userId) throw new AppError('forbidden');
    if ((await repo.listVersions(tx.db, plan.id)).length > 0) throw new AppError('version_frozen');
    await repo.deletePlan(tx.db, plan.id);
    await recordAudit(tx, { orgId: tx.scope.orgId, action: 'plan.delete', targetType: 'plan', targetId: plan.id });
  });
}

/** Plans shared with me as a facilitator, across organisations. */
export async function listFacilitatedPlans(ctx: ServiceContext & { actor: { userId: string } }) {
  const rows = await repo.listFacilitatedPlans(ctx.db, ctx.actor.userId);
  return { plans: await summariesOf(ctx.db, rows, ctx.now()) };
}
