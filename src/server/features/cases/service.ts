import { hasPermission } from '../../../shared/auth/permissions.js';
import type {
  CaseDetail,
  CaseStatus,
  InternalField,
  ParsedCaseInput,
  ReviewActionInput,
} from '../../../shared/cases/case-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { caseReviewMail } from '../mail/templates.js';
import * as attachmentRepo from './attachment-repo.js';
import { hiddenFieldsFor, mayEdit, mayRead, publicViewer, type Viewer, viewerOf } from './policy.js';
import * as repo from './repo.js';
import { toTsVector } from './search-text.js';

/** 年度 of a day: April to March, so 2027-03-31 belongs to 2026年度. */
export function fiscalYearOfDate(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

const canReview = (ctx: OrgContext) => hasPermission(ctx.scope.role, 'case.review');
const canPublish = (ctx: OrgContext) => hasPermission(ctx.scope.role, 'case.publish');

/** The index entry of a case: what everyone who may read it sees, never its internal fields. */
export function searchVectorOf(input: ParsedCaseInput, departmentName: string | null): string {
  const hidden = new Set<InternalField>(input.internalFields);
  const unless = (field: InternalField, text: string | null | undefined) => (hidden.has(field) ? null : text);
  return toTsVector([
    { text: input.title, weight: 'A' },
    { text: unless('problem', input.problem), weight: 'B' },
    { text: unless('action', input.action), weight: 'B' },
    { text: unless('result', input.result), weight: 'B' },
    { text: unless('remaining', input.remaining), weight: 'C' },
    { text: input.tags.join(' '), weight: 'C' },
    { text: unless('department', departmentName), weight: 'C' },
    {
      text: unless('effects', input.effects.map((e) => [e.label, e.note].filter(Boolean).join(' ')).join(' ')),
      weight: 'D',
    },
  ]);
}

/**
 * Checks the references of an input against the organisation; returns the values to store and
 * the team. A new case's reporter is whoever reports it; an edit keeps the team unless it names
 * one, and an administrator who corrects a case does not join it.
 */
async function valuesOf(
  ctx: OrgContext,
  input: ParsedCaseInput,
  editing?: { caseId: string; reporterIds: string[]; actorIsReporter: boolean },
) {
  const department = input.departmentId ? await repo.findDepartment(ctx.db, ctx.scope, input.departmentId) : null;
  if (input.departmentId && !department)
    throw new AppError('validation', undefined, [{ path: 'body.departmentId', code: 'case.department_unknown' }]);
  if (input.adoptedFromId) {
    const source = await repo.findCase(ctx.db, input.adoptedFromId);
    if (!source || !mayRead(viewerOf(ctx), source.row, false) || source.row.id === editing?.caseId)
      throw new AppError('validation', undefined, [{ path: 'body.adoptedFromId', code: 'case.adopted_from_unknown' }]);
  }
  const named = input.reporterIds.length > 0 ? input.reporterIds : (editing?.reporterIds ?? []);
  const keepActor = !editing || editing.actorIsReporter;
  const reporterIds = [...new Set([...(keepActor ? [ctx.actor.userId] : []), ...named])];
  if (reporterIds.length === 0)
    throw new AppError('validation', undefined, [{ path: 'body.reporterIds', code: 'case.reporter_unknown' }]);
  const members = await repo.memberIds(ctx.db, ctx.scope, reporterIds);
  const strangers = reporterIds.findIndex((id) => !members.has(id));
  if (strangers >= 0)
    throw new AppError('validation', undefined, [{ path: 'body.reporterIds', code: 'case.reporter_unknown' }]);
  for (const [i, effect] of input.effects.entries()) {
    if (effect.kind === 'other' && !effect.label?.trim())
      throw new AppError('validation', undefined, [
        { path: `body.effects.${i}.label`, code: 'case.effect_label_required' },
      ]);
  }
  const values = {
    title: input.title,
    problem: input.problem,
    action: input.action,
    result: input.result,
    remaining: input.remaining,
    costYen: input.costYen ?? null,
    costNote: input.costNote ?? null,
    departmentId: department?.id ?? null,
    departmentName: department?.name ?? null,
    happenedOn: input.happenedOn,
    fiscalYear: fiscalYearOfDate(input.happenedOn),
    sceneId: input.sceneId ?? null,
    policyField: input.policyField ?? null,
    method: input.method ?? null,
    sharing: input.sharing,
    internalFields: [...new Set(input.internalFields)],
    adoptedFromId: input.adoptedFromId ?? null,
    searchVector: searchVectorOf(input, department?.name ?? null),
  };
  return { values, reporterIds };
}

async function saveParts(ctx: OrgContext, caseId: string, input: ParsedCaseInput, reporterIds: string[]) {
  await repo.replaceReporters(ctx.db, ctx.scope, caseId, reporterIds);
  await repo.replaceEffects(
    ctx.db,
    ctx.scope,
    caseId,
    input.effects.map((e) => ({
      kind: e.kind,
      label: e.label ?? null,
      unit: e.unit ?? null,
      target: e.target ?? null,
      actual: e.actual ?? null,
      note: e.note ?? null,
    })),
  );
  await repo.replaceTags(ctx.db, ctx.scope, caseId, [...new Set(input.tags)]);
}

/** Reports a new case as a draft; the person saving is one of its reporters. */
export async function createCase(ctx: OrgContext, input: ParsedCaseInput): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const { values, reporterIds } = await valuesOf(tx, input);
    const now = tx.now();
    const id = await repo.insertCase(tx.db, tx.scope, {
      ...values,
      status: 'draft',
      createdBy: tx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await saveParts(tx, id, input, reporterIds);
    await recordAudit(tx, { orgId: tx.scope.orgId, action: 'case.create', targetType: 'case', targetId: id });
    return { id };
  });
}

