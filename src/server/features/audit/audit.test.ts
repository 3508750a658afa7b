import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records every write with who did it, and filters by action, actor, target and day, in pages', async () => {
    const { org, cookie, admin } = await createOrgWithAdmin(t);
    t.clock.set(new Date('2026-04-01T10:00:00+09:00'));
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/departments`,
        headers: { cookie },
        payload: { name: `課${i}`, level: 'division' },
      });
    }
    t.clock.set(new Date('2026-04-02T23:30:00+09:00'));
    await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: { cookie },
      payload: { name: '監査市' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/invitations`,
      headers: { cookie },
      payload: { email: 'audit-invitee@example.jp', role: 'staff', position: 'staff' },
    });

    const base = `/api/orgs/${org.id}/audit-events`;
    const get = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `${base}?${query}`, headers: { cookie } })).json();

    const firstPage = await get('action=department.create&limit=2');
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.items[0].actorName).toBe(admin.user.displayName);
    const secondPage = await get(`action=department.create&limit=2&cursor=${firstPage.nextCursor}`);
    const thirdPage = await get(`action=department.create&limit=2&cursor=${secondPage.nextCursor}`);
    expect(thirdPage.items).toHaveLength(1);
    expect(thirdPage.nextCursor).toBeNull();
    const ids = [...firstPage.items, ...secondPage.items, ...thirdPage.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(5);

    expect((await get('targetType=organization')).items[0].changes.name[1]).toBe('監査市');
    expect((await get('from=2026-04-02&to=2026-04-02')).items.map((e: { action: string }) => e.action).sort()).toEqual([
      'invitation.create',
      'org.update',
    ]);
    expect((await get('from=2026-04-01&to=2026-04-01')).items).toHaveLength(5);
    expect((await get(`actorId=${admin.user.id}&limit=200`)).items.length).toBeGreaterThanOrEqual(7);
  });

  it('is for org admins only', async () => {
    const { org } = await createOrgWithAdmin(t);
    const staff = await createMember(t, { orgId: org.id, role: 'facilitator' });
    const cookie = await logIn(t, staff.user.email);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/audit-events`, headers: { cookie } })).statusCode,
    ).toBe(403);
  });
});

describe('outbox', () => {
  it("keeps the organisation's mails for its admins when no SMTP server is configured", async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/invitations`,
      headers: { cookie },
      payload: { email: 'outbox-reader@example.jp', role: 'staff', position: 'staff' },
    });
    const outbox = await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/outbox`, headers: { cookie } });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json()[0]).toMatchObject({ to: 'outbox-reader@example.jp', status: 'stored' });
    expect(outbox.json()[0].text).toContain('http://kaizen.test/invite/');
    const other = await createOrgWithAdmin(t);
    const otherOutbox = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${other.org.id}/outbox`,
      headers: { cookie: other.cookie },
    });
    expect(otherOutbox.json()).toEqual([]);
  });
});
