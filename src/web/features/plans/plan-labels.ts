import { useQuery } from '@tanstack/react-query';
import { buildSceneGrid, type SceneId, sceneLabel } from '../../../shared/cases/scene-grid.js';
import type { PlanSummary } from '../../../shared/plans/plan-schema.js';
import type { BadgeTone } from '../../components/badge.js';
import { useLanguage } from '../../lib/problems.js';
import { sceneGridQueryOptions } from '../scene-grid/scene-grid-queries.js';

const defaultGrid = buildSceneGrid([]);

/**
 * A scene's name with the organisation's labels; with no organisation to ask (a facilitator
 * outside it), the default labels.
 */
export function useSceneName(orgId: string | null): (id: SceneId) => string {
  const language = useLanguage();
  const grid = useQuery({ ...sceneGridQueryOptions(orgId ?? ''), enabled: Boolean(orgId), retry: false });
  return (id) => sceneLabel(grid.data ?? defaultGrid, id, language);
}

export const planStatusTone: Record<PlanSummary['status'], BadgeTone> = {
  draft: 'neutral',
  presented: 'info',
  final: 'success',
};

/** Whether a day (YYYY-MM-DD) is before today in Japan. */
export function isPastDay(day: string | null | undefined, today: string): boolean {
  return Boolean(day) && (day as string) < today;
}
