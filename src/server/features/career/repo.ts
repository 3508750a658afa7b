import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { careerEntries, careerShares } from '../../db/schema/career.js';
import { caseReporters, kaizenCases } from '../../db/schema/cases.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import { organizations } from '../../db/schema/organizations.js';
import { users } from '../../db/schema/users.js';

/**
 * The career map is the person's own, not an organisation's: every query here is keyed by the
 * owner's user id, never by an organisation scope, so it follows them through transfers and moves.
 */

export type CareerEntryRow = typeof careerEntries.$inferSelect;
export type CareerEntryValues = Omit<typeof careerEntries.$inferInsert, 'id' | 'userId' | 'createdAt'>;

export async function findUserName(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.displayName ?? null;
}

/** The person's entries, newest first by when they started. */
export async function listEntries(db: Db, userId: string): Promise<CareerEntryRow[]> {
  return db
    .select()
    .from(careerEntries)
    .where(eq(careerEntries.userId, userId))
    .orderBy(desc(careerEntries.startedOn), desc(careerEntries.createdAt), desc(careerEntries.id));
}

/** One entry of the person's; another person's entry is as absent as one that never existed. */
export async function findEntry(db: Db, userId: string, entryId: string): Promise<CareerEntryRow | null> {
  const [row] = await db
    .select()
    .from(careerEntries)
    .where(and(eq(careerEntries.id, entryId), eq(careerEntries.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function insertEntry(db: Db, row: typeof careerEntries.$inferInsert): Promise<void> {
  await db.insert(careerEntries).values(row);
}

export async function updateEntry(db: Db, userId: string, entryId: string, values: CareerEntryValues): Promise<void> {
  await db
    .update(careerEntries)
    .set(values)
    .where(and(eq(careerEntries.id, entryId), eq(careerEntries.userId, userId)));
}

export async function deleteEntry(db: Db, userId: string, entryId: string): Promise<void> {
  await db.delete(careerEntries).where(and(eq(careerEntries.id, entryId), eq(careerEntries.userId, userId)));
}

/**
 * The approved and published cases the person reported, alone or in a team, in any organisation,
 * whether or not they still belong to it: the record of what they did stays theirs.
 */
export async function listReportedCases(db: Db, userId: string) {
  return db
    .select({
      id: kaizenCases.id,
      orgId: kaizenCases.orgId,
      orgName: organizations.name,
      title: kaizenCases.title,
      happenedOn: kaizenCases.happenedOn,
      sceneId: kaizenCases.sceneId,
      departmentName: sql<string | null>`coalesce(${kaizenCases.departmentName}, ${departments.name})`,
      status: kaizenCases.status,
      sharing: kaizenCases.sharing,
      internalFields: kaizenCases.internalFields,
    })
    .from(caseReporters)
    .innerJoin(kaizenCases, eq(kaizenCases.id, caseReporters.caseId))
    .innerJoin(organizations, eq(organizations.id, kaizenCases.orgId))
    .leftJoin(departments, eq(departments.id, kaizenCases.departmentId))
    .where(and(eq(caseReporters.userId, userId), inArray(kaizenCases.status, ['approved', 'published'])))
    .orderBy(desc(kaizenCases.happenedOn), desc(kaizenCases.id));
}

/** The organisations a person belongs to now. */
export async function listOrgIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId));
  return rows.map((r) => r.orgId);
}

/** The facilitators the person shares their map with, earliest first. */
export async function listShares(db: Db, userId: string) {
  return db
    .select({
      facilitatorId: careerShares.facilitatorId,
      displayName: users.displayName,
      since: careerShares.createdAt,
    })
    .from(careerShares)
    .innerJoin(users, eq(users.id, careerShares.facilitatorId))
    .where(eq(careerShares.userId, userId))
    .orderBy(asc(careerShares.createdAt), asc(users.displayName));
}

export async function insertShares(db: Db, userId: string, facilitatorIds: string[], now: Date): Promise<void> {
  if (facilitatorIds.length === 0) return;
  await db
    .insert(careerShares)
    .values(facilitatorIds.map((facilitatorId) => ({ userId, facilitatorId, createdAt: now })))
    .onConflictDoNothing();
}

export async function deleteShares(db: Db, userId: string, facilitatorIds: string[]): Promise<void> {
  if (facilitatorIds.length === 0) return;
  await db
    .delete(careerShares)
    .where(and(eq(careerShares.userId, userId), inArray(careerShares.facilitatorId, facilitatorIds)));
}

/** Whether the owner shares their map with this facilitator. */
export async function isSharedWith(db: Db, ownerId: string, facilitatorId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(careerShares)
    .where(and(eq(careerShares.userId, ownerId), eq(careerShares.facilitatorId, facilitatorId)))
    .limit(1);
  return Boolean(row);
}

/** The people who share their map with this facilitator, by name. */
export async function listSharedWith(db: Db, facilitatorId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, since: careerShares.createdAt })
    .from(careerShares)
    .innerJoin(users, eq(users.id, careerShares.userId))
    .where(eq(careerShares.facilitatorId, facilitatorId))
    .orderBy(asc(users.displayName), asc(users.id));
}

/**
 * Facilitators of the organisations the person belongs to (never the person themself), one row
 * per facilitator and organisation.
 */
export async function listFacilitatorsOf(db: Db, userId: string) {
  const mine = db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, userId));
  return db
    .select({ id: users.id, displayName: users.displayName, orgName: organizations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.role, 'facilitator'), ne(memberships.userId, userId), inArray(memberships.orgId, mine)))
    .orderBy(asc(users.displayName), asc(users.id), asc(organizations.name));
}
