import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import {
  sheetAnswers,
  sheetResponses,
  sheetRoundDepartments,
  sheetRoundParticipants,
  sheetRounds,
  sheetRoundUnits,
} from '../../db/schema/sheet-rounds.js';
import { sheetTemplateVersions } from '../../db/schema/sheet-templates.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';

// Result counts live beside the round queries; callers reach them through this module as before.
export { answerCells, closedRoundCells, responseCells } from './tally-repo.js';

export type RoundRow = typeof sheetRounds.$inferSelect;
export type ResponseRow = typeof sheetResponses.$inferSelect;

const roundColumns = {
  round: sheetRounds,
  version: sheetTemplateVersions.version,
  content: sheetTemplateVersions.content,
};

export async function listRounds(db: Db, scope: OrgScope, templateId?: string) {
  return db
    .select(roundColumns)
    .from(sheetRounds)
    .innerJoin(sheetTemplateVersions, eq(sheetTemplateVersions.id, sheetRounds.templateVersionId))
    .where(and(eq(sheetRounds.orgId, scope.orgId), templateId ? eq(sheetRounds.templateId, templateId) : undefined))
    .orderBy(asc(sheetRounds.opensOn), asc(sheetRounds.createdAt));
}

/**
 * A round with its template version. `lock: 'update'` for changes to the round itself; `lock: 'share'`
 * when saving a response, so responses do not wait for each other but a close waits for them (and they
 * for it).
 */
export async function findRound(db: Db, scope: OrgScope, id: string, options: { lock?: 'update' | 'share' } = {}) {
  const query = db
    .select(roundColumns)
    .from(sheetRounds)
    .innerJoin(sheetTemplateVersions, eq(sheetTemplateVersions.id, sheetRounds.templateVersionId))
    .where(and(eq(sheetRounds.orgId, scope.orgId), eq(sheetRounds.id, id)))
    .limit(1);
  const [row] = options.lock ? await query.for(options.lock, { of: sheetRounds }) : await query;
  return row ?? null;
}

export async function findRoundByToken(db: Db, scope: OrgScope, token: string) {
  const [row] = await db
    .select({ id: sheetRounds.id, scopeKind: sheetRounds.scopeKind })
    .from(sheetRounds)
    .where(and(eq(sheetRounds.orgId, scope.orgId), eq(sheetRounds.joinToken, token)))
    .limit(1);
  return row ?? null;
}

