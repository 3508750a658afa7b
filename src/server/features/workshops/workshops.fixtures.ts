import { expect } from 'vitest';
import type { TestApp } from '../../../../test/harness.js';
import { cookieFrom, send, type TenancyFixture, type Tenant } from '../../../../test/tenancy.js';
import { participantCookie } from './participants.js';

/** Opens a workshop on a round; returns its id and join code. */
async function openWorkshop(t: TestApp, tenant: Tenant, roundId: string, extra: Record<string, unknown> = {}) {
  const workshop = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${tenant.org.id}/workshops`,
    headers: { cookie: tenant.cookie },
    payload: { roundId, title: `${tenant.label}の対話`, grouping: 'position', ...extra },
  });
  expect(workshop.statusCode, workshop.body).toBe(201);
  return { workshopId: workshop.json().id as string, code: workshop.json().code as string };
}

/**
 * A live workshop on the round, grouped by position, with one participant who joined by its code
 * without an account (in the staff's group).
 */
export const workshopsFixture: TenancyFixture = {
  async setUp(t, tenant, made) {
    const { workshopId, code } = await openWorkshop(t, tenant, made.values.roundId ?? '');
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: `${tenant.label}さん`, position: 'staff' },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const participant = cookieFrom(joined);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/workshops/${workshopId}/me`,
      headers: { cookie: participant },
    });
    return {
      values: {
        workshopId,
        workshopCode: code,
        participantId: joined.json().participantId,
        groupId: view.json().me.groupId,
      },
      callers: { participant },
    };
  },
  bodies: {
    'POST /api/orgs/:orgId/workshops': (v) => ({ roundId: v.roundId, title: '二つ目の対話', grouping: 'position' }),
    'PATCH /api/orgs/:orgId/workshops/:workshopId': { currentItemKey: 'vision-sharing', pollOpen: true },
    'PUT /api/orgs/:orgId/workshops/:workshopId/notes': (v) => ({
      scope: v.groupId,
      itemKey: 'vision-sharing',
      notes: '書き換え',
    }),
    'PATCH /api/orgs/:orgId/workshops/:workshopId/participants/:participantId': (v) => ({ groupId: v.groupId }),
    'PUT /api/workshops/:workshopId/answers': { itemKey: 'vision-sharing', level: 2 },
    'PUT /api/workshops/:workshopId/poll': { itemKey: 'vision-sharing' },
  },
  callers: {
    'GET /api/workshops/:workshopId/me': 'participant',
    'PUT /api/workshops/:workshopId/answers': 'participant',
    'PUT /api/workshops/:workshopId/poll': 'participant',
    'GET /api/workshops/:workshopId/events': 'participant',
  },
  rules: [
    {
      rule: "A workshop's code is its invitation: whoever has it finds the workshop and joins it, unless it takes only its organisation's members",
      routes: ['GET /api/workshops/lookup', 'POST /api/workshops/join'],
      instead: true,
      async check({ t, a, b }) {
        const lookup = await send(t, { method: 'GET', url: `/api/workshops/lookup?code=${a.values.workshopCode}` });
        expect(lookup.status).toBe(200);
        expect(JSON.parse(lookup.text)).toMatchObject({ workshopId: a.values.workshopId, requireAccount: false });
        const open = await send(t, {
          method: 'POST',
          url: '/api/workshops/join',
          cookie: b.cookie,
          body: { code: a.values.workshopCode ?? '', nickname: 'Bの人', position: 'staff' },
        });
        expect(open.status, open.text).toBe(201);
        const members = await openWorkshop(t, a, a.values.roundId ?? '', { requireAccount: true });
        for (const cookie of [undefined, b.cookie, b.staffCookie]) {
          const refused = await send(t, {
            method: 'POST',
            url: '/api/workshops/join',
            cookie,
            body: { code: members.code, nickname: 'Bの人', position: 'staff' },
          });
          expect(refused.status).toBe(403);
          expect(refused.code).toBe('workshop_account_required');
        }
        const own = await send(t, {
          method: 'POST',
          url: '/api/workshops/join',
          cookie: a.staffCookie,
          body: { code: members.code, nickname: 'Aの職員', position: 'staff' },
        });
        expect(own.status, own.text).toBe(201);
      },
    },
    {
      rule: "A participant's cookie is for its own workshop: renamed for another organisation's workshop it reaches nothing there",
      routes: ['GET /api/workshops/:workshopId/me', 'PUT /api/workshops/:workshopId/answers'],
      async check({ t, a, b }) {
        const value = (a.callers.participant ?? '').split('=')[1] ?? '';
        const forged = `${participantCookie(b.values.workshopId ?? '')}=${value}`;
        const me = await send(t, { method: 'GET', url: `/api/workshops/${b.values.workshopId}/me`, cookie: forged });
        expect(me.status).toBe(404);
        const answer = await send(t, {
          method: 'PUT',
          url: `/api/workshops/${b.values.workshopId}/answers`,
          cookie: forged,
          body: { itemKey: 'vision-sharing', level: 2 },
        });
        expect(answer.status).toBe(404);
      },
    },
  ],
};
