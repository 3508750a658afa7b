import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { readAll } from '../../db/parallel.js';
import {
  caseAwards,
  caseEffects,
  caseReporters,
  caseReviews,
  caseTagLinks,
  caseTags,
  kaizenCases,
} from '../../db/schema/cases.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import { organizations } from '../../db/schema/organizations.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { type Viewer, visibleTo } from './policy.js';

export type CaseRow = typeof kaizenCases.$inferSelect;
export type CaseValues = Omit<typeof kaizenCases.$inferInsert, 'id' | 'orgId'>;

/** A case by id, from any organisation: the service decides whether the caller may read it. */
export async function findCase(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ row: kaizenCases, org: organizations })
    .from(kaizenCases)
    .innerJoin(organizations, eq(organizations.id, kaizenCases.orgId))
    .where(eq(kaizenCases.id, id));
  const [found] = await (options.lock ? query.for('update', { of: kaizenCases }) : query);
  return found ?? null;
}

export async function insertCase(db: Db, scope: OrgScope, values: CaseValues) {
  const id = newId();
  await db.insert(kaizenCases).values({ ...values, id, orgId: scope.orgId });
  return id;
}

export async function updateCase(db: Db, scope: OrgScope, id: string, values: Partial<CaseValues>) {
  await db
    .update(kaizenCases)
    .set(values)
    .where(and(eq(kaizenCases.orgId, scope.orgId), eq(kaizenCases.id, id)));
}

export async function deleteCase(db: Db, scope: OrgScope, id: string) {
  await db.delete(kaizenCases).where(and(eq(kaizenCases.orgId, scope.orgId), eq(kaizenCases.id, id)));
}

export async function findDepartment(db: Db, scope: OrgScope, id: string) {
  const [row] = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.orgId, scope.orgId), eq(departments.id, id)));
  return row ?? null;
}

