import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import type { OrgScope } from '../../lib/context.js';

export type DepartmentRow = typeof departments.$inferSelect;

/** The whole tree of the organisation as a flat list; the client nests it by parentId. */
export async function listDepartments(db: Db, scope: OrgScope) {
  const memberCounts = db
    .select({ departmentId: memberships.departmentId, n: count().as('n') })
    .from(memberships)
    .where(eq(memberships.orgId, scope.orgId))
    .groupBy(memberships.departmentId)
    .as('mc');
  return db
    .select({ department: departments, memberCount: memberCounts.n })
    .from(departments)
    .leftJoin(memberCounts, eq(memberCounts.departmentId, departments.id))
    .where(eq(departments.orgId, scope.orgId))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

export async function findDepartment(db: Db, scope: OrgScope, id: string): Promise<DepartmentRow | null> {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertDepartment(db: Db, row: typeof departments.$inferInsert): Promise<void> {
  await db.insert(departments).values(row);
}

export async function updateDepartment(
  db: Db,
  scope: OrgScope,
  id: string,
  patch: Partial<typeof departments.$inferInsert>,
): Promise<void> {
  await db
    .update(departments)
    .set(patch)
    .where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id)));
}

export async function deleteDepartment(db: Db, scope: OrgScope, id: string): Promise<void> {
  await db.delete(departments).where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id)));
}

export async function countChildrenAndMembers(db: Db, scope: OrgScope, id: string) {
  const [children] = await db
    .select({ n: count() })
    .from(departments)
    .where(and(eq(departments.orgId, scope.orgId), eq(departments.parentId, id)));
  const [members] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.departmentId, id)));
  return { children: Number(children?.n ?? 0), members: Number(members?.n ?? 0) };
}

export async function listParentLinks(db: Db, scope: OrgScope) {
  return db
    .select({ id: departments.id, parentId: departments.parentId })
    .from(departments)
    .where(eq(departments.orgId, scope.orgId));
}
