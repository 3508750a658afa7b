import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  createDepartment,
  createMember,
  createOrg,
  createOrgWithAdmin,
  createUser,
  logIn,
  TEST_PASSWORD,
} from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function invite(orgId: string, cookie: string, payload: object) {
  return t.app.inject({ method: 'POST', url: `/api/orgs/${orgId}/invitations`, headers: { cookie }, payload });
}

async function tokenFor(email: string) {
  const [mail] = await t.mailsTo(email);
  return mail?.text.match(/invite\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
}

describe('invitations', () => {
  it('invites a new person by e-mail, who signs up and joins with role, position and department', async () => {
    const { org, cookie } = await createOrgWithAdmin(t, { name: '招待市' });
    const dept = await createDepartment(t, org.id, { name: '市民課' });
    const r = await invite(org.id, cookie, {
      email: 'New.Person@Example.jp',
      role: 'manager',
      position: 'section_chief',
      departmentId: dept.id,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ email: 'new.person@example.jp', role: 'manager' });

    const token = await tokenFor('new.person@example.jp');
    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({ orgName: '招待市', hasAccount: false });

    const missing = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: {} });
    expect(missing.statusCode).toBe(400);

    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: '新人 さん', password: 'new-person-pass' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().memberships[0]).toMatchObject({
      orgName: '招待市',
      role: 'manager',
      position: 'section_chief',
      departmentName: '市民課',
    });
    expect(accept.cookies.find((c) => c.name === 'kn_session')).toBeTruthy();

    const reuse = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { displayName: 'x', password: 'another-pass-1' },
    });
    expect(reuse.statusCode).toBe(410);
    const open = await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/invitations`, headers: { cookie } });
    expect(open.json()).toEqual([]);
  });

  it('lets a person with an account join a second organisation with their password', async () => {
    const existing = await createMember(t);
    const { org, cookie } = await createOrgWithAdmin(t, { name: '第二市' });
    await invite(org.id, cookie, { email: existing.user.email, role: 'staff', position: 'staff' });
    const token = await tokenFor(existing.user.email);
    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json().hasAccount).toBe(true);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'wrong-password' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships).toHaveLength(2);
  });

  it('refuses an invitation for someone already in, an expired one, and a revoked one', async () => {
    const { org, cookie, admin } = await createOrgWithAdmin(t);
    const dup = await invite(org.id, cookie, { email: admin.user.email, role: 'staff', position: 'staff' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('already_member');

    await invite(org.id, cookie, { email: 'late@example.jp', role: 'staff', position: 'staff' });
    const lateToken = await tokenFor('late@example.jp');
    t.clock.advance(15 * 86_400_000);
    const late = await t.app.inject({ method: 'GET', url: `/api/invitations/${lateToken}` });
    expect(late.statusCode).toBe(410);

    const created = await invite(org.id, cookie, { email: 'revoked@example.jp', role: 'staff', position: 'staff' });
    const revokedToken = await tokenFor('revoked@example.jp');
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/invitations/${created.json().id}`,
      headers: { cookie },
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${revokedToken}/accept`,
      payload: { displayName: 'x', password: 'password-long' },
    });
    expect(after.statusCode).toBe(410);
  });

  it('only lets a platform admin hand out platform_admin, and only in the platform organisation', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const r = await invite(org.id, cookie, { email: 'boss@example.jp', role: 'platform_admin', position: 'other' });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('role_not_allowed');
  });

  it('refuses a signed-in person accepting an invitation meant for another address', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    await invite(org.id, cookie, { email: 'meant-for@example.jp', role: 'staff', position: 'staff' });
    const token = await tokenFor('meant-for@example.jp');
    const stranger = await createUser(t);
    const strangerCookie = await logIn(t, stranger.email);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: strangerCookie },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('members', () => {
  it('lists, filters, edits and removes members; an organisation keeps an admin', async () => {
    const { org, cookie, admin } = await createOrgWithAdmin(t);
    const dept = await createDepartment(t, org.id, { name: '道路課' });
    const staff = await createMember(t, { orgId: org.id, role: 'staff', departmentId: dept.id });
    const all = await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members`, headers: { cookie } });
    expect(all.json()).toHaveLength(2);
    const inDept = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/members?departmentId=${dept.id}`,
      headers: { cookie },
    });
    expect(inDept.json().map((m: { userId: string }) => m.userId)).toEqual([staff.user.id]);
    const unplaced = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/members?departmentId=none`,
      headers: { cookie },
    });
    expect(unplaced.json().map((m: { userId: string }) => m.userId)).toEqual([admin.user.id]);
    const byName = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/members?q=${encodeURIComponent(staff.user.email.toUpperCase())}`,
      headers: { cookie },
    });
    expect(byName.json()).toHaveLength(1);

    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${staff.membership.id}`,
      headers: { cookie },
      payload: { role: 'manager', position: 'section_chief' },
    });
    expect(promote.json()).toMatchObject({ role: 'manager', position: 'section_chief', departmentName: '道路課' });

    const demoteSelf = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${admin.membership.id}`,
      headers: { cookie },
      payload: { role: 'staff' },
    });
    expect(demoteSelf.statusCode).toBe(409);
    expect(demoteSelf.json().code).toBe('last_admin');
    const removeSelf = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/members/${admin.membership.id}`,
      headers: { cookie },
      payload: {},
    });
    expect(removeSelf.statusCode).toBe(409);

    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/members/${staff.membership.id}`,
      headers: { cookie },
      payload: {},
    });
    expect(remove.statusCode).toBe(200);
    const left = await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members`, headers: { cookie } });
    expect(left.json()).toHaveLength(1);
  });

  it('lets a manager read members but not change them', async () => {
    const { org } = await createOrgWithAdmin(t);
    const manager = await createMember(t, { orgId: org.id, role: 'manager' });
    const cookie = await logIn(t, manager.user.email);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members`, headers: { cookie } })).statusCode,
    ).toBe(200);
    const r = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/members/${manager.membership.id}`,
      headers: { cookie },
      payload: { role: 'org_admin' },
    });
    expect(r.statusCode).toBe(403);
  });

  it('shows each membership in the organisation switcher', async () => {
    const person = await createMember(t, { role: 'staff' });
    const second = await createOrg(t, { name: '兼務先' });
    await addMembership(t, { userId: person.user.id, orgId: second.id, role: 'facilitator' });
    const cookie = await logIn(t, person.user.email);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const roles = me.json().memberships.map((m: { orgName: string; role: string }) => `${m.orgName}:${m.role}`);
    expect(roles).toContain('兼務先:facilitator');
    expect(roles).toHaveLength(2);
  });
});
