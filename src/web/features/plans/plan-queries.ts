import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePlanInput,
  FollowupInput,
  PlanCompare,
  PlanDetail,
  PlanSummary,
  PlanVersion,
  planCommentSchema,
  UpdatePlanInput,
} from '../../../shared/plans/plan-schema.js';
import { api, segment } from '../../lib/api.js';

export type PlanComment = z.infer<typeof planCommentSchema>;
export type { PlanCompare, PlanDetail, PlanSummary, PlanVersion };

/** A member of the organisation, for the team-member and facilitator pickers. */
export interface PlanPerson {
  id: string;
  displayName: string;
  isFacilitator: boolean;
}

const orgBase = (orgId: string) => `/api/orgs/${segment(orgId)}/plans`;
const planBase = (orgId: string, planId: string) => `${orgBase(orgId)}/${segment(planId)}`;
const facilitatedBase = (planId: string) => `/api/facilitated-plans/${segment(planId)}`;

export const plansQueryKey = (orgId: string) => ['orgs', orgId, 'plans'] as const;
export const planQueryKey = (orgId: string, planId: string) => [...plansQueryKey(orgId), planId] as const;
export const facilitatedPlansQueryKey = ['me', 'facilitated-plans'] as const;

export function plansQueryOptions(orgId: string, scope: 'mine' | 'shared') {
  return queryOptions({
    queryKey: [...plansQueryKey(orgId), 'list', scope],
    queryFn: () => api.get<{ plans: PlanSummary[] }>(orgBase(orgId), { scope }),
  });
}

export function planQueryOptions(orgId: string, planId: string) {
  return queryOptions({
    queryKey: planQueryKey(orgId, planId),
    queryFn: () => api.get<PlanDetail>(planBase(orgId, planId)),
  });
}

export function planVersionQueryOptions(orgId: string, planId: string, number: number) {
  return queryOptions({
    queryKey: [...planQueryKey(orgId, planId), 'versions', number],
    queryFn: () => api.get<PlanVersion>(`${planBase(orgId, planId)}/versions/${number}`),
  });
}

/** A version of a plan shared with me as its facilitator. */
export function facilitatedVersionQueryOptions(planId: string, number: number) {
  return queryOptions({
    queryKey: [...facilitatedPlansQueryKey, planId, 'versions', number],
    queryFn: () => api.get<PlanVersion>(`${facilitatedBase(planId)}/versions/${number}`),
  });
}

/** Two versions side by side; `to` left out compares with the current draft. */
export function planCompareQueryOptions(orgId: string, planId: string, from: number, to: number | undefined) {
  return queryOptions({
    queryKey: [...planQueryKey(orgId, planId), 'compare', from, to ?? 'draft'],
    queryFn: () => api.get<PlanCompare>(`${planBase(orgId, planId)}/compare`, { from, to }),
  });
}

export function planPeopleQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: [...plansQueryKey(orgId), 'people'],
    queryFn: () => api.get<{ people: PlanPerson[] }>(`${orgBase(orgId)}/people`),
    staleTime: 60_000,
  });
}

export const facilitatedPlansQueryOptions = queryOptions({
  queryKey: facilitatedPlansQueryKey,
  queryFn: () => api.get<{ plans: PlanSummary[] }>('/api/me/facilitated-plans'),
});

export function facilitatedPlanQueryOptions(planId: string) {
  return queryOptions({
    queryKey: [...facilitatedPlansQueryKey, planId],
    queryFn: () => api.get<PlanDetail>(facilitatedBase(planId)),
  });
}

export const planApi = {
  create: (orgId: string, input: CreatePlanInput) => api.post<PlanDetail>(orgBase(orgId), input),
  fromWorkshop: (orgId: string, workshopId: string, scope: string) =>
    api.post<PlanDetail>(`${orgBase(orgId)}/from-workshop`, { workshopId, scope }),
  update: (orgId: string, planId: string, input: UpdatePlanInput) =>
    api.patch<PlanDetail>(planBase(orgId, planId), input),
  remove: (orgId: string, planId: string) => api.delete<void>(planBase(orgId, planId)),
  freeze: (orgId: string, planId: string, kind: 'snapshot' | 'final', note: string) =>
    api.post<PlanDetail>(`${planBase(orgId, planId)}/versions`, { kind, note }),
  updateVersionNote: (orgId: string, planId: string, number: number, note: string) =>
    api.patch<PlanVersion>(`${planBase(orgId, planId)}/versions/${number}`, { note }),
  recordFollowup: (orgId: string, planId: string, followupId: string, input: FollowupInput) =>
    api.post<PlanDetail>(`${planBase(orgId, planId)}/followups/${segment(followupId)}`, input),
  comment: (orgId: string, planId: string, body: string, versionNumber: number | null) =>
    api.post<PlanComment>(`${planBase(orgId, planId)}/comments`, { body, versionNumber }),
  commentAsFacilitator: (planId: string, body: string, versionNumber: number | null) =>
    api.post<PlanComment>(`${facilitatedBase(planId)}/comments`, { body, versionNumber }),
};

/** After a write: the plan's own page takes the answer at once, lists and compares read again. */
export function useRefreshPlan(orgId: string) {
  const queryClient = useQueryClient();
  return async (detail?: PlanDetail) => {
    if (detail) queryClient.setQueryData(planQueryKey(orgId, detail.id), detail);
    await queryClient.invalidateQueries({
      queryKey: plansQueryKey(orgId),
      predicate: (query) => !detail || query.queryKey[3] !== detail.id || query.queryKey.length > 4,
    });
  };
}
