import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type {
  CommentInput,
  CreatePresentationEventInput,
  EventComment,
  EventParticipantView,
  FacilitatorEventView,
  PresentationControlInput,
  PresentationInput,
  ScoreInput,
} from '../../../shared/workshops/presentation-schema.js';
import { api, segment } from '../../lib/api.js';
import type { LiveEventWriter } from '../workshops/workshop-queries.js';
import { applyLiveEvent, type Clocked, withClock } from './event-state.js';

export type FacilitatorView = Clocked<FacilitatorEventView>;
export type ParticipantView = Clocked<EventParticipantView>;

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/presentation-events`;
const eventPath = (orgId: string, workshopId: string) => `${base(orgId)}/${segment(workshopId)}`;
const participantPath = (workshopId: string) => `/api/presentation-events/${segment(workshopId)}`;

export const eventQueryKey = (orgId: string, workshopId: string) =>
  ['orgs', orgId, 'presentation-events', workshopId] as const;
export const eventParticipantQueryKey = (workshopId: string) => ['presentation-events', workshopId, 'me'] as const;

/** Kept up to date by the live stream, like a workshop's view: no refetch on focus. */
export function eventQueryOptions(orgId: string, workshopId: string) {
  return queryOptions({
    queryKey: eventQueryKey(orgId, workshopId),
    queryFn: async () => withClock(await api.get<FacilitatorEventView>(eventPath(orgId, workshopId))),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function eventParticipantQueryOptions(workshopId: string) {
  return queryOptions({
    queryKey: eventParticipantQueryKey(workshopId),
    queryFn: async () => withClock(await api.get<EventParticipantView>(`${participantPath(workshopId)}/me`)),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export const eventApi = {
  create: (orgId: string, input: CreatePresentationEventInput) =>
    api.post<{ id: string; code: string }>(base(orgId), input),
  control: async (orgId: string, workshopId: string, input: PresentationControlInput) =>
    withClock(await api.patch<FacilitatorEventView>(eventPath(orgId, workshopId), input)),
  saveProgramme: async (orgId: string, workshopId: string, presentations: PresentationInput[]) =>
    withClock(await api.put<FacilitatorEventView>(`${eventPath(orgId, workshopId)}/programme`, { presentations })),
  moderate: (orgId: string, workshopId: string, commentId: string, hidden: boolean) =>
    api.patch<EventComment>(`${eventPath(orgId, workshopId)}/comments/${segment(commentId)}`, { hidden }),
  exportUrl: (orgId: string, workshopId: string, format: 'csv' | 'xlsx', lang: string) =>
    `${eventPath(orgId, workshopId)}/export?format=${format}&lang=${lang}`,
  comment: (workshopId: string, input: CommentInput) =>
    api.post<EventComment>(`${participantPath(workshopId)}/comments`, input),
  score: (workshopId: string, input: ScoreInput) => api.put<void>(`${participantPath(workshopId)}/scores`, input),
  vote: (workshopId: string, presentationId: string) =>
    api.put<void>(`${participantPath(workshopId)}/vote`, { presentationId }),
};

/** The kinds of live events a presentation event's streams carry. */
export const eventKinds = ['event-state', 'comment', 'counts', 'scoring', 'results'] as const;

export const facilitatorStreamUrl = (orgId: string, workshopId: string) =>
  `/api/orgs/${segment(orgId)}/workshops/${segment(workshopId)}/events`;
export const participantStreamUrl = (workshopId: string) => `/api/workshops/${segment(workshopId)}/events`;

/** Writes a live event into the view cached under `queryKey`. */
export function eventWriter(queryKey: readonly unknown[]): LiveEventWriter {
  return (queryClient: QueryClient, kind: string, payload: unknown, id: number) => {
    queryClient.setQueryData<Clocked<FacilitatorEventView | EventParticipantView>>(queryKey, (view) =>
      view ? applyLiveEvent(view, kind, payload, id) : view,
    );
  };
}

/** A comment the page got back from the server (posted or moderated) replaces the one with its id. */
export function putComment(queryClient: QueryClient, queryKey: readonly unknown[], comment: EventComment): void {
  queryClient.setQueryData<Clocked<FacilitatorEventView | EventParticipantView>>(queryKey, (view) =>
    view ? applyLiveEvent(view, 'comment', comment, 0) : view,
  );
}
