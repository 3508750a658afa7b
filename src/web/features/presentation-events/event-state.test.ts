import { describe, expect, it } from 'vitest';
import type {
  EventComment,
  Presentation,
  PresentationEventView,
} from '../../../shared/workshops/presentation-schema.js';
import { applyLiveEvent, clockOf, commentsOf, minutesSeconds, withClock } from './event-state.js';

const presentation: Presentation = {
  id: '00000000-0000-4000-8000-0000000000a1',
  title: '窓口の待ち時間を半分に',
  presenter: '市民課',
  caseId: null,
  startedAt: null,
  endedAt: null,
};

const view: PresentationEventView = {
  id: '00000000-0000-4000-8000-000000000001',
  title: '事例発表会',
  code: 'ABC234',
  minutes: 5,
  status: 'open',
  currentPresentationId: presentation.id,
  voteOpen: false,
  resultsPublished: false,
  presentations: [presentation],
  criteria: [{ key: 'c1', label: '効果' }],
  comments: [],
  counts: { audience: 0, judges: 0, voted: 0 },
  results: null,
  serverNow: '2026-12-01T01:00:00.000Z',
  lastEventId: 10,
};

const comment = (id: string, body: string, hidden = false, createdAt = '2026-12-01T01:00:01.000Z'): EventComment => ({
  id,
  presentationId: presentation.id,
  author: null,
  body,
  hidden,
  createdAt,
});

describe('presentation event live events', () => {
  it('adds a comment, then replaces it by id when it is hidden', () => {
    const id = '00000000-0000-4000-8000-0000000000c1';
    const added = applyLiveEvent(view, 'comment', comment(id, 'いいですね'), 11);
    expect(added.comments).toHaveLength(1);
    const hidden = applyLiveEvent(added, 'comment', comment(id, '', true), 12);
    expect(hidden.comments).toEqual([comment(id, '', true)]);
    expect(commentsOf(hidden, presentation.id)).toEqual([]);
    expect(commentsOf(hidden, presentation.id, { withHidden: true })).toHaveLength(1);
  });

  it('skips an event the view already includes', () => {
    expect(applyLiveEvent(view, 'counts', { audience: 9, judges: 9, voted: 9 }, 10)).toBe(view);
  });

  it('marks the results announced when they arrive', () => {
    const results = { judges: 1, votes: 0, maxTotal: 5, presentations: [] };
    const next = applyLiveEvent({ ...view, voteOpen: true }, 'results', results, 11);
    expect(next).toMatchObject({ resultsPublished: true, voteOpen: false, results });
  });

  it('lists comments newest first', () => {
    const older = comment('00000000-0000-4000-8000-0000000000c1', '一', false, '2026-12-01T01:00:01.000Z');
    const newer = comment('00000000-0000-4000-8000-0000000000c2', '二', false, '2026-12-01T01:00:02.000Z');
    expect(commentsOf({ comments: [older, newer] }, presentation.id).map((c) => c.body)).toEqual(['二', '一']);
  });
});

describe('presenter clock', () => {
  it('counts down on the server clock, whatever the device clock says', () => {
    // The phone's clock is 30 s behind the server's.
    const clocked = withClock(view, Date.parse(view.serverNow) - 30_000);
    expect(clocked.clockOffset).toBe(30_000);
    const started = { ...presentation, startedAt: '2026-12-01T01:00:00.000Z' };
    const phoneNow = Date.parse('2026-12-01T01:00:00.000Z') - 30_000 + 60_000;
    expect(clockOf(started, 5, clocked.clockOffset, phoneNow)).toEqual({
      state: 'running',
      remainingMs: 240_000,
      totalMs: 300_000,
    });
    expect(clockOf(started, 5, clocked.clockOffset, phoneNow + 240_000).state).toBe('over');
  });

  it('shows the time used once stopped, and the time allowed before the start', () => {
    const stopped = { ...presentation, startedAt: '2026-12-01T01:00:00.000Z', endedAt: '2026-12-01T01:04:05.000Z' };
    expect(clockOf(stopped, 5, 0)).toEqual({ state: 'stopped', usedMs: 245_000, totalMs: 300_000 });
    expect(clockOf(presentation, 5, 0)).toEqual({ state: 'waiting', totalMs: 300_000 });
    expect(minutesSeconds(245_000, 'down')).toBe('4:05');
    expect(minutesSeconds(59_001)).toBe('1:00');
  });
});
