import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  createMember,
  createOrg,
  createOrgWithAdmin,
  createUser,
  logIn,
  TEST_PASSWORD,
} from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

/** Checks that must hold when requests arrive together (PostgreSQL runs them truly in parallel). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_PER_ACCOUNT: '3', LOGIN_MAX_PER_IP: '1000' });
});
afterAll(() => t.close());

describe('administrators', () => {
  it('two admins demoting each other at once leave one admin', async () => {
    const { org, admin, cookie } = await createOrgWithAdmin(t);
    const second = await createMember(t, { orgId: org.id, role: 'org_admin' });
    const secondCookie = await logIn(t, second.user.email);
    const [a, b] = await Promise.all([
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}/members/${second.membership.id}`,
        headers: { cookie },
        payload: { role: 'staff' },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}/members/${admin.membership.id}`,
        headers: { cookie: secondCookie },
        payload: { role: 'staff' },
      }),
    ]);
    // The second one is refused either way: as the last admin (409) or, when the first change
    // committed before its request was authorised, as someone who is no longer an admin (403).
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const admins = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/members?role=org_admin`,
      headers: { cookie: a.statusCode === 200 ? cookie : secondCookie },
    });
    expect(admins.json()).toHaveLength(1);
  });

  it('the platform organisation keeps a platform administrator, whatever org admins it has', async () => {
    const platform = await createOrg(t, { kind: 'npo', isPlatform: true, name: '運営' });
    const root = await createMember(t, { orgId: platform.id, role: 'platform_admin', position: 'other' });
    await createMember(t, { orgId: platform.id, role: 'org_admin', position: 'other' });
    const cookie = await logIn(t, root.user.email);
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${platform.id}/members/${root.membership.id}`,
      headers: { cookie },
      payload: { role: 'org_admin' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_admin');
    const list = await t.app.inject({ method: 'GET', url: '/api/platform/orgs', headers: { cookie } });
    expect(list.statusCode).toBe(200);
  });
});

describe('departments', () => {
  it('two crossing moves at once cannot make a cycle', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const add = async (name: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/orgs/${org.id}/departments`,
          headers: { cookie },
          payload: { name, level: 'division' },
        })
      ).json().id as string;
    const a = await add('甲課');
    const b = await add('乙課');
    const results = await Promise.all([
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}/departments/${a}`,
        headers: { cookie },
        payload: { parentId: b },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}/departments/${b}`,
        headers: { cookie },
        payload: { parentId: a },
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
  });
});

describe('registering the same local government twice at once', () => {
  it('registers it once and refuses the other with a conflict, not a server error', async () => {
    const platform = await createOrg(t, { kind: 'npo', isPlatform: true, name: '運営2' });
    const root = await createMember(t, { orgId: platform.id, role: 'platform_admin', position: 'other' });
    const cookie = await logIn(t, root.user.email);
    const register = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/platform/orgs',
        headers: { cookie },
        payload: { kind: 'municipality', name: '川崎市', lgCode: '141305' },
      });
    const results = await Promise.all([register(), register(), register()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('lg_code_taken');
  });
});

describe('password guessing', () => {
  it('counts parallel wrong logins before checking them', async () => {
    const user = await createUser(t);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: 'wrong guess!' },
        }),
      ),
    );
    const codes = attempts.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(5);
  });

  it('limits password guesses through an invitation link like a login', async () => {
    const target = await createUser(t);
    const { org, cookie } = await createOrgWithAdmin(t);
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/invitations`,
      headers: { cookie },
      payload: { email: target.email, role: 'staff', position: 'staff' },
    });
    const [mail] = await t.mailsTo(target.email);
    const token = mail?.text.match(/invite\/([A-Za-z0-9_-]+)/)?.[1];
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/invitations/${token}/accept`,
        payload: { password: `guess number ${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });

  it('a person in two organisations still logs in after joining the second', async () => {
    const { user } = await createMember(t);
    const other = await createOrg(t);
    await addMembership(t, { userId: user.id, orgId: other.id, role: 'staff' });
    await logIn(t, user.email, TEST_PASSWORD);
  });
});
