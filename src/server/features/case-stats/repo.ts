import { and, asc, between, count, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseMethod, EffectKind, PolicyField } from '../../../shared/cases/case-schema.js';
import type { Db } from '../../db/client.js';
import { caseAwards, caseEffects, caseReporters, kaizenCases } from '../../db/schema/cases.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import type { OrgScope } from '../../lib/context.js';

/** Only published cases count: drafts and cases under review are not yet the organisation's record. */
const published = (scope: OrgScope) => and(eq(kaizenCases.orgId, scope.orgId), eq(kaizenCases.status, 'published'));
const publishedIn = (scope: OrgScope, fiscalYear: number) =>
  and(published(scope), eq(kaizenCases.fiscalYear, fiscalYear));

// A department renamed since the case was saved is counted under its name today.
const departmentName = sql<string | null>`coalesce(${departments.name}, ${kaizenCases.departmentName})`;
const month = sql<number>`extract(month from ${kaizenCases.happenedOn})::int`;
const sumOf = (column: typeof caseEffects.actual | typeof caseEffects.target) =>
  sql<number | null>`sum(${column})::float8`;

export interface CaseCell {
  departmentId: string | null;
  departmentName: string | null;
  month: number;
  sceneId: string | null;
  policyField: PolicyField | null;
  method: CaseMethod | null;
  n: number;
}

/**
 * The year's published cases grouped by every dimension the statistics split them by, in one scan;
 * the service adds the cells up per dimension.
 */
export async function caseCells(db: Db, scope: OrgScope, fiscalYear: number): Promise<CaseCell[]> {
  const rows = await db
    .select({
      departmentId: kaizenCases.departmentId,
      departmentName,
      month,
      sceneId: kaizenCases.sceneId,
      policyField: kaizenCases.policyField,
      method: kaizenCases.method,
      n: count(),
    })
    .from(kaizenCases)
    .leftJoin(departments, and(eq(departments.id, kaizenCases.departmentId), eq(departments.orgId, kaizenCases.orgId)))
    .where(publishedIn(scope, fiscalYear))
    .groupBy(
      kaizenCases.departmentId,
      departmentName,
      month,
      kaizenCases.sceneId,
      kaizenCases.policyField,
      kaizenCases.method,
    );
  return rows.map((r) => ({ ...r, policyField: r.policyField as PolicyField | null }));
}

/** Per kind of effect: how many cases have one, and the sums of their actual and target numbers. */
export async function effectTotals(db: Db, scope: OrgScope, fiscalYear: number) {
  return db
    .select({
      kind: caseEffects.kind,
      cases: countDistinct(caseEffects.caseId),
      actual: sumOf(caseEffects.actual),
      target: sumOf(caseEffects.target),
    })
    .from(caseEffects)
    .innerJoin(kaizenCases, eq(kaizenCases.id, caseEffects.caseId))
    .where(and(eq(caseEffects.orgId, scope.orgId), publishedIn(scope, fiscalYear)))
    .groupBy(caseEffects.kind);
}

/** People who are members today and reported at least one of the year's cases, alone or in a team. */
export async function countReporters(db: Db, scope: OrgScope, fiscalYear: number): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(caseReporters.userId) })
    .from(caseReporters)
    .innerJoin(kaizenCases, eq(kaizenCases.id, caseReporters.caseId))
    .innerJoin(memberships, and(eq(memberships.orgId, scope.orgId), eq(memberships.userId, caseReporters.userId)))
    .where(and(eq(caseReporters.orgId, scope.orgId), publishedIn(scope, fiscalYear)));
  return row?.n ?? 0;
}

export async function countMembers(db: Db, scope: OrgScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, scope.orgId));
  return row?.n ?? 0;
}

/** Awards given in the fiscal year to cases that are published. */
export async function listAwards(db: Db, scope: OrgScope, fiscalYear: number) {
  return db
    .select({
      caseId: caseAwards.caseId,
      title: kaizenCases.title,
      name: caseAwards.name,
      departmentName,
    })
    .from(caseAwards)
    .innerJoin(kaizenCases, eq(kaizenCases.id, caseAwards.caseId))
    .leftJoin(departments, and(eq(departments.id, kaizenCases.departmentId), eq(departments.orgId, kaizenCases.orgId)))
    .where(and(eq(caseAwards.orgId, scope.orgId), eq(caseAwards.fiscalYear, fiscalYear), published(scope)))
    .orderBy(asc(caseAwards.name), asc(kaizenCases.title));
}

/** Published cases per fiscal year in a range of years. */
export async function countByYear(db: Db, scope: OrgScope, from: number, to: number) {
  return db
    .select({ fiscalYear: kaizenCases.fiscalYear, n: count() })
    .from(kaizenCases)
    .where(and(published(scope), between(kaizenCases.fiscalYear, from, to)))
    .groupBy(kaizenCases.fiscalYear);
}

/** Sums of actual effects of some kinds per fiscal year in a range of years. */
export async function effectsByYear(db: Db, scope: OrgScope, from: number, to: number, kinds: EffectKind[]) {
  return db
    .select({ fiscalYear: kaizenCases.fiscalYear, kind: caseEffects.kind, actual: sumOf(caseEffects.actual) })
    .from(caseEffects)
    .innerJoin(kaizenCases, eq(kaizenCases.id, caseEffects.caseId))
    .where(
      and(
        eq(caseEffects.orgId, scope.orgId),
        published(scope),
        between(kaizenCases.fiscalYear, from, to),
        inArray(caseEffects.kind, kinds),
      ),
    )
    .groupBy(kaizenCases.fiscalYear, caseEffects.kind);
}

/** The fiscal years that have published cases, newest first. */
export async function listYearsWithCases(db: Db, scope: OrgScope): Promise<number[]> {
  const rows = await db
    .selectDistinct({ fiscalYear: kaizenCases.fiscalYear })
    .from(kaizenCases)
    .where(published(scope))
    .orderBy(desc(kaizenCases.fiscalYear));
  return rows.map((r) => r.fiscalYear);
}
