import {
  buildSceneGrid,
  defaultSceneLabel,
  findDuplicateSceneLabels,
  type SceneAxis,
  type SceneGrid,
  type SceneLabel,
  type UpdateSceneGridInput,
} from '../../../shared/cases/scene-grid.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { lockOrg } from '../orgs/repo.js';
import * as repo from './repo.js';

type Override = { axis: SceneAxis; key: string; ja: string; en: string };

function toOverrides(rows: repo.SceneLabelRow[]): Override[] {
  return rows.map((r) => ({ axis: r.axis, key: r.key, ja: r.labelJa, en: r.labelEn }));
}

const sameLabel = (a: SceneLabel | undefined, b: SceneLabel | undefined) => a?.ja === b?.ja && a?.en === b?.en;

/** The organisation's scene grid: the default stages and levels under its own labels. */
export async function getSceneGrid(ctx: OrgContext): Promise<SceneGrid> {
  return buildSceneGrid(toOverrides(await repo.listSceneLabels(ctx.db, ctx.scope)));
}

/**
 * Renames stages and levels. A label equal to the default drops the organisation's own, so the
 * grid follows the default again; the cells' ids never change, so what is placed on them stays.
 */
export async function updateSceneGrid(ctx: OrgContext, input: UpdateSceneGridInput): Promise<SceneGrid> {
  return inTransaction(ctx, async (tx) => {
    // Two admins renaming at once could each pass the duplicate check alone.
    await lockOrg(tx.db, tx.scope);
    const current = toOverrides(await repo.listSceneLabels(tx.db, tx.scope));
    const requested = [
      ...Object.entries(input.stages).map(([key, label]) => ({ axis: 'stage' as const, key, label })),
      ...Object.entries(input.levels).map(([key, label]) => ({ axis: 'level' as const, key, label })),
    ].filter((r): r is { axis: SceneAxis; key: string; label: SceneLabel } => r.label !== undefined);

    const changes: Record<string, [SceneLabel, SceneLabel]> = {};
    let next = current;
    for (const { axis, key, label } of requested) {
      const fallback = defaultSceneLabel(axis, key);
      const own = current.find((o) => o.axis === axis && o.key === key);
      const before = own ? { ja: own.ja, en: own.en } : fallback;
      if (!before || sameLabel(before, label)) continue;
      changes[`${axis}.${key}`] = [before, label];
      next = next.filter((o) => !(o.axis === axis && o.key === key));
      if (!sameLabel(label, fallback)) next.push({ axis, key, ...label });
    }

    const grid = buildSceneGrid(next);
    const duplicates = findDuplicateSceneLabels(grid).filter((d) => changes[`${d.axis}.${d.key}`]);
    if (duplicates.length > 0) {
      throw new AppError(
        'validation',
        undefined,
        duplicates.map((d) => ({
          path: `body.${d.axis === 'stage' ? 'stages' : 'levels'}.${d.key}.${d.language}`,
          code: 'sceneGrid.duplicate_label' as const,
        })),
      );
    }
    if (Object.keys(changes).length === 0) return grid;

    const now = ctx.now();
    for (const change of Object.keys(changes)) {
      const [axis, key] = change.split('.') as [SceneAxis, string];
      const own = next.find((o) => o.axis === axis && o.key === key);
      if (own)
        await repo.upsertSceneLabel(tx.db, tx.scope, { axis, key, labelJa: own.ja, labelEn: own.en, updatedAt: now });
      else await repo.deleteSceneLabel(tx.db, tx.scope, axis, key);
    }
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'scene_grid.update',
      targetType: 'scene_grid',
      changes,
    });
    return grid;
  });
}
