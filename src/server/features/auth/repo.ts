import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import { organizations } from '../../db/schema/organizations.js';
import { passwordResets } from '../../db/schema/password-resets.js';
import { sessions } from '../../db/schema/sessions.js';
import { users } from '../../db/schema/users.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Every organisation the person belongs to, for the organisation switcher. */
export async function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .select({
      id: memberships.id,
      orgId: memberships.orgId,
      orgName: organizations.name,
      orgKind: organizations.kind,
      isPlatform: organizations.isPlatform,
      role: memberships.role,
      position: memberships.position,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.isPlatform), asc(organizations.name));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string): Promise<number> {
  const where = exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId);
  const removed = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return removed.length;
}

export async function listSessionsOfUser(db: Db, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
}

export async function insertPasswordReset(db: Db, row: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(row);
}

/** Marks a valid, unused reset token as used; returns its user, or null when there was none. */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}

/** Ends every open reset link of the person, once their password has been set another way. */
export async function expirePasswordResetsOfUser(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
