import { describe, expect, it } from 'vitest';
import type { WorkshopNote, WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { applyEvent, withNote } from './workshop-events.js';

const view: WorkshopView = {
  id: '00000000-0000-4000-8000-000000000001',
  title: '職場の対話',
  code: 'ABC234',
  roundTitle: '上期',
  grouping: 'position',
  status: 'open',
  currentItemKey: 'a',
  revealed: [],
  pollOpen: false,
  items: [],
  groups: [],
  notes: [],
  tally: {
    k: 3,
    computedAt: '2026-11-30T00:00:00.000Z',
    revealed: [],
    participants: 0,
    items: [],
    poll: { n: 0, counts: null },
    waiting: null,
  },
  lastEventId: 10,
};

const note = (notes: string): WorkshopNote => ({
  scope: 'all',
  itemKey: 'a',
  notes,
  nextMove: '',
  agreedLevel: 2,
  agreedReason: '',
  updatedAt: '2026-11-30T12:00:00.000Z',
});

describe('live workshop events in the cache', () => {
  it('steps and reveals from a state event, and remembers the event', () => {
    const next = applyEvent(
      view,
      'state',
      { status: 'open', currentItemKey: 'b', revealed: ['a'], pollOpen: true, groups: [] },
      11,
    );
    expect(next).toMatchObject({ currentItemKey: 'b', revealed: ['a'], pollOpen: true, lastEventId: 11 });
  });

  it('skips an event the view already includes, so a late one cannot take the screen back', () => {
    const next = applyEvent(view, 'state', { ...view, currentItemKey: 'z' }, 9);
    expect(next).toBe(view);
  });

  it('replaces the tally, and a note of the same scope and item', () => {
    const tally = { ...view.tally, participants: 3 };
    expect(applyEvent(view, 'tally', tally, 12).tally.participants).toBe(3);
    const once = withNote(view, note('一度目'));
    const twice = applyEvent(once, 'note', note('二度目'), 13);
    expect(twice.notes.map((n) => n.notes)).toEqual(['二度目']);
  });
});