/** Changes a case: its reporters while it is a draft or returned, administrators at any time. */
export async function updateCase(ctx: OrgContext, caseId: string, input: ParsedCaseInput): Promise<CaseDetail> {
  await inTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx.db, caseId, { lock: true });
    if (!found || found.row.orgId !== tx.scope.orgId) throw new AppError('not_found');
    const reporter = await repo.isReporter(tx.db, caseId, tx.actor.userId);
    if (!mayRead(viewerOf(tx), found.row, reporter)) throw new AppError('not_found');
    if (!mayEdit(viewerOf(tx), found.row.status, reporter)) throw new AppError('case_locked');
    const { values, reporterIds } = await valuesOf(tx, input, {
      caseId,
      reporterIds: await repo.reporterIdsOf(tx.db, caseId),
      actorIsReporter: reporter,
    });
    // A source the editor can no longer read was not shown in the form, so its absence there is
    // not a choice to drop it: the link stays.
    if (!input.adoptedFromId && found.row.adoptedFromId) {
      const source = await repo.findCase(tx.db, found.row.adoptedFromId);
      if (source && !mayRead(viewerOf(tx), source.row, false)) values.adoptedFromId = found.row.adoptedFromId;
    }
    await repo.updateCase(tx.db, tx.scope, caseId, { ...values, updatedAt: tx.now() });
    await saveParts(tx, caseId, input, reporterIds);
    await recordAudit(tx, { orgId: tx.scope.orgId, action: 'case.update', targetType: 'case', targetId: caseId });
  });
  return getCase(ctx, caseId);
}

/** Deletes a draft (its reporters) or any case (administrators). */
export async function deleteCase(ctx: OrgContext, caseId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx.db, caseId, { lock: true });
    if (!found || found.row.orgId !== tx.scope.orgId) throw new AppError('not_found');
    const reporter = await repo.isReporter(tx.db, caseId, tx.actor.userId);
    if (!mayRead(viewerOf(tx), found.row, reporter)) throw new AppError('not_found');
    if (!canPublish(tx) && !(reporter && found.row.status === 'draft')) throw new AppError('case_locked');
    await repo.deleteCase(tx.db, tx.scope, caseId);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.delete',
      targetType: 'case',
      targetId: caseId,
      changes: { title: found.row.title },
    });
  });
}

/** A case as the caller may read it; another organisation's copy leaves out what was marked internal. */
export async function getCase(ctx: OrgContext, caseId: string): Promise<CaseDetail> {
  return readCase(ctx.db, viewerOf(ctx), caseId);
}

