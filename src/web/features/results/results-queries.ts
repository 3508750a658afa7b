import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseSuggestions } from '../../../shared/cases/case-schema.js';
import type { CarryNextMoveInput, PlanDraftMove } from '../../../shared/plans/draft-schema.js';
import type {
  namedResponsesSchema,
  RoundDetail,
  RoundResults,
  RoundSummary,
  UnitSpread,
  UnitTrend,
} from '../../../shared/sheets/round-schema.js';
import { api, segment } from '../../lib/api.js';
import type { Language } from '../../lib/i18n/language.js';
import { roundsQueryKey } from '../rounds/round-queries.js';

declare module '@tanstack/history' {
  interface HistoryState {
    /** Set by the results page's links to a unit's trend, so the trend page can lead back to those results. */
    fromRoundId?: string;
  }
}

export type NamedResponse = z.infer<typeof namedResponsesSchema>[number];
export type { CaseSuggestions, PlanDraftMove, RoundDetail, RoundResults, RoundSummary, UnitSpread, UnitTrend };

/** The filters of a results view, as the address keeps them. */
export interface ResultsFilters {
  departmentId?: string | undefined;
  position?: string | undefined;
  compareTo?: string | undefined;
}

export type ExportFormat = 'csv' | 'xlsx';
export type ExportKind = 'group' | 'mine' | 'responses';

const orgBase = (orgId: string) => `/api/orgs/${segment(orgId)}`;
const roundBase = (orgId: string, roundId: string) => `${orgBase(orgId)}/rounds/${segment(roundId)}`;

/** The rounds of one template, to choose one to compare with. */
export function templateRoundsQueryOptions(orgId: string, templateId: string) {
  return queryOptions({
    queryKey: [...roundsQueryKey(orgId), { templateId }],
    queryFn: () => api.get<RoundSummary[]>(`${orgBase(orgId)}/rounds`, { templateId }),
  });
}

export function resultsQueryOptions(orgId: string, roundId: string, filters: ResultsFilters) {
  return queryOptions({
    queryKey: [...roundsQueryKey(orgId), roundId, 'results', filters],
    queryFn: () => api.get<RoundResults>(`${roundBase(orgId, roundId)}/results`, { ...filters }),
    // Changing a filter keeps the last view on screen until the new one arrives.
    placeholderData: (previous) => previous,
  });
}

/** Published cases for the round's 3 weakest items, for the same department and position as the page. */
export function caseSuggestionsQueryOptions(
  orgId: string,
  roundId: string,
  filters: Pick<ResultsFilters, 'departmentId' | 'position'>,
) {
  const { departmentId, position } = filters;
  return queryOptions({
    queryKey: [...roundsQueryKey(orgId), roundId, 'case-suggestions', { departmentId, position }],
    queryFn: () =>
      api.get<CaseSuggestions>(`${roundBase(orgId, roundId)}/case-suggestions`, { departmentId, position }),
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });
}

export function unitSpreadQueryOptions(orgId: string, roundId: string) {
  return queryOptions({
    queryKey: [...roundsQueryKey(orgId), roundId, 'unit-spread'],
    queryFn: () => api.get<UnitSpread>(`${roundBase(orgId, roundId)}/unit-spread`),
  });
}

export function namedResponsesQueryOptions(orgId: string, roundId: string) {
  return queryOptions({
    queryKey: [...roundsQueryKey(orgId), roundId, 'responses'],
    queryFn: () => api.get<NamedResponse[]>(`${roundBase(orgId, roundId)}/responses`),
  });
}

/** Without a template the server follows the one of the organisation's latest round. */
export function unitTrendQueryOptions(orgId: string, departmentId: string, templateId: string | undefined) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'departments', departmentId, 'sheet-trend', templateId ?? null],
    queryFn: () =>
      api.get<UnitTrend>(`${orgBase(orgId)}/departments/${segment(departmentId)}/sheet-trend`, { templateId }),
  });
}

/**
 * Where results are downloaded as a file, with headings in the person's language; the server names
 * the file and sets the download header.
 */
export function roundExportHref(
  orgId: string,
  roundId: string,
  options: { format: ExportFormat; kind: ExportKind; lang: Language },
  filters: Pick<ResultsFilters, 'departmentId' | 'position'> = {},
): string {
  const { format, kind, lang } = options;
  const params = new URLSearchParams({ format, kind, lang });
  if (kind === 'group' && filters.departmentId) params.set('departmentId', filters.departmentId);
  if (kind === 'group' && filters.position) params.set('position', filters.position);
  return `${roundBase(orgId, roundId)}/export?${params.toString()}`;
}

export const planDraftsQueryKey = (orgId: string) => ['orgs', orgId, 'plan-drafts'] as const;

export function planDraftsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: planDraftsQueryKey(orgId),
    queryFn: () => api.get<PlanDraftMove[]>(`${orgBase(orgId)}/plan-drafts/moves`),
  });
}

export const planDraftApi = {
  carry: (orgId: string, input: CarryNextMoveInput) =>
    api.post<PlanDraftMove>(`${orgBase(orgId)}/plan-drafts/moves`, input),
  updateNote: (orgId: string, moveId: string, note: string | null) =>
    api.patch<PlanDraftMove>(`${orgBase(orgId)}/plan-drafts/moves/${segment(moveId)}`, { note }),
  remove: (orgId: string, moveId: string) => api.delete<void>(`${orgBase(orgId)}/plan-drafts/moves/${segment(moveId)}`),
};

/** A carried, edited or removed move changes the person's list of drafts. */
export function useRefreshPlanDrafts(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planDraftsQueryKey(orgId) });
}
