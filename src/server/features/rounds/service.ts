import { hasPermission } from '../../../shared/auth/permissions.js';
import type { Position } from '../../../shared/auth/roles.js';
import { emailSchema } from '../../../shared/common/schema.js';
import type {
  CreateRoundInput,
  InviteToRoundInput,
  MyResponse,
  MyRoundStatus,
  RoundDetail,
  RoundStatus,
  RoundSummary,
  SaveResponseInput,
  UpdateRoundInput,
} from '../../../shared/sheets/round-schema.js';
import { createRoundSchema, inviteToRoundSchema, saveResponseSchema } from '../../../shared/sheets/round-schema.js';
import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { diffFields, inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { createToken } from '../../lib/tokens.js';
import { roundInvitationMail } from '../mail/templates.js';
import { findOrg } from '../orgs/repo.js';
import * as repo from './repo.js';

type RoundRow = repo.RoundRow;
type RoundWithContent = { round: RoundRow; version: number; content: SheetTemplate };

/** Today's date in Japan, where rounds' open and close dates are days. */
export function todayInJapan(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

export function roundStatus(round: Pick<RoundRow, 'opensOn' | 'closesOn' | 'closedAt'>, now: Date): RoundStatus {
  if (round.closedAt) return 'closed';
  const today = todayInJapan(now);
  if (today < round.opensOn) return 'scheduled';
  if (today > round.closesOn) return 'closed';
  return 'open';
}

export const itemsOf = (content: SheetTemplate) =>
  content.sections.flatMap((section) => section.items.map((item) => ({ ...item, sectionKey: section.key })));

export const canManage = (ctx: OrgContext) => hasPermission(ctx.scope.role, 'sheet.manage');

/** Ids of a department and everything below it. */
export function subtreeIds(tree: { id: string; parentId: string | null }[], roots: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of tree) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

interface ScopeFacts {
  tree: { id: string; parentId: string | null; name: string }[];
  roundDepartments: Map<string, { id: string; name: string }[]>;
}

async function loadScopeFacts(ctx: OrgContext, roundIds: string[]): Promise<ScopeFacts> {
  const [tree, departmentRows] = await Promise.all([
    repo.listDepartmentTree(ctx.db, ctx.scope),
    repo.listRoundDepartments(ctx.db, ctx.scope, roundIds),
  ]);
  const roundDepartments = new Map<string, { id: string; name: string }[]>();
  for (const row of departmentRows) {
    roundDepartments.set(row.roundId, [...(roundDepartments.get(row.roundId) ?? []), { id: row.id, name: row.name }]);
  }
  return { tree, roundDepartments };
}

/** Whether a member with this department is in the round's scope (a cohort is decided by its list). */
function inScope(
  round: RoundRow,
  facts: ScopeFacts,
  member: { departmentId: string | null; userId: string },
  cohort: Set<string>,
): boolean {
  if (round.scopeKind === 'org') return true;
  if (round.scopeKind === 'cohort') return cohort.has(member.userId);
  if (!member.departmentId) return false;
  const roots = (facts.roundDepartments.get(round.id) ?? []).map((d) => d.id);
  return subtreeIds(facts.tree, roots).has(member.departmentId);
}

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

/** A round the caller may see, with whether they are in its scope. Anyone else gets not found. */
export async function loadRound(ctx: OrgContext, roundId: string, options: { lock?: 'share' } = {}) {
  const row = await repo.findRound(ctx.db, ctx.scope, roundId, options);
  if (!row) throw new AppError('not_found');
  const facts = await loadScopeFacts(ctx, [roundId]);
  const membership = await repo.findMembership(ctx.db, ctx.scope, ctx.actor.userId);
  const cohort =
    row.round.scopeKind === 'cohort'
      ? await repo.cohortRoundsOf(ctx.db, ctx.scope, ctx.actor.userId, [roundId])
      : new Set<string>();
  const eligible = inScope(
    row.round,
    facts,
    { departmentId: membership?.departmentId ?? null, userId: ctx.actor.userId },
    cohort.has(roundId) ? new Set([ctx.actor.userId]) : new Set(),
  );
  const response = await repo.findResponse(ctx.db, ctx.scope, roundId, ctx.actor.userId);
  if (!canManage(ctx) && !eligible && !response) throw new AppError('not_found');
  return { row: row as RoundWithContent, facts, eligible, response, membership };
}

export async function getRound(ctx: OrgContext, roundId: string): Promise<RoundDetail> {
  const { row, facts, eligible, response } = await loadRound(ctx, roundId);
  const counts = await repo.responseCounts(ctx.db, ctx.scope, [roundId]);
  const myStatus: MyRoundStatus = response?.status ?? (eligible ? 'not_started' : 'not_eligible');
  const summary = summarize(row, facts, counts.get(roundId) ?? 0, myStatus, ctx.now());
  const previous = await findPreviousRound(ctx, row.round, facts);
  const manage = canManage(ctx);
  let eligibleCount: number | null = null;
  let invitedCount: number | null = null;
  let participants: RoundDetail['participants'] = null;
  if (manage) {
    const [members, people] = await Promise.all([
      repo.listMembers(ctx.db, ctx.scope),
      repo.listParticipants(ctx.db, ctx.scope, roundId),
    ]);
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
    previousRoundId: previous?.id ?? null,
  };
}

/** The latest earlier round of the same template with the same scope: what results compare with by default. */
export async function findPreviousRound(ctx: OrgContext, round: RoundRow, facts: ScopeFacts) {
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
  return same.at(-1)?.round ?? null;
}

export async function createRound(ctx: OrgContext, input: CreateRoundInput) {
  const data = createRoundSchema.parse(input);
  const version = await repo.findTemplateVersion(ctx.db, ctx.scope, data.templateId, data.version);
  if (!version)
    throw new AppError('validation', undefined, [{ path: 'body.version', code: 'round.template_version_unknown' }]);
  if (data.closesOn < todayInJapan(ctx.now())) {
    throw new AppError('validation', undefined, [{ path: 'body.closesOn', code: 'round.closes_in_past' }]);
  }
  const tree = await repo.listDepartmentTree(ctx.db, ctx.scope);
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

/**
 * Mails the round's link: to everyone in scope, to those who have not submitted, or to listed
 * addresses of members (who join a cohort round by it). Nobody outside the organisation is mailed.
 */
export async function inviteToRound(deps: AppDeps, ctx: OrgContext, roundId: string, input: InviteToRoundInput) {
  const data = inviteToRoundSchema.parse(input);
  const mailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    const row = await repo.findRound(tx.db, tx.scope, roundId, { lock: 'update' });
    if (!row) throw new AppError('not_found');
    const status = roundStatus(row.round, tx.now());
    if (status === 'closed') throw new AppError('round_closed');
    const facts = await loadScopeFacts(tx, [roundId]);
    const [members, people, submitted, org] = await Promise.all([
      repo.listMembers(tx.db, tx.scope),
      repo.listParticipants(tx.db, tx.scope, roundId),
      repo.submittedUserIds(tx.db, tx.scope, roundId),
      findOrg(tx.db, tx.scope),
    ]);
    const cohort = new Set(people.filter((p) => p.inCohort).map((p) => p.userId));
    const skipped: { email: string; reason: 'not_member' | 'not_in_scope' | 'invalid' }[] = [];
    let recipients: typeof members;
    if (data.to === 'emails') {
      const byEmail = new Map(members.map((m) => [m.email, m]));
      recipients = [];
      const addToCohort: string[] = [];
      for (const raw of data.emails) {
        const parsed = emailSchema.safeParse(raw);
        if (!parsed.success) {
          if (raw) skipped.push({ email: raw, reason: 'invalid' });
          continue;
        }
        const member = byEmail.get(parsed.data);
        if (!member) skipped.push({ email: parsed.data, reason: 'not_member' });
        else if (row.round.scopeKind === 'cohort') {
          addToCohort.push(member.userId);
          recipients.push(member);
        } else if (!inScope(row.round, facts, member, cohort))
          skipped.push({ email: parsed.data, reason: 'not_in_scope' });
        else recipients.push(member);
      }
      await repo.upsertParticipants(tx.db, tx.scope, roundId, addToCohort, { inCohort: true }, tx.now());
    } else {
      recipients = members.filter((m) => inScope(row.round, facts, m, cohort));
      if (data.to === 'not_submitted') recipients = recipients.filter((m) => !submitted.has(m.userId));
    }
    const unique = [...new Map(recipients.map((m) => [m.userId, m])).values()];
    const link = `${deps.mailer.publicUrl}/orgs/${tx.scope.orgId}/rounds/${roundId}/answer`;
    for (const member of unique) {
      const mail = roundInvitationMail({
        orgName: org?.name ?? '',
        roundTitle: row.round.title,
        closesOn: row.round.closesOn,
        senderName: null,
        message: data.message ?? null,
        link,
      });
      mailIds.push(await deps.mailer.queue(tx, { orgId: tx.scope.orgId, to: member.email, ...mail }));
    }
    await repo.upsertParticipants(
      tx.db,
      tx.scope,
      roundId,
      unique.map((m) => m.userId),
      { invitedAt: tx.now() },
      tx.now(),
    );
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'sheet_round.invite',
      targetType: 'sheet_round',
      targetId: roundId,
      changes: { to: data.to, sent: unique.length, skipped: skipped.length },
    });
    return { sent: unique.length, skipped };
  });
  await deps.mailer.deliver(mailIds);
  return result;
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

