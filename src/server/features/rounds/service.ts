import type {
  CreateRoundInput,
  MyRoundStatus,
  RoundDetail,
  RoundSummary,
  UpdateRoundInput,
} from '../../../shared/sheets/round-schema.js';
import { createRoundSchema } from '../../../shared/sheets/round-schema.js';
import { AppError } from '../../lib/app-error.js';
import { diffFields, inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { createToken } from '../../lib/tokens.js';
import {
  canManage,
  inScope,
  itemsOf,
  loadRound,
  loadScopeFacts,
  type RoundWithContent,
  roundStatus,
  type ScopeFacts,
  todayInJapan,
} from './access.js';
import * as repo from './repo.js';

// Case statistics date their fiscal years by the same day as rounds.

type RoundRow = repo.RoundRow;

function summarize(
  row: RoundWithContent,
  facts: ScopeFacts,
  responseCount: number,
  myStatus: MyRoundStatus,
  now: Date,
): RoundSummary {
  const { round, content } = row;
  return {
    id: round.id,
    title: round.title,
    templateId: round.templateId,
    templateKey: content.key,
    templateTitle: content.title,
    version: row.version,
    edition: content.edition,
    variant: content.variant,
    itemCount: itemsOf(content).length,
    scopeKind: round.scopeKind,
    departments: facts.roundDepartments.get(round.id) ?? [],
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    closedAt: round.closedAt?.toISOString() ?? null,
    status: roundStatus(round, now),
    anonymous: round.anonymous,
    anonymityThreshold: round.anonymityThreshold,
    responseCount,
    myStatus,
    createdAt: round.createdAt.toISOString(),
  };
}

/** Rounds this person can see: all of them for people who manage sheets, else those they are in scope for. */
export async function listRounds(ctx: OrgContext, templateId?: string): Promise<RoundSummary[]> {
  const rows = await repo.listRounds(ctx.db, ctx.scope, templateId);
  const ids = rows.map((r) => r.round.id);
  const [facts, counts, mine, cohort, membership] = await Promise.all([
    loadScopeFacts(ctx, ids),
    repo.responseCounts(ctx.db, ctx.scope, ids),
    repo.myResponseStatuses(ctx.db, ctx.scope, ctx.actor.userId, ids),
    repo.cohortRoundsOf(ctx.db, ctx.scope, ctx.actor.userId, ids),
    repo.findMembership(ctx.db, ctx.scope, ctx.actor.userId),
  ]);
  const now = ctx.now();
  const manager = canManage(ctx);
  const out: RoundSummary[] = [];
  for (const row of rows) {
    const cohortOfRound = cohort.has(row.round.id) ? new Set([ctx.actor.userId]) : new Set<string>();
    const eligible = inScope(
      row.round,
      facts,
      { departmentId: membership?.departmentId ?? null, userId: ctx.actor.userId },
      cohortOfRound,
    );
    const status = mine.get(row.round.id);
    // Someone moved out of scope still sees a round they answered.
    if (!manager && !eligible && !status) continue;
    const myStatus: MyRoundStatus = status ?? (eligible ? 'not_started' : 'not_eligible');
    out.push(summarize(row, facts, counts.get(row.round.id) ?? 0, myStatus, now));
  }
  return out.reverse();
}

export async function getRound(ctx: OrgContext, roundId: string): Promise<RoundDetail> {
  const { row, facts, eligible, response } = await loadRound(ctx, roundId);
  const manage = canManage(ctx);
  const [counts, previous, members, people] = await Promise.all([
    repo.responseCounts(ctx.db, ctx.scope, [roundId]),
    findPreviousRound(ctx, row.round, facts),
    manage ? repo.listMembers(ctx.db, ctx.scope) : null,
    manage ? repo.listParticipants(ctx.db, ctx.scope, roundId) : null,
  ]);
  const myStatus: MyRoundStatus = response?.status ?? (eligible ? 'not_started' : 'not_eligible');
  const summary = summarize(row, facts, counts.get(roundId) ?? 0, myStatus, ctx.now());
  let eligibleCount: number | null = null;
  let invitedCount: number | null = null;
  let participants: RoundDetail['participants'] = null;
  if (members && people) {
    const cohort = new Set(people.filter((p) => p.inCohort).map((p) => p.userId));
    eligibleCount = members.filter((m) => inScope(row.round, facts, m, cohort)).length;
    invitedCount = people.filter((p) => p.invitedAt).length;
    if (row.round.scopeKind === 'cohort') {
      participants = people
        .filter((p) => p.inCohort)
        .map((p) => ({ userId: p.userId, displayName: p.displayName, email: p.email }));
    }
  }
  return {
    ...summary,
    content: row.content,
    joinPath: manage ? `/orgs/${ctx.scope.orgId}/rounds/join?token=${row.round.joinToken}` : null,
    eligibleCount,
    invitedCount,
    participants,
    previousRoundId: previous?.round.id ?? null,
  };
}

/**
 * The latest earlier round of the same template with the same scope: what results compare with by
 * default. It comes with its template version, so results need not read it again.
 */
export async function findPreviousRound(
  ctx: OrgContext,
  round: RoundRow,
  facts: ScopeFacts,
): Promise<RoundWithContent | null> {
  const rows = await repo.listRounds(ctx.db, ctx.scope, round.templateId);
  const signature = (r: RoundRow, f: ScopeFacts) =>
    `${r.scopeKind}:${(f.roundDepartments.get(r.id) ?? [])
      .map((d) => d.id)
      .sort()
      .join(',')}`;
  const earlier = rows.filter(
    (r) =>
      r.round.id !== round.id &&
      (r.round.opensOn < round.opensOn || (r.round.opensOn === round.opensOn && r.round.createdAt < round.createdAt)),
  );
  if (earlier.length === 0) return null;
  const allFacts = await loadScopeFacts(
    ctx,
    earlier.map((r) => r.round.id),
  );
  const mine = signature(round, facts);
  const same = earlier.filter((r) => signature(r.round, allFacts) === mine);
  return same.at(-1) ?? null;
}

export async function createRound(ctx: OrgContext, input: CreateRoundInput) {
  const data = createRoundSchema.parse(input);
  const [version, tree] = await Promise.all([
    repo.findTemplateVersion(ctx.db, ctx.scope, data.templateId, data.version),
    repo.listDepartmentTree(ctx.db, ctx.scope),
  ]);
  if (!version)
    throw new AppError('validation', undefined, [{ path: 'body.version', code: 'round.template_version_unknown' }]);
  if (data.closesOn < todayInJapan(ctx.now())) {
    throw new AppError('validation', undefined, [{ path: 'body.closesOn', code: 'round.closes_in_past' }]);
  }
  const known = new Set(tree.map((d) => d.id));
  const departmentIds = data.scopeKind === 'departments' ? [...new Set(data.departmentIds)] : [];
  const unknownDepartment = departmentIds.findIndex((id) => !known.has(id));
  if (unknownDepartment >= 0) {
    throw new AppError('validation', undefined, [
      { path: `body.departmentIds.${unknownDepartment}`, code: 'department.unknown' },
    ]);
  }
  const participantIds = data.scopeKind === 'cohort' ? [...new Set(data.participantIds)] : [];
  if (participantIds.length > 0) {
    const members = new Set((await repo.listMembers(ctx.db, ctx.scope)).map((m) => m.userId));
    const unknown = participantIds.findIndex((id) => !members.has(id));
    if (unknown >= 0) {
      throw new AppError('validation', undefined, [
        { path: `body.participantIds.${unknown}`, code: 'round.participants_unknown' },
      ]);
    }
  }
  return inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = tx.now();
    await repo.insertRound(tx.db, {
      id,
      orgId: tx.scope.orgId,
      templateId: data.templateId,
      templateVersionId: version.id,
      title: data.title,
      scopeKind: data.scopeKind,
      opensOn: data.opensOn,
      closesOn: data.closesOn,
      anonymityThreshold: data.anonymityThreshold,
      anonymous: data.anonymous,
      joinToken: createToken().token.slice(0, 32),
      createdBy: tx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertRoundDepartments(
      tx.db,
      departmentIds.map((departmentId) => ({ roundId: id, departmentId, orgId: tx.scope.orgId })),
    );
    await repo.upsertParticipants(tx.db, tx.scope, id, participantIds, { inCohort: true }, now);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'sheet_round.create',
      targetType: 'sheet_round',
      targetId: id,
      changes: {
        title: data.title,
        template: version.templateId,
        version: data.version,
        scope: data.scopeKind,
        departments: departmentIds.length,
        participants: participantIds.length,
        opensOn: data.opensOn,
        closesOn: data.closesOn,
        k: data.anonymityThreshold,
        anonymous: data.anonymous,
      },
    });
    return { id };
  });
}

