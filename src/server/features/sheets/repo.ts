import { and, desc, eq, max } from 'drizzle-orm';
import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { Db } from '../../db/client.js';
import { sheetTemplates, sheetTemplateVersions } from '../../db/schema/sheet-templates.js';
import { users } from '../../db/schema/users.js';
import type { OrgScope } from '../../lib/context.js';

/** Each template of the organisation with its newest version's content. */
export async function listTemplatesWithLatest(db: Db, scope: OrgScope) {
  const latest = db
    .select({ templateId: sheetTemplateVersions.templateId, version: max(sheetTemplateVersions.version).as('latest') })
    .from(sheetTemplateVersions)
    .where(eq(sheetTemplateVersions.orgId, scope.orgId))
    .groupBy(sheetTemplateVersions.templateId)
    .as('latest');
  return db
    .select({
      template: sheetTemplates,
      version: sheetTemplateVersions.version,
      content: sheetTemplateVersions.content,
    })
    .from(sheetTemplates)
    .innerJoin(latest, eq(latest.templateId, sheetTemplates.id))
    .innerJoin(
      sheetTemplateVersions,
      and(eq(sheetTemplateVersions.templateId, sheetTemplates.id), eq(sheetTemplateVersions.version, latest.version)),
    )
    .where(eq(sheetTemplates.orgId, scope.orgId))
    .orderBy(sheetTemplates.key);
}

export async function findTemplate(db: Db, scope: OrgScope, id: string) {
  const [row] = await db
    .select()
    .from(sheetTemplates)
    .where(and(eq(sheetTemplates.orgId, scope.orgId), eq(sheetTemplates.id, id)))
    .limit(1);
  return row ?? null;
}

export async function findTemplateByKey(db: Db, scope: OrgScope, key: string) {
  const [row] = await db
    .select()
    .from(sheetTemplates)
    .where(and(eq(sheetTemplates.orgId, scope.orgId), eq(sheetTemplates.key, key)))
    .limit(1);
  return row ?? null;
}

export async function insertTemplate(db: Db, row: typeof sheetTemplates.$inferInsert): Promise<void> {
  await db.insert(sheetTemplates).values(row);
}

export async function touchTemplate(db: Db, scope: OrgScope, id: string, now: Date): Promise<void> {
  await db
    .update(sheetTemplates)
    .set({ updatedAt: now })
    .where(and(eq(sheetTemplates.orgId, scope.orgId), eq(sheetTemplates.id, id)));
}

export async function latestVersionNumber(db: Db, scope: OrgScope, templateId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(sheetTemplateVersions.version) })
    .from(sheetTemplateVersions)
    .where(and(eq(sheetTemplateVersions.orgId, scope.orgId), eq(sheetTemplateVersions.templateId, templateId)));
  return Number(row?.n ?? 0);
}

export async function insertVersion(
  db: Db,
  row: {
    id: string;
    templateId: string;
    orgId: string;
    version: number;
    content: SheetTemplate;
    createdBy: string;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(sheetTemplateVersions).values(row);
}

/** Every version of a template, newest first, or one when `version` is given. */
export async function listVersions(db: Db, scope: OrgScope, templateId: string, version?: number) {
  return db
    .select({
      templateId: sheetTemplateVersions.templateId,
      version: sheetTemplateVersions.version,
      content: sheetTemplateVersions.content,
      createdByName: users.displayName,
      createdAt: sheetTemplateVersions.createdAt,
    })
    .from(sheetTemplateVersions)
    .leftJoin(users, eq(users.id, sheetTemplateVersions.createdBy))
    .where(
      and(
        eq(sheetTemplateVersions.orgId, scope.orgId),
        eq(sheetTemplateVersions.templateId, templateId),
        version === undefined ? undefined : eq(sheetTemplateVersions.version, version),
      ),
    )
    .orderBy(desc(sheetTemplateVersions.version));
}
