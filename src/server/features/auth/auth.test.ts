import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createUser, logIn, TEST_PASSWORD } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_IP: '6' });
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('logs in, reports the person with permissions, and logs out', async () => {
    const { user } = await createMember(t, { role: 'org_admin' });
    const cookie = await logIn(t, user.email.toUpperCase());
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().memberships[0].permissions).toContain('member.manage');

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('sets an httpOnly SameSite cookie, not Secure over plain HTTP', async () => {
    const user = await createUser(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'kn_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
  });

  it('refuses a wrong password with the same answer as an unknown address', async () => {
    const user = await createUser(t);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the password' },
      remoteAddress: '10.9.0.1',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.jp', password: 'not the password' },
      remoteAddress: '10.9.0.2',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().title).toBe(wrong.json().title);
  });

  it('rate-limits failed logins per account, even from many addresses', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'wrong password' },
        remoteAddress: `10.1.0.${i}`,
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      remoteAddress: '10.1.0.99',
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('account_locked');
    expect(blocked.json().messages.ja).toContain('しばらく');
    t.clock.advance(16 * 60 * 1000);
    await logIn(t, user.email, TEST_PASSWORD, '10.1.0.100');
  });

  it('never refuses a correct password because of failures from the same address (one proxy for a city hall)', async () => {
    for (let i = 0; i < 8; i++) {
      const failed = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `guess${i}@example.jp`, password: 'wrong password' },
        remoteAddress: '10.2.0.1',
      });
      expect(failed.statusCode).toBe(401);
    }
    const user = await createUser(t);
    await logIn(t, user.email, TEST_PASSWORD, '10.2.0.1');
  });

  it('logs out everywhere', async () => {
    const user = await createUser(t);
    const first = await logIn(t, user.email);
    const second = await logIn(t, user.email);
    const sessions = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: first } });
    expect(sessions.json()).toHaveLength(2);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout-all',
      headers: { cookie: first },
      payload: {},
    });
    expect(r.json().ended).toBe(2);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } });
    expect(me.statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const user = await createUser(t);
    const cookie = await logIn(t, user.email);
    t.clock.advance(31 * 86_400_000);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a write whose Origin is another site', async () => {
    const user = await createUser(t);
    const cookie = await logIn(t, user.email);
    const r = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie, origin: 'https://evil.example', host: 'kaizen.test' },
      payload: { displayName: '乗っ取り' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('csrf');
  });
});

describe('profile and password', () => {
  it('updates name and language, and audits it', async () => {
    const { user } = await createMember(t);
    const cookie = await logIn(t, user.email);
    const r = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { displayName: '新しい 名前', locale: 'en' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ displayName: '新しい 名前', locale: 'en' });
  });

  it('changes the password only with the current one, ending other sessions', async () => {
    const user = await createUser(t);
    const cookie = await logIn(t, user.email);
    const other = await logIn(t, user.email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'nope', newPassword: 'a much better passphrase' },
    });
    expect(wrong.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(
      401,
    );
    await logIn(t, user.email, 'a much better passphrase');
  });

  it('resets a forgotten password through a mailed link that works once', async () => {
    const user = await createUser(t);
    const oldCookie = await logIn(t, user.email);
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: user.email },
    });
    expect(request.statusCode).toBe(202);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'nobody-here@example.jp' },
    });
    expect(unknown.statusCode).toBe(202);
    const [mail] = await t.waitForMails(user.email);
    const token = mail?.text.match(/reset-password\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'brand new passphrase' },
    });
    expect(confirm.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'another passphrase!' },
    });
    expect(again.statusCode).toBe(410);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: oldCookie } })).statusCode,
    ).toBe(401);
    await logIn(t, user.email, 'brand new passphrase');
  });

  it('refuses an expired reset link', async () => {
    const user = await createUser(t);
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
    const [mail] = await t.waitForMails(user.email);
    const token = mail?.text.match(/reset-password\/([A-Za-z0-9_-]+)/)?.[1];
    t.clock.advance(61 * 60 * 1000);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'brand new passphrase' },
    });
    expect(r.statusCode).toBe(410);
  });
});

describe('behind a TLS-terminating proxy', () => {
  it('marks the session cookie Secure when the proxy says the request was HTTPS', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: 'loopback' });
    try {
      const user = await createUser(proxied);
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'kn_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });
});

describe('session probe', () => {
  it('answers null without a session and the person with one', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });
    const user = await createUser(t);
    const cookie = await logIn(t, user.email);
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(signedIn.json().me.email).toBe(user.email);
  });
});

describe('reset links after a reset', () => {
  it('ends every other open reset link of the person', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 2; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
      await t.waitForMails(user.email, i + 1);
    }
    const tokens = (await t.mailsTo(user.email)).map((m) => m.text.match(/reset-password\/([A-Za-z0-9_-]+)/)?.[1]);
    expect(tokens).toHaveLength(2);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: tokens[0], password: 'first new passphrase' },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: tokens[1], password: 'second new passphrase' },
    });
    expect(second.statusCode).toBe(410);
  });
});
