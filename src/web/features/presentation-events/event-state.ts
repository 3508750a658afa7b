import type {
  EventComment,
  EventCounts,
  EventResults,
  EventState,
  FacilitatorEventView,
  Presentation,
  PresentationEventView,
} from '../../../shared/workshops/presentation-schema.js';

/**
 * A view with how far this device's clock is behind the server's (ms), measured when it was read,
 * so every screen counts a presenter's time down from the same moment.
 */
export type Clocked<T extends PresentationEventView> = T & { clockOffset: number };

export function withClock<T extends PresentationEventView>(view: T, now = Date.now()): Clocked<T> {
  const server = Date.parse(view.serverNow);
  return { ...view, clockOffset: Number.isFinite(server) ? server - now : 0 };
}

/**
 * What one live event changes in a view. An event the view already includes (a view fetched after
 * it) is skipped, so a late event cannot take the screen back; a comment replaces the one with its
 * id (it is sent again when hidden or shown).
 */
export function applyLiveEvent<T extends PresentationEventView>(
  view: T,
  kind: string,
  payload: unknown,
  id: number,
): T {
  if (id > 0 && id <= view.lastEventId) return view;
  const next = { ...view, lastEventId: Math.max(view.lastEventId, id) };
  switch (kind) {
    case 'event-state':
      return { ...next, ...(payload as EventState) };
    case 'comment':
      return { ...next, comments: withComment(next.comments, payload as EventComment) };
    case 'counts':
      return { ...next, counts: payload as EventCounts };
    case 'scoring':
      return 'scoring' in next ? { ...next, scoring: payload as FacilitatorEventView['scoring'] } : next;
    case 'results':
      return { ...next, results: payload as EventResults, resultsPublished: true, voteOpen: false };
    default:
      return next;
  }
}

function withComment(comments: EventComment[], comment: EventComment): EventComment[] {
  const index = comments.findIndex((c) => c.id === comment.id);
  if (index < 0) return [...comments, comment];
  const copy = comments.slice();
  copy[index] = comment;
  return copy;
}

export function currentOf(view: EventState): { presentation: Presentation; index: number } | null {
  const index = view.presentations.findIndex((p) => p.id === view.currentPresentationId);
  const presentation = view.presentations[index];
  return presentation ? { presentation, index } : null;
}

/** A presentation's comments, newest first; hidden ones only when asked (the facilitator's wall). */
export function commentsOf(
  view: Pick<PresentationEventView, 'comments'>,
  presentationId: string,
  { withHidden = false }: { withHidden?: boolean } = {},
): EventComment[] {
  return view.comments
    .filter((c) => c.presentationId === presentationId && (withHidden || !c.hidden))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export type Clock =
  | { state: 'waiting'; totalMs: number }
  | { state: 'running'; remainingMs: number; totalMs: number }
  | { state: 'over'; totalMs: number }
  | { state: 'stopped'; usedMs: number; totalMs: number };

/**
 * A presenter's clock: not started, counting down (on the server's clock), time up, or stopped
 * with the time used.
 */
export function clockOf(presentation: Presentation, minutes: number, offsetMs: number, now = Date.now()): Clock {
  const totalMs = minutes * 60_000;
  if (!presentation.startedAt) return { state: 'waiting', totalMs };
  const started = Date.parse(presentation.startedAt);
  if (presentation.endedAt) return { state: 'stopped', usedMs: Date.parse(presentation.endedAt) - started, totalMs };
  const remainingMs = started + totalMs - (now + offsetMs);
  return remainingMs > 0 ? { state: 'running', remainingMs, totalMs } : { state: 'over', totalMs };
}

/** m:ss, rounding up while counting down so 0:00 shows only when the time is up. */
export function minutesSeconds(ms: number, round: 'up' | 'down' = 'up'): string {
  const seconds = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