/** A public published case for a reader without login: the same copy another organisation reads. */
export async function getPublicCase(db: Db, caseId: string): Promise<CaseDetail> {
  return readCase(db, publicViewer, caseId);
}

/** A case the viewer may read, and whether they are among its reporters; 404 otherwise, as for a missing id. */
export async function findReadableCase(db: Db, viewer: Viewer, caseId: string) {
  const found = await repo.findCase(db, caseId);
  if (!found) throw new AppError('not_found');
  const reporter =
    found.row.orgId === viewer.orgId && viewer.userId !== null && (await repo.isReporter(db, caseId, viewer.userId));
  if (!mayRead(viewer, found.row, reporter)) throw new AppError('not_found');
  return { ...found, reporter };
}

async function readCase(db: Db, viewer: Viewer, caseId: string): Promise<CaseDetail> {
  const { row, org, reporter } = await findReadableCase(db, viewer, caseId);
  const own = row.orgId === viewer.orgId;
  const hidden = hiddenFieldsFor(viewer, row);
  const [parts, adoptedFrom, adoptedBy, attachments] = await Promise.all([
    repo.loadCaseParts(db, caseId),
    row.adoptedFromId ? repo.findCase(db, row.adoptedFromId) : null,
    repo.listAdoptions(db, viewer, caseId, 10),
    hidden.has('attachments') ? null : attachmentRepo.listAttachments(db, caseId),
  ]);
  const show = <T>(field: InternalField, value: T) => (hidden.has(field) ? null : value);
  const status = row.status;
  return {
    id: row.id,
    org: {
      id: org.id,
      name: org.name,
      prefectureCode: org.prefectureCode,
      municipalityType: org.municipalityType,
      population: org.population,
    },
    status,
    sharing: row.sharing,
    title: row.title,
    problem: show('problem', row.problem),
    action: show('action', row.action),
    result: show('result', row.result),
    remaining: show('remaining', row.remaining),
    costYen: show('cost', row.costYen),
    costNote: show('cost', row.costNote),
    departmentId: own ? row.departmentId : null,
    departmentName: show('department', row.departmentName),
    happenedOn: row.happenedOn,
    fiscalYear: row.fiscalYear,
    sceneId: row.sceneId as SceneId | null,
    policyField: row.policyField as CaseDetail['policyField'],
    method: row.method,
    internalFields: own ? (row.internalFields as InternalField[]) : null,
    tags: parts.tags,
    reporters: show('reporters', parts.reporters),
    effects: show(
      'effects',
      parts.effects.map((e) => ({
        kind: e.kind,
        label: e.label,
        unit: e.unit,
        target: e.target === null ? null : Number(e.target),
        actual: e.actual === null ? null : Number(e.actual),
        note: e.note,
      })),
    ),
    attachments: attachments?.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })) ?? null,
    adoptedFrom:
      adoptedFrom && mayRead(viewer, adoptedFrom.row, false)
        ? { id: adoptedFrom.row.id, title: adoptedFrom.row.title, orgName: adoptedFrom.org.name }
        : null,
    adoptionCount: parts.adoptionCount,
    adoptedBy,
    managerOpinion: own ? row.managerOpinion : null,
    awards: parts.awards,
    reviews: own
      ? parts.reviews.map((r) => ({
          action: r.action,
          comment: r.comment,
          actorName: r.actorName,
          createdAt: r.createdAt.toISOString(),
        }))
      : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: {
      edit: own && mayEdit(viewer, status, reporter),
      submit: own && reporter && (status === 'draft' || status === 'returned'),
      review: own && viewer.canReview && (status === 'submitted' || status === 'approved'),
      publish: own && viewer.canPublish && (status === 'approved' || status === 'published'),
      award: own && viewer.canPublish && status === 'published',
    },
  };
}

/** The moves of the review workflow: from which statuses, to which, and who may make them. */
const transitions: Record<
  ReviewActionInput['action'],
  { from: CaseStatus[]; to: CaseStatus | null; who: 'reporter' | 'reviewer' | 'publisher' | 'any' }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', who: 'reporter' },
  return: { from: ['submitted', 'approved'], to: 'returned', who: 'reviewer' },
  approve: { from: ['submitted'], to: 'approved', who: 'reviewer' },
  publish: { from: ['approved'], to: 'published', who: 'publisher' },
  unpublish: { from: ['published'], to: 'approved', who: 'publisher' },
  comment: { from: ['submitted', 'returned', 'approved', 'published'], to: null, who: 'any' },
};

