import { dayInJapan } from '../../../shared/common/japan-days.js';
import type { PlanDetail, PlanSummary } from '../../../shared/plans/plan-schema.js';
import type { Db } from '../../db/client.js';
import { findWorkshopById } from '../workshops/repo.js';
import { overdueSteps } from './content.js';
import * as repo from './repo.js';

/** Action plans as screens show them: a list's summaries and a plan's whole page. */

export async function summariesOf(db: Db, rows: repo.PlanRow[], now: Date): Promise<PlanSummary[]> {
  const ids = rows.map((r) => r.id);
  const [owners, orgs, versions, followups] = await Promise.all([
    repo.people(
      db,
      rows.map((r) => r.ownerId),
    ),
    repo.orgNames(
      db,
      rows.map((r) => r.orgId),
    ),
    repo.countVersions(db, ids),
    repo.nextFollowups(db, ids),
  ]);
  const today = dayInJapan(now);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: orgs.get(r.orgId) ?? '',
    title: r.draft.title,
    ownerKind: r.ownerKind,
    owner: { id: r.ownerId, displayName: owners.get(r.ownerId)?.displayName ?? '' },
    teamName: r.teamName,
    visibility: r.visibility,
    status: r.status,
    versions: versions.get(r.id) ?? 0,
    nextFollowupOn: followups.get(r.id) ?? null,
    overdueSteps: r.status === 'final' ? 0 : overdueSteps(r.draft, today).length,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const personOf = (people: Map<string, { id: string; displayName: string }>, id: string | null) => {
  const person = id ? people.get(id) : undefined;
  return person ? { id: person.id, displayName: person.displayName } : null;
};

/** The plan as its page shows it. */
export async function detailOf(
  db: Db,
  plan: repo.PlanRow,
  access: { edit: boolean; comment: boolean; members: string[] },
  now: Date,
): Promise<PlanDetail> {
  const [[summary], versions, followups, comments] = await Promise.all([
    summariesOf(db, [plan], now),
    repo.listVersions(db, plan.id),
    repo.listFollowups(db, plan.id),
    repo.listComments(db, plan.id),
  ]);
  const people = await repo.people(db, [
    ...access.members,
    ...(plan.facilitatorId ? [plan.facilitatorId] : []),
    ...versions.flatMap((v) => (v.frozenBy ? [v.frozenBy] : [])),
    ...followups.flatMap((f) => (f.doneBy ? [f.doneBy] : [])),
    ...comments.flatMap((c) => (c.authorId ? [c.authorId] : [])),
  ]);
  const numberOf = (id: string | null) => versions.find((v) => v.id === id)?.number ?? null;
  const workshop = plan.sourceWorkshopId ? await findWorkshopById(db, plan.sourceWorkshopId) : null;
  return {
    ...(summary as PlanSummary),
    draft: plan.draft,
    usedStepIds: [
      ...new Set([...versions.flatMap((v) => v.content.steps.map((s) => s.id)), ...plan.draft.steps.map((s) => s.id)]),
    ],
    members: access.members.flatMap((id) => personOf(people, id) ?? []),
    facilitator: personOf(people, plan.facilitatorId),
    followupMonths: plan.followupMonths,
    versionList: versions.map((v) => ({
      number: v.number,
      kind: v.kind,
      note: v.note,
      frozenAt: v.frozenAt.toISOString(),
      frozenBy: personOf(people, v.frozenBy),
    })),
    followups: followups.map((f) => ({
      id: f.id,
      sequence: f.sequence,
      months: f.months,
      dueOn: f.dueOn,
      status: f.status,
      happened: f.happened,
      gap: f.gap,
      revisionNote: f.revisionNote,
      stepResults: f.stepResults,
      reviewedVersion: numberOf(f.reviewedVersionId),
      resultVersion: numberOf(f.resultVersionId),
      doneAt: f.doneAt?.toISOString() ?? null,
      doneBy: personOf(people, f.doneBy),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      versionNumber: c.versionNumber,
      author: personOf(people, c.authorId),
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    sourceWorkshop:
      workshop && plan.sourceScope ? { id: workshop.id, title: workshop.title, scope: plan.sourceScope } : null,
    can: { edit: access.edit && plan.status !== 'final', comment: access.comment },
    createdAt: plan.createdAt.toISOString(),
  };
}
