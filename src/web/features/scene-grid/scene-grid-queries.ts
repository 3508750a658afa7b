import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SceneGrid } from '../../../shared/cases/scene-grid.js';
import { api, segment } from '../../lib/api.js';

export const sceneGridQueryKey = (orgId: string) => ['orgs', orgId, 'scene-grid'] as const;

export function sceneGridQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: sceneGridQueryKey(orgId),
    queryFn: () => api.get<SceneGrid>(`/api/orgs/${segment(orgId)}/scene-grid`),
    // Labels change rarely; every page that places something on the grid reads them.
    staleTime: 5 * 60_000,
  });
}

/** The organisation's 12-scene grid with its own labels, for any page that shows or places on it. */
export function useSceneGrid(orgId: string) {
  return useQuery(sceneGridQueryOptions(orgId));
}
