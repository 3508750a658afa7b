import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type {
  CaseAttachment,
  CaseDetail,
  CaseInput,
  CaseSearchResult,
  ReviewActionInput,
  SimilarCases,
} from '../../../shared/cases/case-schema.js';
import { api, segment } from '../../lib/api.js';
import type { CasesSearch } from './case-search-params.js';

export type { CaseAttachment, CaseDetail, CaseInput, CaseSearchResult };
export type CaseHit = CaseSearchResult['hits'][number];

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/cases`;
const casePath = (orgId: string, caseId: string) => `${base(orgId)}/${segment(caseId)}`;

export const casesQueryKey = (orgId: string) => ['orgs', orgId, 'cases'] as const;
export const caseQueryKey = (orgId: string, caseId: string) => [...casesQueryKey(orgId), 'one', caseId] as const;

/** How many hits a page of results shows. */
export const casePageSize = 20;

export function caseSearchQueryOptions(orgId: string, search: CasesSearch) {
  const { page, ...filters } = search;
  return queryOptions({
    queryKey: [...casesQueryKey(orgId), 'search', search] as const,
    queryFn: () =>
      api.get<CaseSearchResult>(base(orgId), {
        ...filters,
        limit: casePageSize,
        offset: ((page ?? 1) - 1) * casePageSize,
      }),
    // The previous results stay on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

/** The address of a search's cases as a file: the same filters, no paging. */
export function caseExportUrl(orgId: string, search: CasesSearch, format: 'csv' | 'xlsx', lang: 'ja' | 'en'): string {
  const { page: _page, ...filters } = search;
  const params = new URLSearchParams({ format, lang });
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return `${base(orgId)}/export?${params}`;
}

const publicBase = '/api/public/cases';
const publicCasesQueryKey = ['public', 'cases'] as const;

/** The same search over public published cases, for readers without login (no status, no own/others). */
export function publicCaseSearchQueryOptions(search: CasesSearch) {
  const { page, from: _from, status: _status, ...filters } = search;
  return queryOptions({
    queryKey: [...publicCasesQueryKey, 'search', search] as const,
    queryFn: () =>
      api.get<CaseSearchResult>(publicBase, {
        ...filters,
        limit: casePageSize,
        offset: ((page ?? 1) - 1) * casePageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A public published case as anyone may read it: the API leaves out what its organisation kept inside. */
export function publicCaseQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: [...publicCasesQueryKey, 'one', caseId] as const,
    queryFn: () => api.get<CaseDetail>(`${publicBase}/${segment(caseId)}`),
  });
}

/** Where a public case's file is served without login. */
export function publicAttachmentHref(caseId: string, attachmentId: string): string {
  return `${publicBase}/${segment(caseId)}/attachments/${segment(attachmentId)}`;
}

export function caseQueryOptions(orgId: string, caseId: string) {
  return queryOptions({
    queryKey: caseQueryKey(orgId, caseId),
    queryFn: () => api.get<CaseDetail>(casePath(orgId, caseId)),
  });
}

/** Cases like this one, for 「似ている事例」. */
export function similarCasesQueryOptions(orgId: string, caseId: string) {
  return queryOptions({
    queryKey: [...caseQueryKey(orgId, caseId), 'similar'] as const,
    queryFn: () => api.get<SimilarCases>(`${casePath(orgId, caseId)}/similar`, { limit: 5 }),
    staleTime: 60_000,
  });
}

/** Cases whose title or text match `q`, a few at a time, for picking one (横展開元). */
/** Cases to pick by typing: every case the reader may see, or the organisation's own. */
export function casePickQueryOptions(orgId: string, q: string, from: 'all' | 'own' = 'all') {
  return queryOptions({
    queryKey: [...casesQueryKey(orgId), 'pick', q, from] as const,
    queryFn: () => api.get<CaseSearchResult>(base(orgId), { q, limit: 8, from }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function reporterCandidatesQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'case-reporter-candidates'] as const,
    queryFn: () =>
      api.get<{ id: string; displayName: string }[]>(`/api/orgs/${segment(orgId)}/cases/reporter-candidates`),
    staleTime: 5 * 60_000,
  });
}

export function caseTagsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'case-tags'] as const,
    queryFn: () => api.get<{ id: string; name: string }[]>(`/api/orgs/${segment(orgId)}/case-tags`),
    staleTime: 5 * 60_000,
  });
}

export const caseApi = {
  create: (orgId: string, input: CaseInput) => api.post<{ id: string }>(base(orgId), input),
  update: (orgId: string, caseId: string, input: CaseInput) => api.put<CaseDetail>(casePath(orgId, caseId), input),
  remove: (orgId: string, caseId: string) => api.delete<void>(casePath(orgId, caseId)),
  review: (orgId: string, caseId: string, input: ReviewActionInput) =>
    api.post<CaseDetail>(`${casePath(orgId, caseId)}/review`, input),
  award: (orgId: string, caseId: string, award: { fiscalYear: number; name: string }) =>
    api.post<CaseDetail>(`${casePath(orgId, caseId)}/awards`, award),
  removeAttachment: (orgId: string, caseId: string, attachmentId: string) =>
    api.delete<void>(`${casePath(orgId, caseId)}/attachments/${segment(attachmentId)}`),
};

/** After a change, searches, the case and the tag list may all differ. */
export function useRefreshCases(orgId: string) {
  const queryClient = useQueryClient();
  return async (detail?: CaseDetail) => {
    if (detail) queryClient.setQueryData(caseQueryKey(orgId, detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: casesQueryKey(orgId),
        predicate: (query) => !detail || query.queryKey[4] !== detail.id,
      }),
      queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'case-tags'] }),
    ]);
  };
}
