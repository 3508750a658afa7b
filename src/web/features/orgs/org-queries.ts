import { queryOptions } from '@tanstack/react-query';
import type { LocalGovernment, OrgSummary } from '../../../shared/orgs/schema.js';
import { api, segment } from '../../lib/api.js';

export const orgQueryKey = (orgId: string) => ['orgs', orgId] as const;

export function orgQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: orgQueryKey(orgId),
    queryFn: () => api.get<OrgSummary>(`/api/orgs/${segment(orgId)}`),
  });
}

export function localGovernmentsQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['local-governments', q],
    queryFn: () => api.get<LocalGovernment[]>('/api/local-governments', { q, limit: 20 }),
    enabled: q.trim().length > 0,
    staleTime: 10 * 60_000,
  });
}