/**
 * Changes the title or dates. The open date moves only before anyone answered; a new close date
 * must not be in the past, and moving it later reopens a round that was closed early.
 */
export async function updateRound(ctx: OrgContext, roundId: string, input: UpdateRoundInput) {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findRound(tx.db, tx.scope, roundId, { lock: 'update' });
    if (!row) throw new AppError('not_found');
    const { round } = row;
    const opensOn = input.opensOn ?? round.opensOn;
    const closesOn = input.closesOn ?? round.closesOn;
    if (input.opensOn && input.opensOn !== round.opensOn) {
      const started =
        roundStatus(round, tx.now()) !== 'scheduled' || (await repo.countAllResponses(tx.db, tx.scope, roundId)) > 0;
      if (started) throw new AppError('validation', undefined, [{ path: 'body.opensOn', code: 'round.already_open' }]);
    }
    if (closesOn < opensOn)
      throw new AppError('validation', undefined, [{ path: 'body.closesOn', code: 'round.closes_before_opens' }]);
    if (input.closesOn && input.closesOn !== round.closesOn && input.closesOn < todayInJapan(tx.now())) {
      throw new AppError('validation', undefined, [{ path: 'body.closesOn', code: 'round.closes_in_past' }]);
    }
    // Its results have been shown; answers added after reopening would show as the difference.
    if (
      input.closesOn &&
      input.closesOn !== round.closesOn &&
      round.anonymous &&
      roundStatus(round, tx.now()) === 'closed'
    ) {
      throw new AppError('validation', undefined, [{ path: 'body.closesOn', code: 'round.anonymous_closed' }]);
    }
    const values = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      opensOn,
      closesOn,
      ...(input.closesOn && input.closesOn !== round.closesOn ? { closedAt: null } : {}),
    };
    const changes = diffFields(round as unknown as Record<string, unknown>, values);
    if (Object.keys(changes).length === 0) return;
    await repo.updateRound(tx.db, tx.scope, roundId, { ...values, updatedAt: tx.now() });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'sheet_round.update',
      targetType: 'sheet_round',
      targetId: roundId,
      changes,
    });
  });
  return summaryOf(ctx, roundId);
}

