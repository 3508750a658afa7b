import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Position } from '../../../shared/auth/roles.js';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import {
  sheetAnswers,
  sheetResponses,
  sheetRoundDepartments,
  sheetRoundParticipants,
  sheetRounds,
  sheetRoundTallies,
} from '../../db/schema/sheet-rounds.js';
import { sheetTemplateVersions } from '../../db/schema/sheet-templates.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';

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

/**
 * The whole of a round's submitted answers in one grouped scan: responses per level for each
 * (department, position, item). Everything results show is computed from these counts.
 */
export async function answerCells(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({
      roundId: sheetResponses.roundId,
      departmentId: sheetResponses.departmentId,
      position: sheetResponses.position,
      itemKey: sheetAnswers.itemKey,
      level: sheetAnswers.level,
      n: count(),
    })
    .from(sheetAnswers)
    .innerJoin(sheetResponses, eq(sheetResponses.id, sheetAnswers.responseId))
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        inArray(sheetAnswers.roundId, roundIds),
        inArray(sheetResponses.roundId, roundIds),
        eq(sheetResponses.status, 'submitted'),
        isNotNull(sheetAnswers.level),
      ),
    )
    .groupBy(
      sheetResponses.roundId,
      sheetResponses.departmentId,
      sheetResponses.position,
      sheetAnswers.itemKey,
      sheetAnswers.level,
    );
  return rows.map((r) => ({ ...r, level: Number(r.level), n: Number(r.n) }));
}

type TallyAnswerCell = [string | null, string, string, number, number];
type TallyResponseCell = [string | null, string, string | null, number];

/**
 * The counts of closed rounds from their tallies, computing (or recomputing) a tally that is
 * missing or no longer matches its round: another close date, or a response removed since. A
 * tally is computed in one statement, so its counts and response count are of one snapshot;
 * two servers computing it at once write the same row.
 */
export async function closedRoundCells(db: Db, scope: OrgScope, rounds: RoundRow[]) {
  const answers: Awaited<ReturnType<typeof answerCells>> = [];
  const responses: Awaited<ReturnType<typeof responseCells>> = [];
  if (rounds.length === 0) return { answers, responses };
  const stored = await db
    .select({
      roundId: sheetRoundTallies.roundId,
      closesOn: sheetRoundTallies.closesOn,
      closedAt: sheetRoundTallies.closedAt,
      responseCount: sheetRoundTallies.responseCount,
      answerCells: sheetRoundTallies.answerCells,
      responseCells: sheetRoundTallies.responseCells,
      // Qualified by hand: Drizzle leaves columns unqualified in a one-table select.
      liveCount: sql<number>`(select count(*) from sheet_responses r where r.round_id = sheet_round_tallies.round_id and r.status = 'submitted')::int`,
    })
    .from(sheetRoundTallies)
    .where(
      and(
        eq(sheetRoundTallies.orgId, scope.orgId),
        inArray(
          sheetRoundTallies.roundId,
          rounds.map((r) => r.id),
        ),
      ),
    );
  const byRound = new Map(stored.map((row) => [row.roundId, row]));
  for (const round of rounds) {
    const row = byRound.get(round.id);
    const current =
      row &&
      row.closesOn === round.closesOn &&
      (row.closedAt?.getTime() ?? null) === (round.closedAt?.getTime() ?? null) &&
      row.responseCount === Number(row.liveCount);
    const tally = current ? row : await computeTally(db, scope, round);
    for (const [departmentId, position, itemKey, level, n] of tally.answerCells as TallyAnswerCell[]) {
      answers.push({ roundId: round.id, departmentId, position: position as Position, itemKey, level, n });
    }
    for (const [departmentId, position, mostImportantItemKey, n] of tally.responseCells as TallyResponseCell[]) {
      responses.push({ roundId: round.id, departmentId, position: position as Position, mostImportantItemKey, n });
    }
  }
  return { answers, responses };
}

async function computeTally(db: Db, scope: OrgScope, round: RoundRow) {
  // Enough memory to group a city's answers in one hash table instead of spilling to disk.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return writeTally(tx as unknown as Db, scope, round);
  });
}

async function writeTally(db: Db, scope: OrgScope, round: RoundRow) {
  const submitted = sql`r.round_id = ${round.id} and r.org_id = ${scope.orgId} and r.status = 'submitted'`;
  const result = (await db.execute(sql`
    insert into ${sheetRoundTallies} (round_id, org_id, closes_on, closed_at, response_count, answer_cells, response_cells)
    select ${round.id}, ${scope.orgId}, ${round.closesOn}, ${round.closedAt?.toISOString() ?? null}::timestamptz,
      (select count(*) from ${sheetResponses} r where ${submitted}),
      coalesce((
        select jsonb_agg(jsonb_build_array(c.department_id, c.position, c.item_key, c.level, c.n))
        from (
          select r.department_id, r.position, a.item_key, a.level, count(*)::int as n
          from ${sheetAnswers} a join ${sheetResponses} r on r.id = a.response_id
          where a.round_id = ${round.id} and a.level is not null and ${submitted}
          group by r.department_id, r.position, a.item_key, a.level
        ) c
      ), '[]'::jsonb),
      coalesce((
        select jsonb_agg(jsonb_build_array(c.department_id, c.position, c.most_important_item_key, c.n))
        from (
          select r.department_id, r.position, r.most_important_item_key, count(*)::int as n
          from ${sheetResponses} r where ${submitted}
          group by r.department_id, r.position, r.most_important_item_key
        ) c
      ), '[]'::jsonb)
    on conflict (round_id) do update set
      closes_on = excluded.closes_on, closed_at = excluded.closed_at, response_count = excluded.response_count,
      answer_cells = excluded.answer_cells, response_cells = excluded.response_cells, computed_at = now()
    returning answer_cells, response_cells`)) as unknown as {
    rows: { answer_cells: unknown; response_cells: unknown }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error(`tally of round ${round.id} was not written`);
  const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return { answerCells: parse(row.answer_cells), responseCells: parse(row.response_cells) };
}

/** Submitted responses per (department, position, most important item). */
export async function responseCells(db: Db, scope: OrgScope, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({
      roundId: sheetResponses.roundId,
      departmentId: sheetResponses.departmentId,
      position: sheetResponses.position,
      mostImportantItemKey: sheetResponses.mostImportantItemKey,
      n: count(),
    })
    .from(sheetResponses)
    .where(
      and(
        eq(sheetResponses.orgId, scope.orgId),
        inArray(sheetResponses.roundId, roundIds),
        eq(sheetResponses.status, 'submitted'),
      ),
    )
    .groupBy(
      sheetResponses.roundId,
      sheetResponses.departmentId,
      sheetResponses.position,
      sheetResponses.mostImportantItemKey,
    );
  return rows.map((r) => ({ ...r, position: r.position as Position, n: Number(r.n) }));
}

/** Every submitted and draft response with its person and answers: for named rounds only. */
export async function listNamedResponses(db: Db, scope: OrgScope, roundId: string) {
  const responses = await db
    .select({
      id: sheetResponses.id,
      displayName: users.displayName,
      position: sheetResponses.position,
      departmentName: departments.name,
      mostImportantItemKey: sheetResponses.mostImportantItemKey,
      submittedAt: sheetResponses.submittedAt,
    })
    .from(sheetResponses)
    .innerJoin(users, eq(users.id, sheetResponses.userId))
    .leftJoin(departments, eq(departments.id, sheetResponses.departmentId))
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