export async function findTemplateVersion(db: Db, scope: OrgScope, templateId: string, version: number) {
  const [row] = await db
    .select()
    .from(sheetTemplateVersions)
    .where(
      and(
        eq(sheetTemplateVersions.orgId, scope.orgId),
        eq(sheetTemplateVersions.templateId, templateId),
        eq(sheetTemplateVersions.version, version),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertRound(db: Db, row: typeof sheetRounds.$inferInsert) {
  await db.insert(sheetRounds).values(row);
}

export async function updateRound(
  db: Db,
  scope: OrgScope,
  id: string,
  values: Partial<typeof sheetRounds.$inferInsert>,
) {
  await db
    .update(sheetRounds)
    .set(values)
    .where(and(eq(sheetRounds.orgId, scope.orgId), eq(sheetRounds.id, id)));
}

export async function deleteRound(db: Db, scope: OrgScope, id: string) {
  await db.delete(sheetRounds).where(and(eq(sheetRounds.orgId, scope.orgId), eq(sheetRounds.id, id)));
}

/** Departments of departments-scoped rounds, for the given rounds. */
export async function listRoundDepartments(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({ roundId: sheetRoundDepartments.roundId, id: departments.id, name: departments.name })
    .from(sheetRoundDepartments)
    .innerJoin(departments, eq(departments.id, sheetRoundDepartments.departmentId))
    .where(and(eq(sheetRoundDepartments.orgId, scope.orgId), inArray(sheetRoundDepartments.roundId, roundIds)))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

export async function insertRoundDepartments(db: Db, rows: (typeof sheetRoundDepartments.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(sheetRoundDepartments).values(rows);
}

export async function listDepartmentTree(db: Db, scope: OrgScope) {
  return db
    .select({ id: departments.id, parentId: departments.parentId, name: departments.name })
    .from(departments)
    .where(eq(departments.orgId, scope.orgId))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

/**
 * The units of the given rounds: each round's department tree as it counts it. A unit is named as
 * its department is now, or as it was when taken once the department is gone.
 */
export async function listRoundUnits(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: sheetRoundUnits.roundId,
      id: sheetRoundUnits.departmentId,
      parentId: sheetRoundUnits.parentId,
      name: sql<string>`coalesce(${departments.name}, ${sheetRoundUnits.name})`,
    })
    .from(sheetRoundUnits)
    .leftJoin(
      departments,
      and(eq(departments.id, sheetRoundUnits.departmentId), eq(departments.orgId, sheetRoundUnits.orgId)),
    )
    .where(and(eq(sheetRoundUnits.orgId, scope.orgId), inArray(sheetRoundUnits.roundId, roundIds)))
    .orderBy(asc(sheetRoundUnits.sortOrder), asc(sheetRoundUnits.name));
}

/** Ids of a round's units; none before its first submitted response. */
export async function listRoundUnitIds(db: Db, scope: OrgScope, roundId: string) {
  const rows = await db
    .select({ id: sheetRoundUnits.departmentId })
    .from(sheetRoundUnits)
    .where(and(eq(sheetRoundUnits.orgId, scope.orgId), eq(sheetRoundUnits.roundId, roundId)));
  return new Set(rows.map((r) => r.id));
}

/** The organisation's departments with what a unit keeps of them. */
export async function listDepartmentsForUnits(db: Db, scope: OrgScope) {
  return db
    .select({
      id: departments.id,
      parentId: departments.parentId,
      name: departments.name,
      sortOrder: departments.sortOrder,
    })
    .from(departments)
    .where(eq(departments.orgId, scope.orgId));
}

/** Adds units to a round; a unit already there stays as it is. */
export async function insertRoundUnits(
  db: Db,
  scope: OrgScope,
  roundId: string,
  units: { departmentId: string; parentId: string | null; name: string; sortOrder: number }[],
) {
  if (units.length === 0) return;
  await db
    .insert(sheetRoundUnits)
    .values(units.map((u) => ({ ...u, roundId, orgId: scope.orgId })))
    .onConflictDoNothing({ target: [sheetRoundUnits.roundId, sheetRoundUnits.departmentId] });
}

/** Memberships of the organisation with who they are; the scope of a round is decided from these. */
export async function listMembers(db: Db, scope: OrgScope) {
  return db
    .select({
      userId: memberships.userId,
      departmentId: memberships.departmentId,
      position: memberships.position,
      email: users.email,
      displayName: users.displayName,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, scope.orgId));
}

export async function findMembership(db: Db, scope: OrgScope, userId: string) {
  const [row] = await db
    .select({ position: memberships.position, departmentId: memberships.departmentId })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function listParticipants(db: Db, scope: OrgScope, roundId: string) {
  return db
    .select({
      userId: sheetRoundParticipants.userId,
      inCohort: sheetRoundParticipants.inCohort,
      invitedAt: sheetRoundParticipants.invitedAt,
      displayName: users.displayName,
      email: users.email,
    })
    .from(sheetRoundParticipants)
    .innerJoin(users, eq(users.id, sheetRoundParticipants.userId))
    .where(and(eq(sheetRoundParticipants.orgId, scope.orgId), eq(sheetRoundParticipants.roundId, roundId)))
    .orderBy(asc(users.displayName));
}

/** Rounds (of the given ones) where this person is in the cohort. */
export async function cohortRoundsOf(db: Db, scope: OrgScope, userId: string, roundIds: string[]) {
  if (roundIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ roundId: sheetRoundParticipants.roundId })
    .from(sheetRoundParticipants)
    .where(
      and(
        eq(sheetRoundParticipants.orgId, scope.orgId),
        eq(sheetRoundParticipants.userId, userId),
        eq(sheetRoundParticipants.inCohort, true),
        inArray(sheetRoundParticipants.roundId, roundIds),
      ),
    );
  return new Set(rows.map((r) => r.roundId));
}

/** Adds people to a round's participants: into the cohort and/or marked invited now. Never removes. */
export async function upsertParticipants(
  db: Db,
  scope: OrgScope,
  roundId: string,
  userIds: string[],
  values: { inCohort?: boolean; invitedAt?: Date },
  now: Date,
) {
  if (userIds.length === 0) return;
  await db
    .insert(sheetRoundParticipants)
    .values(
      userIds.map((userId) => ({
        roundId,
        userId,
        orgId: scope.orgId,
        inCohort: values.inCohort ?? false,
        invitedAt: values.invitedAt ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [sheetRoundParticipants.roundId, sheetRoundParticipants.userId],
      set: {
        ...(values.inCohort ? { inCohort: true } : {}),
        ...(values.invitedAt
          ? { invitedAt: values.invitedAt }
          : { invitedAt: sql`${sheetRoundParticipants.invitedAt}` }),
      },
    });
}

/** Submitted responses per round; with userId, that person's response status per round too. */
export async function responseCounts(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ roundId: sheetResponses.roundId, n: count() })
    .from(sheetResponses)
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        inArray(sheetResponses.roundId, roundIds),
        eq(sheetResponses.status, 'submitted'),
      ),
    )
    .groupBy(sheetResponses.roundId);
  return new Map(rows.map((r) => [r.roundId, Number(r.n)]));
}

export async function myResponseStatuses(db: Db, scope: OrgScope, userId: string, roundIds: string[]) {
  if (roundIds.length === 0) return new Map<string, 'draft' | 'submitted'>();
  const rows = await db
    .select({ roundId: sheetResponses.roundId, status: sheetResponses.status })
    .from(sheetResponses)
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        eq(sheetResponses.userId, userId),
        inArray(sheetResponses.roundId, roundIds),
      ),
    );
  return new Map(rows.map((r) => [r.roundId, r.status]));
}

