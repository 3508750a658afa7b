import { and, eq } from 'drizzle-orm';
import type { SceneAxis } from '../../../shared/cases/scene-grid.js';
import type { Db } from '../../db/client.js';
import { sceneLabels } from '../../db/schema/cases.js';
import type { OrgScope } from '../../lib/context.js';

export type SceneLabelRow = typeof sceneLabels.$inferSelect;

/** The organisation's own labels; stages and levels without a row keep the default. */
export async function listSceneLabels(db: Db, scope: OrgScope): Promise<SceneLabelRow[]> {
  return db.select().from(sceneLabels).where(eq(sceneLabels.orgId, scope.orgId));
}

export async function upsertSceneLabel(
  db: Db,
  scope: OrgScope,
  row: { axis: SceneAxis; key: string; labelJa: string; labelEn: string; updatedAt: Date },
): Promise<void> {
  await db
    .insert(sceneLabels)
    .values({ orgId: scope.orgId, ...row })
    .onConflictDoUpdate({
      target: [sceneLabels.orgId, sceneLabels.axis, sceneLabels.key],
      set: { labelJa: row.labelJa, labelEn: row.labelEn, updatedAt: row.updatedAt },
    });
}

export async function deleteSceneLabel(db: Db, scope: OrgScope, axis: SceneAxis, key: string): Promise<void> {
  await db
    .delete(sceneLabels)
    .where(and(eq(sceneLabels.orgId, scope.orgId), eq(sceneLabels.axis, axis), eq(sceneLabels.key, key)));
}
