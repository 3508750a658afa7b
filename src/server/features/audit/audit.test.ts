import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrg, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { buildApp } from '../../app.js';
import { createMailer } from '../mail/mailer.js';

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
    const [mail] = outbox.json();
    expect(mail).toMatchObject({
      to: 'outbox-reader@example.jp',
      status: 'stored',
      hiddenLink: true,
      revealable: true,
    });
    // Reading the list is not enough to use the invitation: its link is hidden.
    expect(mail.text).toContain('http://kaizen.test/invite/••••••');
    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/outbox/${mail.id}/reveal`,
      headers: { cookie },
      payload: {},
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().text).toMatch(/http:\/\/kaizen\.test\/invite\/[A-Za-z0-9_-]{20,}/);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/audit-events?action=mail.reveal_link`,
      headers: { cookie },
    });
    expect(audit.json().items).toMatchObject([
      { action: 'mail.reveal_link', targetId: mail.id, changes: { to: 'outbox-reader@example.jp' } },
    ]);
    const other = await createOrgWithAdmin(t);
    const otherOutbox = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${other.org.id}/outbox`,
      headers: { cookie: other.cookie },
    });
    expect(otherOutbox.json()).toEqual([]);
    // Another organisation's admin cannot open this organisation's mail, by either address.
    for (const url of [
      `/api/orgs/${other.org.id}/outbox/${mail.id}/reveal`,
      `/api/orgs/${org.id}/outbox/${mail.id}/reveal`,
    ]) {
      const foreign = await t.app.inject({ method: 'POST', url, headers: { cookie: other.cookie }, payload: {} });
      expect(foreign.statusCode, url).toBe(404);
    }
  });

  it("records a platform admin's reading of a reset link in the person's own organisations too", async () => {
    const city = await createOrgWithAdmin(t);
    const staff = await createMember(t, { orgId: city.org.id });
    const platform = await createOrg(t, { kind: 'npo', isPlatform: true, name: '運営' });
    const root = await createMember(t, { orgId: platform.id, role: 'platform_admin', position: 'other' });
    const rootCookie = await logIn(t, root.user.email);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: staff.user.email },
    });
    expect(asked.statusCode).toBe(202);
    await t.waitForMails(staff.user.email);
    const outbox = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${platform.id}/outbox`,
      headers: { cookie: rootCookie },
    });
    const mail = outbox.json().find((m: { to: string }) => m.to === staff.user.email);
    expect(mail).toMatchObject({ orgId: null, hiddenLink: true, revealable: true });
    const revealed = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${platform.id}/outbox/${mail.id}/reveal`,
      headers: { cookie: rootCookie },
      payload: {},
    });
    expect(revealed.json().text).toMatch(/reset-password\/[A-Za-z0-9_-]{20,}/);
    const cityLog = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${city.org.id}/audit-events?action=mail.reveal_link`,
      headers: { cookie: city.cookie },
    });
    expect(cityLog.json().items).toMatchObject([{ actorId: root.user.id, targetId: mail.id }]);
  });

  it('never shows a working link where mails are sent, a failed one included', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    transport.sendMail = (async () => {
      throw new Error('mailbox unavailable');
    }) as typeof transport.sendMail;
    const smtp = await createTestApp();
    const mailer = createMailer({
      db: smtp.database.db,
      transport,
      from: 'x',
      publicUrl: 'http://kaizen.test',
      now: smtp.clock.now,
    });
    const app = await buildApp({ ...smtp.deps, mailer });
    try {
      const { org, cookie } = await createOrgWithAdmin({ ...smtp, app });
      const invited = await app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/invitations`,
        headers: { cookie },
        payload: { email: 'never-arrives@example.jp', role: 'staff', position: 'staff' },
      });
      expect(invited.statusCode).toBe(201);
      const [mail] = (
        await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/outbox`, headers: { cookie } })
      ).json();
      expect(mail).toMatchObject({
        status: 'pending',
        error: 'mailbox unavailable',
        hiddenLink: true,
        revealable: false,
      });
      expect(mail.text).not.toMatch(/invite\/[A-Za-z0-9_-]{20,}/);
      const refused = await app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/outbox/${mail.id}/reveal`,
        headers: { cookie },
        payload: {},
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('mail_link_unavailable');
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json().mail).toEqual({ delivery: 'smtp' });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
