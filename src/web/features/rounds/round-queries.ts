import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateRoundInput,
  InviteToRoundInput,
  inviteToRoundResultSchema,
  MyResponse,
  RoundDetail,
  RoundSummary,
  responseDefaultsSchema,
  SaveResponseInput,
  UpdateRoundInput,
} from '../../../shared/sheets/round-schema.js';
import { api, isApiError, segment } from '../../lib/api.js';

export type InviteResult = z.infer<typeof inviteToRoundResultSchema>;
export type ResponseDefaults = z.infer<typeof responseDefaultsSchema>;
export type { MyResponse, RoundDetail, RoundSummary, SaveResponseInput };

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/rounds`;
const roundPath = (orgId: string, roundId: string) => `${base(orgId)}/${segment(roundId)}`;

export const roundsQueryKey = (orgId: string) => ['orgs', orgId, 'rounds'] as const;
export const roundQueryKey = (orgId: string, roundId: string) => [...roundsQueryKey(orgId), roundId] as const;
export const myResponseQueryKey = (orgId: string, roundId: string) =>
  [...roundQueryKey(orgId, roundId), 'my-response'] as const;

export function roundsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: roundsQueryKey(orgId),
    queryFn: () => api.get<RoundSummary[]>(base(orgId)),
  });
}

export function roundQueryOptions(orgId: string, roundId: string) {
  return queryOptions({
    queryKey: roundQueryKey(orgId, roundId),
    queryFn: () => api.get<RoundDetail>(roundPath(orgId, roundId)),
  });
}

/** Whether I have a response to load: before my first save the server has none (and answers 404). */
export const hasMyResponse = (round: Pick<RoundSummary, 'myStatus'>) =>
  round.myStatus === 'draft' || round.myStatus === 'submitted';

/**
 * My response to a round, or null when there is none. Ask only when the round says there is one
 * (`hasMyResponse`): a 404 on every first visit would read as a fault in the browser's console.
 */
export function myResponseQueryOptions(orgId: string, roundId: string) {
  return queryOptions({
    queryKey: myResponseQueryKey(orgId, roundId),
    queryFn: async (): Promise<MyResponse | null> => {
      try {
        return await api.get<MyResponse>(`${roundPath(orgId, roundId)}/my-response`);
      } catch (error) {
        if (isApiError(error, 'not_found')) return null;
        throw error;
      }
    },
    // The answer page keeps its own copy while someone works; a refetch must not overwrite it.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function responseDefaultsQueryOptions(orgId: string, roundId: string) {
  return queryOptions({
    queryKey: [...roundQueryKey(orgId, roundId), 'response-defaults'] as const,
    queryFn: () => api.get<ResponseDefaults>(`${roundPath(orgId, roundId)}/response-defaults`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const roundApi = {
  create: (orgId: string, input: CreateRoundInput) => api.post<{ id: string }>(base(orgId), input),
  update: (orgId: string, roundId: string, input: UpdateRoundInput) =>
    api.patch<RoundSummary>(roundPath(orgId, roundId), input),
  close: (orgId: string, roundId: string) => api.post<RoundSummary>(`${roundPath(orgId, roundId)}/close`),
  remove: (orgId: string, roundId: string) => api.delete<void>(roundPath(orgId, roundId)),
  invite: (orgId: string, roundId: string, input: InviteToRoundInput) =>
    api.post<InviteResult>(`${roundPath(orgId, roundId)}/invitations`, input),
  join: (orgId: string, token: string) => api.post<{ roundId: string }>(`${base(orgId)}/join`, { token }),
  /** The first save of a response creates it; every later one replaces it. */
  createResponse: (orgId: string, roundId: string, input: SaveResponseInput) =>
    api.post<MyResponse>(`${roundPath(orgId, roundId)}/my-response`, input),
  replaceResponse: (orgId: string, roundId: string, input: SaveResponseInput) =>
    api.put<MyResponse>(`${roundPath(orgId, roundId)}/my-response`, input),
};

/** The absolute address of a round's link, to copy into a mail or a chat. */
export function absoluteJoinUrl(joinPath: string): string {
  return new URL(joinPath, window.location.origin).toString();
}

/** A change to a round shows in the list, in the round itself and in its counts. */
export function useRefreshRounds(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: roundsQueryKey(orgId) });
}
