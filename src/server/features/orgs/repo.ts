import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import { organizations } from '../../db/schema/organizations.js';
import type { OrgScope } from '../../lib/context.js';

export type OrgRow = typeof organizations.$inferSelect;

export async function findOrg(db: Db, scope: OrgScope): Promise<OrgRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, scope.orgId)).limit(1);
  return row ?? null;
}

export async function findOrgByLgCode(db: Db, lgCode: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.lgCode, lgCode)).limit(1);
  return row ?? null;
}

export async function updateOrg(
  db: Db,
  scope: OrgScope,
  patch: Partial<typeof organizations.$inferInsert>,
): Promise<void> {
  await db.update(organizations).set(patch).where(eq(organizations.id, scope.orgId));
}

export async function countOrgContents(db: Db, orgId: string) {
  const [members] = await db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
  const [depts] = await db.select({ n: count() }).from(departments).where(eq(departments.orgId, orgId));
  return { memberCount: Number(members?.n ?? 0), departmentCount: Number(depts?.n ?? 0) };
}

/** Every organisation (or the one given) with its counts, for the platform administrators' registry. */
export async function listAllOrgs(db: Db, onlyId?: string) {
  const memberCounts = db
    .select({ orgId: memberships.orgId, n: count().as('member_n') })
    .from(memberships)
    .groupBy(memberships.orgId)
    .as('mc');
  const departmentCounts = db
    .select({ orgId: departments.orgId, n: count().as('dept_n') })
    .from(departments)
    .groupBy(departments.orgId)
    .as('dc');
  return db
    .select({
      org: organizations,
      memberCount: sql<number>`coalesce(${memberCounts.n}, 0)`.mapWith(Number),
      departmentCount: sql<number>`coalesce(${departmentCounts.n}, 0)`.mapWith(Number),
    })
    .from(organizations)
    .leftJoin(memberCounts, eq(memberCounts.orgId, organizations.id))
    .leftJoin(departmentCounts, eq(departmentCounts.orgId, organizations.id))
    .where(onlyId ? eq(organizations.id, onlyId) : undefined)
    .orderBy(
      asc(organizations.isPlatform),
      asc(organizations.prefectureCode),
      asc(organizations.lgCode),
      asc(organizations.name),
    );
}

export async function insertOrg(db: Db, row: typeof organizations.$inferInsert): Promise<void> {
  await db.insert(organizations).values(row);
}

export async function findPlatformOrgId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.isPlatform, true))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Locks the organisation's row until the transaction ends, so checks that span several rows
 * (the last administrator, a department tree without cycles, a round's units) cannot interleave.
 * FOR NO KEY UPDATE: the lockers wait for each other, but the organisation's other writes do not
 * wait for them (their foreign keys to the row take KEY SHARE, which FOR UPDATE would block).
 */
export async function lockOrg(db: Db, scope: OrgScope): Promise<OrgRow | null> {
  const [row] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.id, scope.orgId))
    .for('no key update')
    .limit(1);
  return row ?? null;
}