/** What a new response starts from, and which departments the respondent may name. */
export async function responseDefaults(ctx: OrgContext, roundId: string) {
  const { row, facts, membership } = await loadRound(ctx, roundId);
  const allowed = allowedDepartments(row.round, facts);
  const departmentId =
    membership?.departmentId && allowed.has(membership.departmentId) ? membership.departmentId : null;
  return {
    position: (membership?.position ?? 'other') as Position,
    departmentId,
    departments: facts.tree
      .filter((d) => allowed.has(d.id))
      .map((d) => ({ id: d.id, name: d.name, parentId: d.parentId })),
  };
}

function allowedDepartments(round: RoundRow, facts: ScopeFacts): Set<string> {
  if (round.scopeKind !== 'departments') return new Set(facts.tree.map((d) => d.id));
  return subtreeIds(
    facts.tree,
    (facts.roundDepartments.get(round.id) ?? []).map((d) => d.id),
  );
}

function toMyResponse(
  response: repo.ResponseRow,
  answers: { itemKey: string; level: number | null; comment: string | null }[],
): MyResponse {
  return {
    roundId: response.roundId,
    status: response.status,
    position: response.position,
    departmentId: response.departmentId,
    mostImportantItemKey: response.mostImportantItemKey,
    answers,
    submittedAt: response.submittedAt?.toISOString() ?? null,
    updatedAt: response.updatedAt.toISOString(),
  };
}