export async function countAllResponses(db: Db, scope: OrgScope, roundId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(sheetResponses)
    .where(and(eq(sheetResponses.orgId, scope.orgId), eq(sheetResponses.roundId, roundId)));
  return Number(row?.n ?? 0);
}

export async function submittedUserIds(db: Db, scope: OrgScope, roundId: string) {
  const rows = await db
    .select({ userId: sheetResponses.userId })
    .from(sheetResponses)
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        eq(sheetResponses.roundId, roundId),
        eq(sheetResponses.status, 'submitted'),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export async function findResponse(db: Db, scope: OrgScope, roundId: string, userId: string, lock = false) {
  const query = db
    .select()
    .from(sheetResponses)
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        eq(sheetResponses.roundId, roundId),
        eq(sheetResponses.userId, userId),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function listAnswers(db: Db, responseId: string) {
  return db
    .select({ itemKey: sheetAnswers.itemKey, level: sheetAnswers.level, comment: sheetAnswers.comment })
    .from(sheetAnswers)
    .where(eq(sheetAnswers.responseId, responseId));
}

/** Creates the response unless this person already has one; false when they had. */
export async function insertResponse(db: Db, row: typeof sheetResponses.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(sheetResponses)
    .values(row)
    .onConflictDoNothing({ target: [sheetResponses.roundId, sheetResponses.userId] })
    .returning({ id: sheetResponses.id });
  return inserted.length > 0;
}

export async function updateResponse(db: Db, id: string, values: Partial<typeof sheetResponses.$inferInsert>) {
  await db.update(sheetResponses).set(values).where(eq(sheetResponses.id, id));
}

export async function replaceAnswers(
  db: Db,
  responseId: string,
  roundId: string,
  answers: { itemKey: string; level: number | null; comment: string | null }[],
) {
  await db.delete(sheetAnswers).where(eq(sheetAnswers.responseId, responseId));
  const rows = answers.filter((a) => a.level !== null || a.comment);
  if (rows.length > 0) await db.insert(sheetAnswers).values(rows.map((a) => ({ ...a, responseId, roundId })));
}

/** Every submitted and draft response with its person and answers: for named rounds only. */
export async function listNamedResponses(db: Db, scope: OrgScope, roundId: string) {
  const responses = await db
    .select({
      id: sheetResponses.id,
      displayName: users.displayName,
      position: sheetResponses.position,
      // The department as named now, or as the round took it once it is gone.
      departmentName: sql<string | null>`coalesce(${departments.name}, ${sheetRoundUnits.name})`,
      mostImportantItemKey: sheetResponses.mostImportantItemKey,
      submittedAt: sheetResponses.submittedAt,
    })
    .from(sheetResponses)
    .innerJoin(users, eq(users.id, sheetResponses.userId))
    .leftJoin(
      departments,
      and(eq(departments.id, sheetResponses.departmentId), eq(departments.orgId, sheetResponses.orgId)),
    )
    .leftJoin(
      sheetRoundUnits,
      and(
        eq(sheetRoundUnits.roundId, sheetResponses.roundId),
        eq(sheetRoundUnits.departmentId, sheetResponses.departmentId),
      ),
    )
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        eq(sheetResponses.roundId, roundId),
        eq(sheetResponses.status, 'submitted'),
      ),
    )
    .orderBy(asc(users.displayName));
  const answers =
    responses.length === 0
      ? []
      : await db
          .select({
            responseId: sheetAnswers.responseId,
            itemKey: sheetAnswers.itemKey,
            level: sheetAnswers.level,
            comment: sheetAnswers.comment,
          })
          .from(sheetAnswers)
          .where(eq(sheetAnswers.roundId, roundId));
  const byResponse = new Map<string, { itemKey: string; level: number | null; comment: string | null }[]>();
  for (const a of answers) {
    const list = byResponse.get(a.responseId) ?? [];
    list.push({ itemKey: a.itemKey, level: a.level, comment: a.comment });
    byResponse.set(a.responseId, list);
  }
  return responses.map(({ id, ...r }) => ({ ...r, answers: byResponse.get(id) ?? [] }));
}
