import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseImportRows, caseImports } from '../../db/schema/case-imports.js';
import { departments } from '../../db/schema/departments.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';

export type ImportRow = typeof caseImports.$inferSelect;

/** What a checked row becomes at commit, kept as JSON in the staging row. */
export interface PreparedCase {
  title: string;
  problem: string;
  action: string;
  result: string;
  remaining: string;
  costYen: number | null;
  departmentId: string | null;
  departmentName: string | null;
  happenedOn: string;
  fiscalYear: number;
  policyField: string | null;
  method: string | null;
  sceneId: string | null;
  searchVector: string;
  tags: string[];
  effects: { kind: string; actual: number | null }[];
}

export interface RowCheck {
  position: number;
  caseId: string | null;
  sourceKey: string | null;
  prepared: PreparedCase | null;
  errors: unknown[] | null;
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];

export async function insertImport(db: Db, scope: OrgScope, values: Omit<typeof caseImports.$inferInsert, 'orgId'>) {
  await db.insert(caseImports).values({ ...values, orgId: scope.orgId });
}

/** Stores the data rows of an import, a thousand per statement. */
export async function insertRows(db: Db, importId: string, rows: { rowNumber: number; cells: string[] }[]) {
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insert(caseImportRows)
      .values(rows.slice(start, start + 1000).map((r, i) => ({ importId, position: start + i, ...r })));
  }
}

/** An import of this organisation, or null (another organisation's id reads as missing). */
export async function findImport(db: Db, scope: OrgScope, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(caseImports)
    .where(and(eq(caseImports.orgId, scope.orgId), eq(caseImports.id, id)));
  const [row] = await (options.lock ? query.for('update') : query);
  return row ?? null;
}

/** Starts checking again with a mapping: every earlier result is forgotten. */
export async function restartChecks(db: Db, scope: OrgScope, id: string, mapping: Record<string, number>) {
  await db
    .update(caseImports)
    .set({ mapping })
    .where(and(eq(caseImports.orgId, scope.orgId), eq(caseImports.id, id)));
  await db
    .update(caseImportRows)
    .set({ caseId: null, sourceKey: null, prepared: null, errors: null })
    .where(eq(caseImportRows.importId, id));
}

export async function loadRows(db: Db, importId: string, offset: number, limit: number) {
  return db
    .select({ position: caseImportRows.position, rowNumber: caseImportRows.rowNumber, cells: caseImportRows.cells })
    .from(caseImportRows)
    .where(
      and(
        eq(caseImportRows.importId, importId),
        gte(caseImportRows.position, offset),
        lt(caseImportRows.position, offset + limit),
      ),
    )
    .orderBy(asc(caseImportRows.position));
}

/** Writes the results of a batch of checks in one statement. */
export async function saveChecks(db: Db, importId: string, checks: RowCheck[]) {
  if (checks.length === 0) return;
  await db.execute(sql`update case_import_rows r
    set case_id = x."caseId", source_key = x."sourceKey", prepared = x.prepared, errors = x.errors
    from jsonb_to_recordset(${JSON.stringify(checks)}::jsonb)
      as x("position" int, "caseId" uuid, "sourceKey" text, prepared jsonb, errors jsonb)
    where r.import_id = ${importId} and r.position = x."position"`);
}

/** How many rows are not checked yet, how many have problems, and the problems of the first of them. */
export async function checkState(db: Db, importId: string) {
  const [counts] = rowsOf<{ unchecked: number; failed: number }>(
    await db.execute(sql`select
      count(*) filter (where prepared is null and errors is null)::int as unchecked,
      count(*) filter (where errors is not null)::int as failed
      from case_import_rows where import_id = ${importId}`),
  );
  const failedRows = await db
    .select({ errors: caseImportRows.errors })
    .from(caseImportRows)
    .where(and(eq(caseImportRows.importId, importId), sql`${caseImportRows.errors} is not null`))
    .orderBy(asc(caseImportRows.position))
    .limit(20);
  return {
    unchecked: Number(counts?.unchecked ?? 0),
    failed: Number(counts?.failed ?? 0),
    errors: failedRows.flatMap((r) => (r.errors as unknown[]) ?? []),
  };
}

/** Departments of the organisation, for matching the names a list gives. */
export async function listDepartments(db: Db, scope: OrgScope) {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.orgId, scope.orgId));
}

