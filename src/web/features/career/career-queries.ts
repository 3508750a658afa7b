import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CareerEntry,
  CareerEntryInput,
  CareerMap,
  careerFacilitatorsSchema,
  sharedCareerMapsSchema,
} from '../../../shared/career/career-schema.js';
import { api, segment } from '../../lib/api.js';
import type { Language } from '../../lib/i18n/language.js';

const mine = '/api/me/career';
export const myCareerQueryKey = ['me', 'career'] as const;

export const myCareerQueryOptions = queryOptions({
  queryKey: myCareerQueryKey,
  queryFn: () => api.get<CareerMap>(mine),
});

export const careerFacilitatorsQueryOptions = queryOptions({
  queryKey: ['me', 'career', 'facilitators'] as const,
  queryFn: () => api.get<z.infer<typeof careerFacilitatorsSchema>>(`${mine}/facilitators`),
});

export const sharedCareerMapsQueryOptions = queryOptions({
  queryKey: ['career-maps', 'shared-with-me'] as const,
  queryFn: () => api.get<z.infer<typeof sharedCareerMapsSchema>>('/api/career-maps/shared-with-me'),
});

export function sharedCareerMapQueryOptions(userId: string) {
  return queryOptions({
    queryKey: ['career-maps', userId] as const,
    queryFn: () => api.get<CareerMap>(`/api/career-maps/${segment(userId)}`),
    // A map that is not (or no longer) shared is a 404: asking again will not change that.
    retry: false,
  });
}

export const careerApi = {
  createEntry: (input: CareerEntryInput) => api.post<CareerEntry>(`${mine}/entries`, input),
  updateEntry: (id: string, input: CareerEntryInput) => api.put<CareerEntry>(`${mine}/entries/${segment(id)}`, input),
  deleteEntry: (id: string) => api.delete<void>(`${mine}/entries/${segment(id)}`),
  saveShares: (facilitatorIds: string[]) => api.put<CareerMap>(`${mine}/shares`, { facilitatorIds }),
};

/** Reloads the person's map after a change. */
export function useRefreshCareer() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: myCareerQueryKey, exact: true });
}

/** A download of the whole map; the table's headings in the page's language. */
export function careerExportHref(format: 'csv' | 'xlsx' | 'json', lang: Language): string {
  return `${mine}/export?${new URLSearchParams({ format, lang }).toString()}`;
}
