import type { WorkshopNote, WorkshopTally, WorkshopView } from '../../../shared/workshops/workshop-schema.js';

/** A note written for the whole workshop or a group, replacing the one it updates. */
export function withNote<T extends WorkshopView>(view: T, note: WorkshopNote): T {
  const others = view.notes.filter((n) => !(n.scope === note.scope && n.itemKey === note.itemKey));
  return { ...view, notes: [...others, note] };
}

type StatePayload = Pick<WorkshopView, 'status' | 'currentItemKey' | 'revealed' | 'pollOpen' | 'groups'>;

/**
 * What one live event changes in a view: state, tally or a note (progress lives in its own query).
 * An event the view already includes (a view fetched or returned after it) is skipped, so a late
 * event cannot take the screen back.
 */
export function applyEvent<T extends WorkshopView>(view: T, kind: string, payload: unknown, id: number): T {
  if (id > 0 && id <= view.lastEventId) return view;
  const next = { ...view, lastEventId: Math.max(view.lastEventId, id) };
  if (kind === 'state') return { ...next, ...(payload as StatePayload) };
  if (kind === 'tally') return { ...next, tally: payload as WorkshopTally };
  if (kind === 'note') return withNote(next, payload as WorkshopNote);
  return next;
}
