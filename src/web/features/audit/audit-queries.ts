import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEvent } from '../../../shared/audit/schema.js';
import { api, segment } from '../../lib/api.js';

export interface AuditFilters {
  action: string;
  actorId: string;
  targetType: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { action: '', actorId: '', targetType: '', from: '', to: '' };

interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;

export function auditQueryOptions(orgId: string, filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: ['orgs', orgId, 'audit', filters],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>(`/api/orgs/${segment(orgId)}/audit-events`, {
        ...filters,
        limit: PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
