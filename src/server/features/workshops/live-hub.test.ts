import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRound, importTemplate } from '../../../../test/rounds.js';
import { type LiveEvent, LiveHub, type Subscriber, supersededIds } from './live.js';
import * as repo from './repo.js';

/**
 * The hub that hands a workshop's events to its open streams, at seminar size: each event's text
 * is made once per variant of stream (a group's participants, the facilitators), not once per
 * stream, and a pass that carries several tallies sends each stream only the last one.
 */

let t: TestApp;
let workshopId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrgWithAdmin(t, { name: 'ライブ市' });
  const { templateId } = await importTemplate(t, org.org.id, org.cookie);
  const roundId = await createRound(t, org.org.id, org.cookie, { templateId, anonymityThreshold: 3 });
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.org.id}/workshops`,
    headers: { cookie: org.cookie },
    payload: { roundId, title: '千人のセミナー', grouping: 'position' },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  workshopId = (opened.json() as { id: string }).id;
});
afterAll(() => t.close());

const addEvent = (kind: string, audience: 'all' | 'facilitator', payload: unknown) =>
  repo.insertEvent(t.database.db, { workshopId, kind, audience, payload, now: new Date() });

interface Stream {
  variant: string;
  texts: string[];
  seen: number[];
  subscriber: Subscriber;
}

function stream(audience: 'all' | 'facilitator', variant: string, formatted: { n: number }, after: number): Stream {
  const s: Stream = { variant, texts: [], seen: [], subscriber: undefined as unknown as Subscriber };
  s.subscriber = {
    audience,
    lastId: after,
    variant: () => s.variant,
    format: (event: LiveEvent) => {
      formatted.n++;
      return `${event.id}:${event.kind}:${s.variant};`;
    },
    observe: (event) => s.seen.push(event.id),
    write: (text) => s.texts.push(text),
    close: () => {},
  };
  return s;
}

async function until(check: () => boolean) {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the live hub', () => {
  it('makes each text once per variant and sends a pass only its last tally, to a thousand streams', async () => {
    const before = await repo.lastEventId(t.database.db, workshopId);
    const hub = new LiveHub(t.database, t.database.db, { sweepMs: 60_000 });
    await hub.start();
    const formatted = { n: 0 };
    const participants = Array.from({ length: 1000 }, (_, i) => stream('all', `group:${i % 4}`, formatted, before));
    const facilitators = [
      stream('facilitator', 'whole', formatted, before),
      stream('facilitator', 'whole', formatted, before),
    ];
    const closers = [...participants, ...facilitators].map((s) => hub.subscribe(workshopId, s.subscriber));
    // Once every stream has the first event, later ones come by NOTIFY to all streams at once.
    const opening = await addEvent('note', 'all', { notes: '' });
    await until(() => [...participants, ...facilitators].every((s) => s.subscriber.lastId === opening));
    formatted.n = 0;
    // Committed together, the five events reach the streams in one pass, as when a server fell behind.
    const [first, state, second, , progress] = await t.database.db.transaction(async (tx) => {
      const ids: number[] = [];
      const add = async (kind: string, audience: 'all' | 'facilitator', payload: unknown) =>
        ids.push(await repo.insertEvent(tx, { workshopId, kind, audience, payload, now: new Date() }));
      await add('tally', 'all', { v: 1 });
      await add('state', 'all', { currentItemKey: 'vision' });
      await add('tally', 'all', { v: 2 });
      await add('progress', 'facilitator', { v: 1 });
      await add('progress', 'facilitator', { v: 2 });
      return ids;
    });
    await until(() => [...participants, ...facilitators].every((s) => s.subscriber.lastId === progress));

    // Four groups × (state, last tally) and one facilitator text × (state, last tally, last progress).
    expect(formatted.n).toBe(4 * 2 + 3);
    const one = participants[5] as Stream;
    expect(one.texts.slice(1).join('')).toBe(`${state}:state:group:1;${second}:tally:group:1;`);
    // A stream sees every event meant for it, the superseded ones included (e.g. to follow a move).
    expect(one.seen).toEqual([opening, first, state, second]);
    expect(facilitators[0]?.texts.slice(1).join('')).toBe(
      `${state}:state:whole;${second}:tally:whole;${progress}:progress:whole;`,
    );

    // Later events arrive by NOTIFY; a stream that moved to another group gets that group's text.
    one.variant = 'group:3';
    const third = await addEvent('tally', 'all', { v: 3 });
    await until(() => participants.every((s) => s.subscriber.lastId === third));
    expect(one.texts.at(-1)).toBe(`${third}:tally:group:3;`);
    expect(participants[4]?.texts.at(-1)).toBe(`${third}:tally:group:0;`);
    expect(formatted.n).toBe(4 * 2 + 3 + 4 + 1);
    for (const close of closers) close();
    await hub.stop();
  });

  it('spaces the passes of a large room, and sends what came meanwhile as one', async () => {
    const hub = new LiveHub(t.database, t.database.db, { sweepMs: 60_000, passGapPerStreamMs: 2 });
    await hub.start();
    const formatted = { n: 0 };
    const before = await repo.lastEventId(t.database.db, workshopId);
    const streams = Array.from({ length: 300 }, (_, i) => stream('all', `group:${i % 2}`, formatted, before));
    const writes: number[] = [];
    const watched = streams[0] as Stream;
    const write = watched.subscriber.write;
    watched.subscriber.write = (text) => {
      writes.push(Date.now());
      write(text);
    };
    const closers = streams.map((s) => hub.subscribe(workshopId, s.subscriber));
    const first = await addEvent('tally', 'all', { v: 1 });
    await until(() => watched.subscriber.lastId === first);
    // Three tallies while the room's pass waits its 600 ms: the next pass carries the last alone.
    await addEvent('tally', 'all', { v: 2 });
    await addEvent('tally', 'all', { v: 3 });
    const last = await addEvent('tally', 'all', { v: 4 });
    await until(() => streams.every((s) => s.subscriber.lastId === last));
    expect(watched.texts).toEqual([`${first}:tally:group:0;`, `${last}:tally:group:0;`]);
    expect((writes[1] ?? 0) - (writes[0] ?? 0)).toBeGreaterThanOrEqual(580);
    for (const close of closers) close();
    await hub.stop();
  });

  it('keeps every event that is not replaced by a later one of its kind and audience', () => {
    const events = [
      { id: 1, kind: 'tally', audience: 'all' as const },
      { id: 2, kind: 'note', audience: 'all' as const },
      { id: 3, kind: 'progress', audience: 'facilitator' as const },
      { id: 4, kind: 'tally', audience: 'all' as const },
      { id: 5, kind: 'note', audience: 'all' as const },
      { id: 6, kind: 'counts', audience: 'all' as const },
    ];
    expect([...supersededIds(events)]).toEqual([1]);
  });
});