/**
 * One step of review: submit, return with comments, approve (with the manager's opinion),
 * publish or take back, or a comment. Reporters and reviewers hear of it by e-mail.
 */
export async function reviewCase(
  ctx: OrgContext,
  deps: AppDeps,
  caseId: string,
  input: ReviewActionInput,
): Promise<CaseDetail> {
  const mailIds = await inTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx.db, caseId, { lock: true });
    if (!found || found.row.orgId !== tx.scope.orgId) throw new AppError('not_found');
    const reporter = await repo.isReporter(tx.db, caseId, tx.actor.userId);
    if (!mayRead(viewerOf(tx), found.row, reporter)) throw new AppError('not_found');
    const move = transitions[input.action];
    const allowed =
      move.who === 'reporter'
        ? reporter
        : move.who === 'reviewer'
          ? canReview(tx)
          : move.who === 'publisher'
            ? canPublish(tx)
            : reporter || canReview(tx);
    if (!allowed) throw new AppError('forbidden');
    if (!move.from.includes(found.row.status)) throw new AppError('case_status');
    const comment = input.comment?.trim() || null;
    if ((input.action === 'return' || input.action === 'comment') && !comment)
      throw new AppError('validation', undefined, [{ path: 'body.comment', code: 'case.comment_required' }]);
    const now = tx.now();
    if (move.to) {
      await repo.updateCase(tx.db, tx.scope, caseId, {
        status: move.to,
        updatedAt: now,
        ...(input.action === 'submit' ? { submittedAt: now } : {}),
        ...(input.action === 'publish' ? { publishedAt: now } : {}),
        ...(input.action === 'unpublish' ? { publishedAt: null } : {}),
        ...(input.action === 'approve' ? { managerOpinion: input.managerOpinion?.trim() || null } : {}),
      });
    }
    await repo.insertReview(tx.db, tx.scope, {
      caseId,
      action: input.action,
      comment,
      actorId: tx.actor.userId,
      at: now,
    });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: `case.${input.action}`,
      targetType: 'case',
      targetId: caseId,
      changes: move.to ? { status: [found.row.status, move.to] } : null,
    });
    // Submitted cases go to the reviewers; every other step goes back to the reporters.
    const to =
      input.action === 'submit'
        ? await repo.memberEmailsWithRoles(tx.db, tx.scope, ['org_admin', 'manager'])
        : await repo.reporterEmails(tx.db, caseId);
    const link = `${deps.mailer.publicUrl}/orgs/${tx.scope.orgId}/cases/${caseId}`;
    const ids: string[] = [];
    for (const email of new Set(to)) {
      const mail = caseReviewMail({ action: input.action, caseTitle: found.row.title, comment, link });
      ids.push(await deps.mailer.queue(tx, { orgId: tx.scope.orgId, to: email, ...mail }));
    }
    return ids;
  });
  await deps.mailer.deliver(mailIds);
  return getCase(ctx, caseId);
}

/** Records an award (表彰) for a published case in a fiscal year. */
export async function awardCase(ctx: OrgContext, caseId: string, award: { fiscalYear: number; name: string }) {
  await inTransaction(ctx, async (tx) => {
    const found = await repo.findCase(tx.db, caseId);
    if (!found || found.row.orgId !== tx.scope.orgId) throw new AppError('not_found');
    if (!canPublish(tx)) throw new AppError('forbidden');
    if (found.row.status !== 'published') throw new AppError('case_status');
    await repo.insertAward(tx.db, tx.scope, caseId, award.fiscalYear, award.name.trim());
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.award',
      targetType: 'case',
      targetId: caseId,
      changes: award,
    });
  });
  return getCase(ctx, caseId);
}

/** The organisation's own case tags, for choosing them again. */
export async function listTags(ctx: OrgContext) {
  return repo.listOrgTags(ctx.db, ctx.scope);
}

/** Members of the organisation who can be named as a case's team: id and name only. */
export async function listReporterCandidates(ctx: OrgContext) {
  return repo.listMemberNames(ctx.db, ctx.scope);
}
