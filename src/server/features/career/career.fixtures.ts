import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { publishCase } from '../../../../test/cases.js';
import { addMembership, createMember, logIn } from '../../../../test/factories.js';
import { send, type TenancyFixture } from '../../../../test/tenancy.js';
import { memberships } from '../../db/schema/memberships.js';

const entry = { kind: 'project', title: '窓口改革プロジェクト', startedOn: '2025-04-01', reflection: '振り返り' };

/**
 * The staff member's career map: one entry, shared with the organisation's facilitator. The map is
 * the person's, not the organisation's, so its routes are for the person and for who they chose.
 */
export const careerFixture: TenancyFixture = {
  async setUp(t, tenant, made) {
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/me/career/entries',
      headers: { cookie: tenant.staffCookie },
      payload: { ...entry, title: `${tenant.label}の${entry.title}` },
    });
    expect(added.statusCode, added.body).toBe(201);
    const shared = await t.app.inject({
      method: 'PUT',
      url: '/api/me/career/shares',
      headers: { cookie: tenant.staffCookie },
      payload: { facilitatorIds: [made.values.facilitatorUserId] },
    });
    expect(shared.statusCode, shared.body).toBe(200);
    return {
      values: { entryId: added.json().id, userId: tenant.staff.user.id },
      callers: { careerOwner: tenant.staffCookie },
    };
  },
  bodies: {
    'POST /api/me/career/entries': entry,
    'PUT /api/me/career/entries/:entryId': { ...entry, title: '書き換え' },
    'DELETE /api/me/career/entries/:entryId': {},
    'PUT /api/me/career/shares': (v) => ({ facilitatorIds: [v.facilitatorUserId] }),
  },
  // The map's own routes are read by the person who keeps one, so what they return is not empty.
  callers: {
    'GET /api/me/career': 'careerOwner',
    'GET /api/me/career/export': 'careerOwner',
    'GET /api/me/career/facilitators': 'careerOwner',
    'GET /api/career-maps/shared-with-me': 'facilitator',
    'POST /api/me/career/entries': 'careerOwner',
    'PUT /api/me/career/entries/:entryId': 'careerOwner',
    'DELETE /api/me/career/entries/:entryId': 'careerOwner',
    'PUT /api/me/career/shares': 'careerOwner',
    'GET /api/career-maps/:userId': 'facilitator',
  },
  rules: [
    {
      rule: "A career map is read by the facilitators its person chose, in whichever organisation, until the share is withdrawn, and by nobody else; outside a case's organisation it shows only the cases that organisation shares",
      routes: ['GET /api/career-maps/:userId', 'GET /api/career-maps/shared-with-me', 'PUT /api/me/career/shares'],
      async check({ t, a, b }) {
        const internal = await publishCase(t, a.org.id, a.cookie, {
          title: 'Aの庁内だけの事例',
          reporterIds: [a.staff.user.id],
          sharing: 'org',
        });
        const navigator = await createMember(t, { orgId: b.org.id, role: 'facilitator', position: 'other' });
        const inA = await addMembership(t, { userId: navigator.user.id, orgId: a.org.id, role: 'facilitator' });
        const cookie = await logIn(t, navigator.user.email);
        const url = `/api/career-maps/${a.values.userId}`;
        const read = () => send(t, { method: 'GET', url, cookie });
        // Not chosen: the same 404 as for a person who does not exist, for A's own admin too.
        for (const other of [cookie, a.cookie, b.cookie])
          expect((await send(t, { method: 'GET', url, cookie: other })).status).toBe(404);
        const share = (facilitatorIds: string[]) =>
          send(t, { method: 'PUT', url: '/api/me/career/shares', cookie: a.staffCookie, body: { facilitatorIds } });
        expect((await share([a.values.facilitatorUserId ?? '', navigator.user.id])).status).toBe(200);
        const asMember = await read();
        expect(asMember.status).toBe(200);
        expect(JSON.parse(asMember.text).shares).toEqual([]);
        expect(asMember.text).toContain(internal);
        const list = await send(t, { method: 'GET', url: '/api/career-maps/shared-with-me', cookie });
        expect(list.text).toContain(a.values.userId);
        // The navigator leaves A: the share is the person's and stays, A's internal case does not.
        await t.database.db.delete(memberships).where(eq(memberships.id, inA.id));
        const fromB = await read();
        expect(fromB.status).toBe(200);
        expect(fromB.text).not.toContain(internal);
        expect((await share([a.values.facilitatorUserId ?? ''])).status).toBe(200);
        expect((await read()).status).toBe(404);
        // B's facilitator is no facilitator of the person's organisations, so cannot be chosen.
        expect((await share([b.values.facilitatorUserId ?? ''])).status).toBe(400);
      },
    },
  ],
};