/** Which of these people are members of the organisation. */
export async function memberIds(db: Db, scope: OrgScope, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, scope.orgId), inArray(memberships.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

export async function replaceReporters(db: Db, scope: OrgScope, caseId: string, userIds: string[]) {
  await db.delete(caseReporters).where(eq(caseReporters.caseId, caseId));
  if (userIds.length > 0)
    await db.insert(caseReporters).values(userIds.map((userId) => ({ caseId, userId, orgId: scope.orgId })));
}

export async function replaceEffects(
  db: Db,
  scope: OrgScope,
  caseId: string,
  effects: Omit<typeof caseEffects.$inferInsert, 'id' | 'caseId' | 'orgId' | 'position'>[],
) {
  await db.delete(caseEffects).where(eq(caseEffects.caseId, caseId));
  if (effects.length > 0)
    await db
      .insert(caseEffects)
      .values(effects.map((e, position) => ({ ...e, id: newId(), caseId, orgId: scope.orgId, position })));
}

/** Links the case to tags by name, creating the organisation's tags that do not exist yet. */
export async function replaceTags(db: Db, scope: OrgScope, caseId: string, names: string[]) {
  await db.delete(caseTagLinks).where(eq(caseTagLinks.caseId, caseId));
  if (names.length === 0) return;
  await db
    .insert(caseTags)
    .values(names.map((name) => ({ id: newId(), orgId: scope.orgId, name })))
    .onConflictDoNothing();
  const tags = await db
    .select({ id: caseTags.id })
    .from(caseTags)
    .where(and(eq(caseTags.orgId, scope.orgId), inArray(caseTags.name, names)));
  await db.insert(caseTagLinks).values(tags.map((t) => ({ caseId, tagId: t.id })));
}

export async function listOrgTags(db: Db, scope: OrgScope) {
  return db
    .select({ id: caseTags.id, name: caseTags.name })
    .from(caseTags)
    .where(eq(caseTags.orgId, scope.orgId))
    .orderBy(asc(caseTags.name));
}

/** The parts of a case kept in other tables, for one case. */
export async function loadCaseParts(db: Db, caseId: string) {
  const [tags, reporters, effects, reviews, awards, adoptions] = await readAll(db, [
    () =>
      db
        .select({ name: caseTags.name })
        .from(caseTagLinks)
        .innerJoin(caseTags, eq(caseTags.id, caseTagLinks.tagId))
        .where(eq(caseTagLinks.caseId, caseId))
        .orderBy(asc(caseTags.name)),
    () =>
      db
        .select({ id: users.id, displayName: users.displayName })
        .from(caseReporters)
        .innerJoin(users, eq(users.id, caseReporters.userId))
        .where(eq(caseReporters.caseId, caseId))
        .orderBy(asc(users.displayName)),
    () => db.select().from(caseEffects).where(eq(caseEffects.caseId, caseId)).orderBy(asc(caseEffects.position)),
    () =>
      db
        .select({
          action: caseReviews.action,
          comment: caseReviews.comment,
          actorName: users.displayName,
          createdAt: caseReviews.createdAt,
        })
        .from(caseReviews)
        .leftJoin(users, eq(users.id, caseReviews.actorId))
        .where(eq(caseReviews.caseId, caseId))
        .orderBy(asc(caseReviews.createdAt)),
    () =>
      db
        .select({ fiscalYear: caseAwards.fiscalYear, name: caseAwards.name })
        .from(caseAwards)
        .where(eq(caseAwards.caseId, caseId))
        .orderBy(asc(caseAwards.fiscalYear), asc(caseAwards.name)),
    () => db.select({ n: sql<number>`count(*)::int` }).from(kaizenCases).where(eq(kaizenCases.adoptedFromId, caseId)),
  ]);
  return {
    tags: tags.map((t) => t.name),
    reporters,
    effects,
    reviews,
    awards,
    adoptionCount: Number(adoptions[0]?.n ?? 0),
  };
}

export async function insertReview(
  db: Db,
  scope: OrgScope,
  values: {
    caseId: string;
    action: (typeof caseReviews.$inferInsert)['action'];
    comment: string | null;
    actorId: string;
    at: Date;
  },
) {
  await db.insert(caseReviews).values({
    id: newId(),
    caseId: values.caseId,
    orgId: scope.orgId,
    action: values.action,
    comment: values.comment,
    actorId: values.actorId,
    createdAt: values.at,
  });
}

export async function insertAward(db: Db, scope: OrgScope, caseId: string, fiscalYear: number, name: string) {
  const inserted = await db
    .insert(caseAwards)
    .values({ id: newId(), caseId, orgId: scope.orgId, fiscalYear, name })
    .onConflictDoNothing()
    .returning({ id: caseAwards.id });
  return inserted.length > 0;
}

export async function isReporter(db: Db, caseId: string, userId: string) {
  const [row] = await db
    .select({ userId: caseReporters.userId })
    .from(caseReporters)
    .where(and(eq(caseReporters.caseId, caseId), eq(caseReporters.userId, userId)));
  return Boolean(row);
}

/** E-mail addresses of an organisation's members with one of these roles. */
export async function memberEmailsWithRoles(db: Db, scope: OrgScope, roles: string[]) {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, scope.orgId), inArray(memberships.role, roles as never[])));
  return rows.map((r) => r.email);
}

export async function reporterEmails(db: Db, caseId: string) {
  const rows = await db
    .select({ email: users.email })
    .from(caseReporters)
    .innerJoin(users, eq(users.id, caseReporters.userId))
    .where(eq(caseReporters.caseId, caseId));
  return rows.map((r) => r.email);
}

/** Up to `limit` cases that adopted this one and the viewer may read, newest first. */
export async function listAdoptions(db: Db, viewer: Viewer, caseId: string, limit: number) {
  return db
    .select({ id: kaizenCases.id, title: kaizenCases.title, orgName: organizations.name })
    .from(kaizenCases)
    .innerJoin(organizations, eq(organizations.id, kaizenCases.orgId))
    .where(and(eq(kaizenCases.adoptedFromId, caseId), visibleTo(viewer)))
    .orderBy(desc(kaizenCases.createdAt), asc(kaizenCases.id))
    .limit(limit);
}

export async function reporterIdsOf(db: Db, caseId: string) {
  const rows = await db
    .select({ userId: caseReporters.userId })
    .from(caseReporters)
    .where(eq(caseReporters.caseId, caseId));
  return rows.map((r) => r.userId);
}

/** The organisation's members by name, for choosing a case's team. */
export async function listMemberNames(db: Db, scope: OrgScope) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, scope.orgId))
    .orderBy(asc(users.displayName));
}
