import { and, asc, count, eq, gt, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Role } from '../../../shared/auth/roles.js';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/departments.js';
import { invitations } from '../../db/schema/invitations.js';
import { memberships } from '../../db/schema/memberships.js';
import { organizations } from '../../db/schema/organizations.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';

const memberColumns = {
  id: memberships.id,
  orgId: memberships.orgId,
  userId: memberships.userId,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  position: memberships.position,
  departmentId: memberships.departmentId,
  departmentName: departments.name,
  createdAt: memberships.createdAt,
};

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function listMembers(
  db: Db,
  scope: OrgScope,
  filter: { q?: string | undefined; role?: Role | undefined; departmentId?: string | undefined },
) {
  const conditions: SQL[] = [eq(memberships.orgId, scope.orgId)];
  if (filter.role) conditions.push(eq(memberships.role, filter.role));
  if (filter.departmentId === 'none') conditions.push(isNull(memberships.departmentId));
  else if (filter.departmentId) conditions.push(eq(memberships.departmentId, filter.departmentId));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.displayName, pattern), ilike(users.email, pattern));
    if (match) conditions.push(match);
  }
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.email));
}

export async function findMember(db: Db, scope: OrgScope, membershipId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, membershipId)))
    .limit(1);
  return row ?? null;
}

export async function updateMembership(
  db: Db,
  scope: OrgScope,
  membershipId: string,
  patch: Partial<typeof memberships.$inferInsert>,
): Promise<void> {
  await db
    .update(memberships)
    .set(patch)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, membershipId)));
}

export async function deleteMembership(db: Db, scope: OrgScope, membershipId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, membershipId)));
}

/** How many members hold the role, e.g. whether an organisation keeps an administrator. */
export async function countMembersWithRole(db: Db, scope: OrgScope, role: Role): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.role, role)));
  return Number(row?.n ?? 0);
}

export async function findMembershipOfUser(db: Db, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<void> {
  await db.insert(memberships).values(row);
}

/** A department of this organisation, or null: a department id from another tenant is never accepted. */
export async function departmentBelongsTo(db: Db, orgId: string, departmentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)))
    .limit(1);
  return Boolean(row);
}

export async function findOrgById(db: Db, orgId: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, orgId)).limit(1);
  return row ?? null;
}

export async function listPendingInvitations(db: Db, scope: OrgScope, now: Date, onlyId?: string) {
  return db
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      email: invitations.email,
      role: invitations.role,
      position: invitations.position,
      departmentId: invitations.departmentId,
      invitedByName: users.displayName,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.orgId, scope.orgId),
        onlyId ? eq(invitations.id, onlyId) : undefined,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<void> {
  await db.insert(invitations).values(row);
}

/** Revokes open invitations of the same address, so only the newest link works. */
export async function revokeOpenInvitationsFor(db: Db, orgId: string, email: string, now: Date): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function revokeInvitation(db: Db, scope: OrgScope, invitationId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.orgId, scope.orgId),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** An open invitation by its link's token hash, with the organisation's name. */
export async function findOpenInvitationByToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, orgName: organizations.name, isPlatform: organizations.isPlatform })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function markInvitationAccepted(db: Db, invitationId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