/**
 * Copies the checked rows into the organisation's cases with one INSERT … SELECT; rows whose
 * source key the organisation already has are skipped by its unique index. Then reporters,
 * effects and tags of the inserted cases, each one statement. Returns how many cases were added.
 */
export async function copyRowsToCases(
  db: Db,
  scope: OrgScope,
  importId: string,
  options: { status: 'published' | 'draft'; sharing: string; actorId: string; now: Date },
): Promise<number> {
  const { orgId } = scope;
  const publishedAt = options.status === 'published' ? options.now.toISOString() : null;
  const now = options.now.toISOString();
  const [inserted] = rowsOf<{ n: number }>(
    await db.execute(sql`with inserted as (
      insert into kaizen_cases (id, org_id, status, sharing, title, problem, action, result, remaining, cost_yen,
        department_id, department_name, happened_on, fiscal_year, policy_field, method, scene_id, source_key, created_by,
        published_at, created_at, updated_at, search_vector)
      select r.case_id, ${orgId}, ${options.status}, ${options.sharing}, p->>'title', p->>'problem', p->>'action',
        p->>'result', p->>'remaining', (p->>'costYen')::bigint, d.id, p->>'departmentName', (p->>'happenedOn')::date,
        (p->>'fiscalYear')::int, p->>'policyField', p->>'method', p->>'sceneId', r.source_key, ${options.actorId},
        ${publishedAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, (p->>'searchVector')::tsvector
      from case_import_rows r
        cross join lateral (select r.prepared as p) q
        left join departments d on d.id = (p->>'departmentId')::uuid and d.org_id = ${orgId}
      where r.import_id = ${importId}
      order by r.position
      on conflict (org_id, source_key) do nothing
      returning id)
    select count(*)::int as n from inserted`),
  );
  const added = sql`from case_import_rows r join kaizen_cases c on c.id = r.case_id and c.org_id = ${orgId}
    where r.import_id = ${importId}`;
  await db.execute(sql`insert into case_reporters (case_id, user_id, org_id)
    select r.case_id, ${options.actorId}, ${orgId} ${added}`);
  await db.execute(sql`insert into case_effects (id, case_id, org_id, position, kind, actual)
    select gen_random_uuid(), r.case_id, ${orgId}, (e.ord - 1)::smallint, e.value->>'kind', (e.value->>'actual')::numeric
    from case_import_rows r join kaizen_cases c on c.id = r.case_id and c.org_id = ${orgId}
      cross join lateral jsonb_array_elements(r.prepared->'effects') with ordinality as e(value, ord)
    where r.import_id = ${importId}`);
  await db.execute(sql`insert into case_tags (id, org_id, name)
    select gen_random_uuid(), ${orgId}, t.name from (
      select distinct jsonb_array_elements_text(r.prepared->'tags') as name ${added}) t
    on conflict do nothing`);
  await db.execute(sql`insert into case_tag_links (case_id, tag_id)
    select distinct r.case_id, ct.id
    from case_import_rows r join kaizen_cases c on c.id = r.case_id and c.org_id = ${orgId}
      cross join lateral jsonb_array_elements_text(r.prepared->'tags') as t(name)
      join case_tags ct on ct.org_id = ${orgId} and ct.name = t.name
    where r.import_id = ${importId}`);
  return Number(inserted?.n ?? 0);
}

export async function deleteImport(db: Db, scope: OrgScope, id: string) {
  await db.delete(caseImports).where(and(eq(caseImports.orgId, scope.orgId), eq(caseImports.id, id)));
}

/** The organisation's imports not yet committed, newest first, with how many rows were checked. */
export async function listImports(db: Db, scope: OrgScope) {
  return db
    .select({
      id: caseImports.id,
      fileName: caseImports.fileName,
      rowCount: caseImports.rowCount,
      createdAt: caseImports.createdAt,
      startedBy: users.displayName,
      checked: sql<number>`(select count(*)::int from case_import_rows r
        where r.import_id = ${caseImports.id} and (r.prepared is not null or r.errors is not null))`,
    })
    .from(caseImports)
    .leftJoin(users, eq(users.id, caseImports.createdBy))
    .where(eq(caseImports.orgId, scope.orgId))
    .orderBy(sql`${caseImports.createdAt} desc`)
    .limit(20);
}
