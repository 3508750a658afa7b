import { type QueryClient, queryOptions, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type {
  CreateWorkshopInput,
  JoinWorkshopInput,
  NoteInput,
  ParticipantView,
  WorkshopControlInput,
  WorkshopLookup,
  WorkshopNote,
  WorkshopProgress,
  WorkshopView,
  workshopListSchema,
} from '../../../shared/workshops/workshop-schema.js';
import { api, segment } from '../../lib/api.js';
import { applyEvent } from './workshop-events.js';

export type WorkshopList = z.infer<typeof workshopListSchema>;
export type { WorkshopLookup };

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/workshops`;
const workshopPath = (orgId: string, workshopId: string) => `${base(orgId)}/${segment(workshopId)}`;
const participantPath = (workshopId: string) => `/api/workshops/${segment(workshopId)}`;

export const workshopsQueryKey = (orgId: string) => ['orgs', orgId, 'workshops'] as const;
export const workshopQueryKey = (orgId: string, workshopId: string) =>
  [...workshopsQueryKey(orgId), workshopId] as const;
export const progressQueryKey = (orgId: string, workshopId: string) =>
  [...workshopQueryKey(orgId, workshopId), 'progress'] as const;
export const participantQueryKey = (workshopId: string) => ['workshops', workshopId, 'me'] as const;

export function workshopsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: workshopsQueryKey(orgId),
    queryFn: () => api.get<WorkshopList>(base(orgId)),
  });
}

/** Kept up to date by the live stream, so a refetch on focus is not needed and could go back in time. */
export function workshopQueryOptions(orgId: string, workshopId: string) {
  return queryOptions({
    queryKey: workshopQueryKey(orgId, workshopId),
    queryFn: () => api.get<WorkshopView>(workshopPath(orgId, workshopId)),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function progressQueryOptions(orgId: string, workshopId: string) {
  return queryOptions({
    queryKey: progressQueryKey(orgId, workshopId),
    queryFn: () => api.get<WorkshopProgress>(`${workshopPath(orgId, workshopId)}/progress`),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function participantQueryOptions(workshopId: string) {
  return queryOptions({
    queryKey: participantQueryKey(workshopId),
    queryFn: () => api.get<ParticipantView>(`${participantPath(workshopId)}/me`),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export const workshopApi = {
  create: (orgId: string, input: CreateWorkshopInput) => api.post<{ id: string; code: string }>(base(orgId), input),
  control: (orgId: string, workshopId: string, input: WorkshopControlInput) =>
    api.patch<WorkshopView>(workshopPath(orgId, workshopId), input),
  saveNote: (orgId: string, workshopId: string, input: NoteInput) =>
    api.put<WorkshopNote>(`${workshopPath(orgId, workshopId)}/notes`, input),
  lookup: (code: string) => api.get<WorkshopLookup>('/api/workshops/lookup', { code }),
  join: (input: JoinWorkshopInput) =>
    api.post<{ workshopId: string; participantId: string }>('/api/workshops/join', input),
  answer: (workshopId: string, itemKey: string, level: number | null) =>
    api.put<void>(`${participantPath(workshopId)}/answers`, { itemKey, level }),
  moveParticipant: (orgId: string, workshopId: string, participantId: string, groupId: string | null) =>
    api.patch<WorkshopProgress>(`${workshopPath(orgId, workshopId)}/participants/${segment(participantId)}`, {
      groupId,
    }),
  vote: (workshopId: string, itemKey: string) => api.put<void>(`${participantPath(workshopId)}/poll`, { itemKey }),
};

/** The join address people type or scan: /w/CODE on this site. */
export function joinUrl(code: string): string {
  return `${window.location.origin}/w/${code}`;
}

/** What one live event does to the cache; a presentation event's screens bring their own. */
export type LiveEventWriter = (queryClient: QueryClient, kind: string, payload: unknown, id: number) => void;

const sheetKinds = ['state', 'tally', 'note', 'progress'] as const;

/**
 * Follows a workshop's Server-Sent Events and writes each into the query cache. The stream opens
 * once, after the view is loaded, from the view's last event; the browser resumes it by itself
 * after a drop (it sends Last-Event-ID), and this hook opens a new one, after the last event it
 * has, when the browser gives up. Returns whether the stream is connected. A sheet workshop's
 * events are written to `queryKey` (and `progressKey`); other kinds of workshop pass their own
 * `kinds` and `writer`.
 */
export function useWorkshopEvents({
  url,
  queryKey,
  progressKey,
  lastEventId,
  kinds = sheetKinds,
  writer,
}: {
  url: string;
  queryKey: readonly unknown[];
  progressKey?: readonly unknown[] | undefined;
  /** Undefined until the view is loaded; the stream waits for it. */
  lastEventId: number | undefined;
  kinds?: readonly string[];
  writer?: LiveEventWriter | undefined;
}): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const ready = lastEventId !== undefined;
  const firstId = useRef<number | undefined>(undefined);
  if (firstId.current === undefined && lastEventId !== undefined) firstId.current = lastEventId;
  const key = JSON.stringify(queryKey);
  const progress = progressKey ? JSON.stringify(progressKey) : '';
  const kindList = kinds.join(',');
  // The latest writer, without reopening the stream when a page passes a new function.
  const writerRef = useRef(writer);
  writerRef.current = writer;

  useEffect(() => {
    if (!ready) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    // The last event this page has, so a stream opened anew resumes after it.
    let lastSeen = firstId.current ?? 0;
    const handle = (kind: string) => (event: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(event.data);
      } catch {
        return;
      }
      const id = Number(event.lastEventId) || 0;
      lastSeen = Math.max(lastSeen, id);
      if (writerRef.current) writerRef.current(queryClient, kind, payload, id);
      else write(queryClient, kind, payload, id, JSON.parse(key), progress ? JSON.parse(progress) : undefined);
    };
    const open = () => {
      const next = new EventSource(`${url}?after=${lastSeen}`);
      source = next;
      for (const kind of kindList.split(',')) next.addEventListener(kind, handle(kind));
      next.onopen = () => {
        delay = 1000;
        setConnected(true);
      };
      next.onerror = () => {
        setConnected(false);
        // The browser retries a dropped stream by itself, but gives up after an error answer
        // (a server restarting behind the load balancer): then this page opens a new one.
        if (next.readyState === EventSource.CLOSED) {
          next.close();
          retry = setTimeout(open, delay);
          delay = Math.min(delay * 2, 30_000);
        }
      };
    };
    open();
    return () => {
      if (retry) clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [ready, url, key, progress, kindList, queryClient]);

  return connected;
}

function write(
  queryClient: QueryClient,
  kind: string,
  payload: unknown,
  id: number,
  queryKey: unknown[],
  progressKey: unknown[] | undefined,
) {
  if (kind === 'progress') {
    if (progressKey) queryClient.setQueryData(progressKey, payload as WorkshopProgress);
    return;
  }
  queryClient.setQueryData<WorkshopView>(queryKey, (view) => (view ? applyEvent(view, kind, payload, id) : view));
}
