import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, logIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { mails } from '../db/schema/mails.js';
import { purgeExpiredRows } from './housekeeping.js';
import { newId } from './ids.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('housekeeping', () => {
  it('deletes ended sessions and old rate-limit windows, and keeps live ones', async () => {
    const user = await createUser(t);
    const live = await logIn(t, user.email);
    t.clock.advance(-40 * 86_400_000);
    const old = await createUser(t);
    await logIn(t, old.email);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: old.email, password: 'wrong password' },
    });
    t.clock.advance(40 * 86_400_000);
    const removed = await purgeExpiredRows(t.database.db, t.clock.now());
    expect(removed.sessions).toBe(1);
    expect(removed.rateLimits).toBeGreaterThanOrEqual(1);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: live } });
    expect(me.statusCode).toBe(200);
  });
});

describe('mails SMTP has not taken', () => {
  it('are given up after a day without their links; younger ones and kept ones stay as they are', async () => {
    const link = 'http://kaizen.test/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-';
    const insert = (id: string, status: 'pending' | 'stored', daysAgo: number) =>
      t.database.db.insert(mails).values({
        id,
        orgId: null,
        to: `${id.slice(0, 8)}@example.jp`,
        subject: '件名',
        text: `本文 ${link}`,
        status,
        createdAt: new Date(t.clock.now().getTime() - daysAgo * 86_400_000),
      });
    const [stale, fresh, kept] = [newId(), newId(), newId()];
    await insert(stale, 'pending', 2);
    await insert(fresh, 'pending', 0);
    await insert(kept, 'stored', 2);
    expect((await purgeExpiredRows(t.database.db, t.clock.now())).mailsGivenUp).toBe(1);
    const rows = new Map((await t.database.db.select().from(mails)).map((m) => [m.id, m]));
    expect(rows.get(stale)).toMatchObject({ status: 'failed', text: '本文 http://kaizen.test/invite/••••••' });
    expect(rows.get(fresh)).toMatchObject({ status: 'pending', text: `本文 ${link}` });
    expect(rows.get(kept)).toMatchObject({ status: 'stored', text: `本文 ${link}` });
  });
});
