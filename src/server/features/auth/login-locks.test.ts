import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn, TEST_PASSWORD } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { addressBucket, loginLimitsFrom, slowDownFor } from './login-locks.js';

/**
 * Failed logins are limited without letting one address shut out everyone behind it: per account
 * and address, per account from anywhere (a lock an org admin can see and lift, and a password
 * reset ends), and per address only by answering failures more slowly.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    LOGIN_MAX_PER_ACCOUNT: '4',
    LOGIN_MAX_PER_ADDRESS_AND_ACCOUNT: '2',
    LOGIN_MAX_PER_IP: '5',
    LOGIN_SLOWDOWN_MS: '1',
  });
});
afterAll(() => t.close());

const attempt = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('failed logins', () => {
  it('stop one account from one address, while the same person logs in from elsewhere', async () => {
    const { user } = await createMember(t);
    for (let i = 0; i < 2; i++) expect((await attempt(user.email, 'wrong', '10.9.0.1')).statusCode).toBe(401);
    const refused = await attempt(user.email, TEST_PASSWORD, '10.9.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    // Refused attempts check no password and do not bring the account's lock nearer.
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, 'wrong', '10.9.0.1')).statusCode).toBe(429);
    await logIn(t, user.email, TEST_PASSWORD, '10.9.0.2');
  });

  it('from one address over many accounts slow down but never refuse a colleague behind the same address', async () => {
    const ip = '10.9.1.1';
    for (let i = 0; i < 12; i++) {
      const failed = await attempt(`spray${i}@example.jp`, 'wrong', ip);
      expect(failed.statusCode).toBe(401);
    }
    const { user } = await createMember(t);
    await logIn(t, user.email, TEST_PASSWORD, ip);
    const limits = loginLimitsFrom(t.deps.env);
    expect(slowDownFor(5, limits)).toBe(0);
    expect(slowDownFor(6, limits)).toBe(1);
    expect(slowDownFor(10_000, { ...limits, slowDownMs: 250 })).toBe(3000);
  });

  it('from a busy address are hashed one at a time: a flood at once is refused unhashed, a colleague still gets in', async () => {
    const ip = '10.9.5.1';
    for (let i = 0; i < 6; i++) expect((await attempt(`hot${i}@example.jp`, 'wrong', ip)).statusCode).toBe(401);
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(`flood${i}@example.jp`, 'wrong', ip).then((r) => r.statusCode)),
    );
    expect(flood.every((s) => s === 401 || s === 429)).toBe(true);
    expect(flood.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(flood.filter((s) => s === 401).length).toBeGreaterThanOrEqual(20);
    const { user } = await createMember(t);
    await logIn(t, user.email, TEST_PASSWORD, ip);
  });

  it('count an IPv6 network as one address, by its /64', async () => {
    expect(addressBucket('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressBucket('10.0.0.1')).toBe('10.0.0.1');
    expect(addressBucket(null)).toBe('unknown');
    const { user } = await createMember(t);
    expect((await attempt(user.email, 'wrong', '2001:db8:9:9::1')).statusCode).toBe(401);
    expect((await attempt(user.email, 'wrong', '2001:db8:9:9::2')).statusCode).toBe(401);
    // The third from the same /64 is the pair's third: refused, as from one address.
    expect((await attempt(user.email, TEST_PASSWORD, '2001:db8:9:9:ffff::3')).statusCode).toBe(429);
    await logIn(t, user.email, TEST_PASSWORD, '2001:db8:9:a::1');
  });

  it('lock an account guessed from many addresses; its org admin sees the lock, lifts it, and it is audited', async () => {
    const { org, cookie: admin } = await createOrgWithAdmin(t);
    const staff = await createMember(t, { orgId: org.id, role: 'staff' });
    for (let i = 0; i < 4; i++) expect((await attempt(staff.user.email, 'wrong', `10.9.2.${i}`)).statusCode).toBe(401);
    const locked = await attempt(staff.user.email, TEST_PASSWORD, '10.9.2.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/login-locks`,
      headers: { cookie: admin },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      { membershipId: staff.membership.id, displayName: staff.user.displayName, lockedUntil: expect.any(String) },
    ]);

    // Neither a staff member nor another organisation's admin sees or lifts it.
    const staffCookie = await logIn(
      t,
      (await createMember(t, { orgId: org.id })).user.email,
      TEST_PASSWORD,
      '10.9.3.1',
    );
    const byStaff = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/login-locks`,
      headers: { cookie: staffCookie },
    });
    expect(byStaff.statusCode).toBe(403);
    const other = await createOrgWithAdmin(t);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${other.org.id}/login-locks/${staff.membership.id}`,
      headers: { cookie: other.cookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await attempt(staff.user.email, TEST_PASSWORD, '10.9.2.98')).statusCode).toBe(429);

    const lifted = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/login-locks/${staff.membership.id}`,
      headers: { cookie: admin },
    });
    expect(lifted.statusCode).toBe(200);
    await logIn(t, staff.user.email, TEST_PASSWORD, '10.9.2.97');
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/login-locks`,
      headers: { cookie: admin },
    });
    expect(after.json()).toEqual([]);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/audit-events?action=membership.login_unlock`,
      headers: { cookie: admin },
    });
    expect(audit.json().items).toHaveLength(1);

    // Each lift is another round of guesses: three a day, then the person resets their password.
    const lift = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/orgs/${org.id}/login-locks/${staff.membership.id}`,
        headers: { cookie: admin },
      });
    expect((await lift()).statusCode).toBe(200);
    expect((await lift()).statusCode).toBe(200);
    const fourth = await lift();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().code).toBe('login_unlock_limit');
  });

  it('end when the person resets their password, and by themselves after the window', async () => {
    const { user } = await createMember(t);
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong', `10.9.4.${i}`);
    expect((await attempt(user.email, TEST_PASSWORD, '10.9.4.50')).statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    await logIn(t, user.email, TEST_PASSWORD, '10.9.4.51');

    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong', `10.9.4.${i + 10}`);
    expect((await attempt(user.email, TEST_PASSWORD, '10.9.4.52')).statusCode).toBe(429);
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: user.email },
      remoteAddress: '10.9.4.53',
    });
    expect(requested.statusCode).toBe(202);
    const [mail] = await t.waitForMails(user.email);
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a new long password 2026' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    await logIn(t, user.email, 'a new long password 2026', '10.9.4.54');
  });
});