/** Closes the round now: answers can no longer be given or changed. */
export async function closeRound(ctx: OrgContext, roundId: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findRound(tx.db, tx.scope, roundId, { lock: 'update' });
    if (!row) throw new AppError('not_found');
    if (roundStatus(row.round, tx.now()) === 'closed') return;
    await repo.updateRound(tx.db, tx.scope, roundId, { closedAt: tx.now(), updatedAt: tx.now() });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'sheet_round.close',
      targetType: 'sheet_round',
      targetId: roundId,
    });
  });
  return summaryOf(ctx, roundId);
}

export async function deleteRound(ctx: OrgContext, roundId: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findRound(tx.db, tx.scope, roundId, { lock: 'update' });
    if (!row) throw new AppError('not_found');
    if ((await repo.countAllResponses(tx.db, tx.scope, roundId)) > 0) throw new AppError('round_has_responses');
    await repo.deleteRound(tx.db, tx.scope, roundId);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'sheet_round.delete',
      targetType: 'sheet_round',
      targetId: roundId,
      changes: { title: row.round.title },
    });
  });
}

async function summaryOf(ctx: OrgContext, roundId: string): Promise<RoundSummary> {
  const { row, facts, eligible, response } = await loadRound(ctx, roundId);
  const counts = await repo.responseCounts(ctx.db, ctx.scope, [roundId]);
  return summarize(
    row,
    facts,
    counts.get(roundId) ?? 0,
    response?.status ?? (eligible ? 'not_started' : 'not_eligible'),
    ctx.now(),
  );
}

/** Opens a round's link: a cohort round takes the person in; any round leads on to answering. */
export async function joinRound(ctx: OrgContext, token: string) {
  const round = await repo.findRoundByToken(ctx.db, ctx.scope, token);
  if (!round) throw new AppError('token_invalid');
  if (round.scopeKind === 'cohort') {
    await inTransaction(ctx, async (tx) => {
      await repo.upsertParticipants(tx.db, tx.scope, round.id, [tx.actor.userId], { inCohort: true }, tx.now());
      await recordAudit(tx, {
        orgId: tx.scope.orgId,
        action: 'sheet_round.join',
        targetType: 'sheet_round',
        targetId: round.id,
      });
    });
  }
  return { roundId: round.id };
}
