import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships } from '../../db/schema/memberships.js';
import { organizations } from '../../db/schema/organizations.js';
import { planComments, planFollowups, planMembers, plans, planVersions } from '../../db/schema/plans.js';
import { users } from '../../db/schema/users.js';

/** Reads and writes of action plans. Who may see which plan is decided in access.ts. */

export type PlanRow = typeof plans.$inferSelect;
export type VersionRow = typeof planVersions.$inferSelect;
export type FollowupRow = typeof planFollowups.$inferSelect;

export async function insertPlan(db: Db, row: typeof plans.$inferInsert) {
  await db.insert(plans).values(row);
}

export async function findPlan(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(plans).where(eq(plans.id, id));
  const [row] = await (options.lock ? query.for('update') : query);
  return row ?? null;
}

export async function updatePlan(db: Db, id: string, values: Partial<typeof plans.$inferInsert>) {
  await db.update(plans).set(values).where(eq(plans.id, id));
}

export async function deletePlan(db: Db, id: string) {
  await db.delete(plans).where(eq(plans.id, id));
}

export async function listMemberIds(db: Db, planId: string) {
  const rows = await db.select({ userId: planMembers.userId }).from(planMembers).where(eq(planMembers.planId, planId));
  return rows.map((r) => r.userId);
}

export async function setMembers(db: Db, planId: string, userIds: string[]) {
  await db.delete(planMembers).where(eq(planMembers.planId, planId));
  if (userIds.length > 0) await db.insert(planMembers).values(userIds.map((userId) => ({ planId, userId })));
}

/** The plans a person owns or is a member of, in one organisation. */
export async function listOwnPlans(db: Db, orgId: string, userId: string) {
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.orgId, orgId),
        sql`(${plans.ownerId} = ${userId} or exists (select 1 from plan_members m where m.plan_id = ${plans.id} and m.user_id = ${userId}))`,
      ),
    )
    .orderBy(sql`${plans.updatedAt} desc`)
    .limit(200);
}

/**
 * Others' plans a member may read in the organisation: shared with the organisation, with them as
 * facilitator, or with the team (their department is the owner's, or they are in the plan).
 */
export async function listSharedPlans(db: Db, orgId: string, userId: string) {
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.orgId, orgId),
        sql`${plans.ownerId} <> ${userId}`,
        sql`not exists (select 1 from plan_members m where m.plan_id = ${plans.id} and m.user_id = ${userId})`,
        sql`(${plans.visibility} = 'org'
          or (${plans.visibility} <> 'private' and ${plans.facilitatorId} = ${userId})
          or (${plans.visibility} = 'team' and exists (
            select 1 from memberships mo join memberships mm on mm.department_id = mo.department_id
            where mo.org_id = ${plans.orgId} and mo.user_id = ${plans.ownerId}
              and mm.org_id = ${plans.orgId} and mm.user_id = ${userId})))`,
      ),
    )
    .orderBy(sql`${plans.updatedAt} desc`)
    .limit(200);
}

/** Plans shared with a facilitator, in every organisation. */
export async function listFacilitatedPlans(db: Db, userId: string) {
  return db
    .select()
    .from(plans)
    .where(
      and(
        eq(plans.facilitatorId, userId),
        sql`${plans.visibility} <> 'private'`,
        // Only while they are a facilitator of the plan's organisation.
        sql`exists (select 1 from memberships m where m.org_id = ${plans.orgId} and m.user_id = ${userId} and m.role = 'facilitator')`,
      ),
    )
    .orderBy(sql`${plans.updatedAt} desc`)
    .limit(500);
}

/** Someone's role in an organisation, or null when they are not (or no longer) a member. */
export async function roleIn(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** Of these people, those who are members of the organisation now, with their addresses. */
export async function currentMembers(db: Db, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [...new Set(userIds)])));
}

/** Whether two people of an organisation are in the same department. */
export async function sameDepartment(db: Db, orgId: string, a: string, b: string) {
  const rows = await db
    .select({ userId: memberships.userId, departmentId: memberships.departmentId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [a, b])));
  const one = rows.find((r) => r.userId === a)?.departmentId;
  const other = rows.find((r) => r.userId === b)?.departmentId;
  return Boolean(one && one === other);
}

export async function orgMembers(db: Db, orgId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.displayName));
}

export async function people(db: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { id: string; displayName: string; email: string; locale: string }>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function orgNames(db: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listVersions(db: Db, planId: string) {
  return db.select().from(planVersions).where(eq(planVersions.planId, planId)).orderBy(asc(planVersions.number));
}

export async function countVersions(db: Db, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ planId: planVersions.planId, n: sql<number>`count(*)::int` })
    .from(planVersions)
    .where(inArray(planVersions.planId, planIds))
    .groupBy(planVersions.planId);
  return new Map(rows.map((r) => [r.planId, Number(r.n)]));
}

export async function findVersion(db: Db, planId: string, number: number) {
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.number, number)));
  return row ?? null;
}

export async function insertVersion(db: Db, row: typeof planVersions.$inferInsert) {
  await db.insert(planVersions).values(row);
}

export async function updateVersionNote(db: Db, id: string, note: string) {
  await db.update(planVersions).set({ note }).where(eq(planVersions.id, id));
}

export async function listFollowups(db: Db, planId: string) {
  return db.select().from(planFollowups).where(eq(planFollowups.planId, planId)).orderBy(asc(planFollowups.sequence));
}

/** The next scheduled follow-up day of each plan. */
export async function nextFollowups(db: Db, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ planId: planFollowups.planId, dueOn: sql<string>`min(${planFollowups.dueOn})` })
    .from(planFollowups)
    .where(and(inArray(planFollowups.planId, planIds), eq(planFollowups.status, 'scheduled')))
    .groupBy(planFollowups.planId);
  return new Map(rows.map((r) => [r.planId, r.dueOn]));
}

export async function findFollowup(db: Db, planId: string, id: string) {
  const [row] = await db
    .select()
    .from(planFollowups)
    .where(and(eq(planFollowups.planId, planId), eq(planFollowups.id, id)));
  return row ?? null;
}

export async function insertFollowups(db: Db, rows: (typeof planFollowups.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(planFollowups).values(rows);
}

export async function updateFollowup(db: Db, id: string, values: Partial<typeof planFollowups.$inferInsert>) {
  await db.update(planFollowups).set(values).where(eq(planFollowups.id, id));
}

export async function cancelFollowups(db: Db, planId: string) {
  await db
    .update(planFollowups)
    .set({ status: 'cancelled' })
    .where(and(eq(planFollowups.planId, planId), eq(planFollowups.status, 'scheduled')));
}

export async function listComments(db: Db, planId: string) {
  return db.select().from(planComments).where(eq(planComments.planId, planId)).orderBy(asc(planComments.createdAt));
}

export async function insertComment(db: Db, row: typeof planComments.$inferInsert) {
  await db.insert(planComments).values(row);
}