export async function getMyResponse(ctx: OrgContext, roundId: string): Promise<MyResponse> {
  const { response } = await loadRound(ctx, roundId);
  if (!response) throw new AppError('not_found');
  return toMyResponse(response, await repo.listAnswers(ctx.db, response.id));
}

/**
 * Saves the caller's response: create (once per person and round) or update, as a draft or
 * submitted. Everything is checked before anything is written, and written in one transaction.
 */
export async function saveMyResponse(
  ctx: OrgContext,
  roundId: string,
  input: SaveResponseInput,
  mode: 'create' | 'update',
): Promise<MyResponse> {
  const data = saveResponseSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const { row, facts, eligible } = await loadRound(tx, roundId, { lock: 'share' });
    const status = roundStatus(row.round, tx.now());
    if (status === 'closed') throw new AppError('round_closed');
    if (status === 'scheduled') throw new AppError('round_not_open');
    if (!eligible) throw new AppError('not_in_round');

    const items = itemsOf(row.content);
    const byKey = new Map(items.map((item) => [item.key, item]));
    const errors: { path: string; code: Parameters<typeof fieldError>[1] }[] = [];
    const seen = new Set<string>();
    data.answers.forEach((answer, i) => {
      const item = byKey.get(answer.itemKey);
      if (!item) errors.push(fieldError(`body.answers.${i}.itemKey`, 'response.unknown_item'));
      else if (seen.has(answer.itemKey))
        errors.push(fieldError(`body.answers.${i}.itemKey`, 'response.duplicate_item'));
      else if (answer.level !== null && answer.level > item.levels.length) {
        errors.push(fieldError(`body.answers.${i}.level`, 'response.level_out_of_range'));
      }
      seen.add(answer.itemKey);
    });
    if (data.mostImportantItemKey && !byKey.has(data.mostImportantItemKey)) {
      errors.push(fieldError('body.mostImportantItemKey', 'response.unknown_item'));
    }
    if (data.departmentId) {
      if (!facts.tree.some((d) => d.id === data.departmentId))
        errors.push(fieldError('body.departmentId', 'department.unknown'));
      else if (!allowedDepartments(row.round, facts).has(data.departmentId)) {
        errors.push(fieldError('body.departmentId', 'response.department_out_of_scope'));
      }
    }
    if (data.submit) {
      const answered = new Set(data.answers.filter((a) => a.level !== null).map((a) => a.itemKey));
      for (const item of items)
        if (!answered.has(item.key)) errors.push(fieldError(`body.items.${item.key}`, 'response.level_required'));
    }
    if (errors.length > 0) throw new AppError('validation', undefined, errors);

    const now = tx.now();
    let response = await repo.findResponse(tx.db, tx.scope, roundId, tx.actor.userId, true);
    const values = {
      position: data.position,
      departmentId: data.departmentId,
      mostImportantItemKey: data.mostImportantItemKey,
      // A submitted response stays submitted when edited; saving a draft never withdraws it.
      status: data.submit || response?.status === 'submitted' ? ('submitted' as const) : ('draft' as const),
      updatedAt: now,
    };
    if (mode === 'create') {
      if (response) throw new AppError('response_exists');
      const id = newId();
      const created = await repo.insertResponse(tx.db, {
        id,
        roundId,
        orgId: tx.scope.orgId,
        userId: tx.actor.userId,
        ...values,
        submittedAt: values.status === 'submitted' ? now : null,
        createdAt: now,
      });
      if (!created) throw new AppError('response_exists');
      response = await repo.findResponse(tx.db, tx.scope, roundId, tx.actor.userId);
    } else {
      if (!response) throw new AppError('not_found');
      if (values.status === 'submitted' && !data.submit) {
        // Editing a submitted response must keep it complete.
        const answered = new Set(data.answers.filter((a) => a.level !== null).map((a) => a.itemKey));
        const missing = items.filter((item) => !answered.has(item.key));
        if (missing.length > 0) {
          throw new AppError(
            'validation',
            undefined,
            missing.map((item) => fieldError(`body.items.${item.key}`, 'response.level_required')),
          );
        }
      }
      await repo.updateResponse(tx.db, response.id, {
        ...values,
        submittedAt: data.submit ? now : response.submittedAt,
      });
    }
    if (!response) throw new AppError('internal');
    await repo.replaceAnswers(
      tx.db,
      response.id,
      roundId,
      data.answers.map((a) => ({ itemKey: a.itemKey, level: a.level, comment: a.comment ?? null })),
    );
    if (data.submit && !row.round.anonymous) {
      // Only in a named round: in an anonymous one, who submitted when, set beside results, could tell answers apart.
      await recordAudit(tx, {
        orgId: tx.scope.orgId,
        action: 'sheet_response.submit',
        targetType: 'sheet_round',
        targetId: roundId,
      });
    }
    const saved = await repo.findResponse(tx.db, tx.scope, roundId, tx.actor.userId);
    if (!saved) throw new AppError('internal');
    return toMyResponse(saved, await repo.listAnswers(tx.db, saved.id));
  });
}

function fieldError(
  path: string,
  code:
    | 'response.unknown_item'
    | 'response.duplicate_item'
    | 'response.level_out_of_range'
    | 'response.level_required'
    | 'response.department_out_of_scope'
    | 'department.unknown',
) {
  return { path, code };
}
