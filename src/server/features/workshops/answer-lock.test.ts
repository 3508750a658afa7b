import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRound, importTemplate } from '../../../../test/rounds.js';
import { workshopAnswers } from '../../db/schema/workshops.js';
import * as repo from './repo.js';

/**
 * An answer is saved by one statement that reads the workshop with a share lock: answers sent
 * while the facilitator locks land before the lock or are refused, and every acknowledged answer
 * is stored once with its level.
 */

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgWithAdmin>>;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgWithAdmin(t, { name: '施錠市' });
  const { templateId } = await importTemplate(t, org.org.id, org.cookie);
  roundId = await createRound(t, org.org.id, org.cookie, { templateId, anonymityThreshold: 3 });
});
afterAll(() => t.close());

async function join(code: string, nickname: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code, nickname, position: 'staff' },
  });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies[0];
  return `${cookie?.name}=${cookie?.value}`;
}

describe('answers and the lock', () => {
  it('stores every acknowledged answer once, and none after the lock', async () => {
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.org.id}/workshops`,
      headers: { cookie: org.cookie },
      payload: { roundId, title: '施錠の前後', grouping: 'position' },
    });
    const { id, code } = opened.json() as { id: string; code: string };
    const people = await Promise.all(['一', '二', '三', '四', '五'].map((n) => join(code, n)));
    const items = ['vision', 'sharing', 'challenge'];
    const sends = people.flatMap((cookie, p) =>
      items.map((itemKey, i) => ({ cookie, itemKey, level: 1 + ((p + i) % 3) })),
    );
    const answer = (s: (typeof sends)[number]) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/workshops/${id}/answers`,
        headers: { cookie: s.cookie },
        payload: { itemKey: s.itemKey, level: s.level },
      });
    const early = await Promise.all(sends.slice(0, 5).map(answer));
    expect(early.map((r) => r.statusCode)).toEqual([204, 204, 204, 204, 204]);
    const [locked, ...racing] = await Promise.all([
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.org.id}/workshops/${id}`,
        headers: { cookie: org.cookie },
        payload: { status: 'locked' },
      }),
      ...sends.slice(5).map(answer),
    ]);
    expect(locked?.statusCode).toBe(200);
    for (const r of racing) {
      if (r.statusCode !== 204) expect(r.json()).toMatchObject({ code: 'workshop_locked' });
    }
    const acknowledged = [...sends.slice(0, 5), ...sends.slice(5).filter((_, i) => racing[i]?.statusCode === 204)];
    const stored = await t.database.db.select().from(workshopAnswers).where(eq(workshopAnswers.workshopId, id));
    expect(stored).toHaveLength(acknowledged.length);

    // After the lock nothing lands, a change of level included, however late the check.
    const after = await answer({ ...(sends[0] as (typeof sends)[number]), level: 3 });
    expect(after.json()).toMatchObject({ code: 'workshop_locked' });
    const mine = stored.find((a) => a.itemKey === 'vision' && a.level === 1) as (typeof stored)[number];
    const saved = await repo.saveAnswerWhileOpen(t.database.db, {
      participantId: mine.participantId,
      workshopId: id,
      itemKey: 'vision',
      level: 3,
      now: new Date(),
    });
    expect(saved).toBe(false);
    const [kept] = await t.database.db
      .select()
      .from(workshopAnswers)
      .where(and(eq(workshopAnswers.participantId, mine.participantId), eq(workshopAnswers.itemKey, 'vision')));
    expect(kept?.level).toBe(1);
  });
});
