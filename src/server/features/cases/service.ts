import type { CaseDetail, InternalField, ParsedCaseInput } from '../../../shared/cases/case-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { fiscalYearOfDay } from '../../../shared/common/japan-days.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import * as attachmentRepo from './attachment-repo.js';
import { hiddenFieldsFor, mayEdit, mayRead, publicViewer, type Viewer, viewerOf } from './policy.js';
import * as repo from './repo.js';
import { markersOf } from './search-markers.js';
import { toTsVector } from './search-text.js';

/**
 * The index entry of a case: what everyone who may read it sees, never its internal fields, and
 * its markers (search-markers.ts).
 */
export function searchVectorOf(input: ParsedCaseInput, departmentName: string | null): string {
  const hidden = new Set<InternalField>(input.internalFields);
  const unless = (field: InternalField, text: string | null | undefined) => (hidden.has(field) ? null : text);
  return toTsVector(
    [
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
    ],
    markersOf({ ...input, fiscalYear: fiscalYearOfDay(input.happenedOn) }),
  );
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
    fiscalYear: fiscalYearOfDay(input.happenedOn),
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

/**
 * A case of the caller's organisation, locked for a change, and whether the caller is one of its
 * reporters; 404 when it is elsewhere or the caller may not read it, as for a missing id.
 */
export async function lockCaseToChange(tx: OrgContext, caseId: string) {
  const found = await repo.findCase(tx.db, caseId, { lock: true });
  if (!found || found.row.orgId !== tx.scope.orgId) throw new AppError('not_found');
  const reporter = await repo.isReporter(tx.db, caseId, tx.actor.userId);
  if (!mayRead(viewerOf(tx), found.row, reporter)) throw new AppError('not_found');
  return { ...found, reporter };
}

/** Changes a case: its reporters while it is a draft or returned, administrators at any time. */
export async function updateCase(ctx: OrgContext, caseId: string, input: ParsedCaseInput): Promise<CaseDetail> {
  await inTransaction(ctx, async (tx) => {
    const { reporter, ...found } = await lockCaseToChange(tx, caseId);
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
    const { reporter, ...found } = await lockCaseToChange(tx, caseId);
    if (!viewerOf(tx).canPublish && !(reporter && found.row.status === 'draft')) throw new AppError('case_locked');
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

/** The organisation's own case tags, for choosing them again. */
export async function listTags(ctx: OrgContext) {
  return repo.listOrgTags(ctx.db, ctx.scope);
}

/** Members of the organisation who can be named as a case's team: id and name only. */
export async function listReporterCandidates(ctx: OrgContext) {
  return repo.listMemberNames(ctx.db, ctx.scope);
}
