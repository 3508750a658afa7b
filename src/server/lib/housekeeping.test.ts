import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, logIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { purgeExpiredRows } from './housekeeping.js';

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
