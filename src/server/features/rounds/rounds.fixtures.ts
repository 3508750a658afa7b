import { expect } from 'vitest';
import { japanDate } from '../../../../test/rounds.js';
import { send, type TenancyFixture } from '../../../../test/tenancy.js';

const emptyResponse = { position: 'staff', departmentId: null, mostImportantItemKey: null, answers: [] };
/** A response stating the department it comes from, which must be one of the round's organisation. */
const responseFrom = (v: Record<string, string>) => ({ ...emptyResponse, departmentId: v.departmentId });

/** An open, named round on the template, with a draft response of the admin and of the staff member. */
export const roundsFixture: TenancyFixture = {
  async setUp(t, tenant, made) {
    const today = japanDate(t.clock.now());
    const round = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${tenant.org.id}/rounds`,
      headers: { cookie: tenant.cookie },
      payload: {
        title: `${tenant.label}の実施`,
        templateId: made.values.templateId,
        version: 1,
        scopeKind: 'org',
        opensOn: today,
        closesOn: today,
        // Named, so that reading individual answers is a route the admin may use.
        anonymous: false,
      },
    });
    expect(round.statusCode, round.body).toBe(201);
    const roundId = round.json().id as string;
    for (const cookie of [tenant.cookie, tenant.staffCookie]) {
      const draft = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${tenant.org.id}/rounds/${roundId}/my-response`,
        headers: { cookie },
        payload: emptyResponse,
      });
      expect(draft.statusCode, draft.body).toBe(201);
    }
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${tenant.org.id}/rounds/${roundId}`,
      headers: { cookie: tenant.cookie },
    });
    const roundToken = new URLSearchParams(String(detail.json().joinPath).split('?')[1]).get('token');
    if (!roundToken) throw new Error('the round has no link');
    const earlier = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${tenant.org.id}/rounds`,
      headers: { cookie: tenant.cookie },
      payload: {
        title: '前回の実施',
        templateId: made.values.templateId,
        version: 1,
        scopeKind: 'org',
        opensOn: today,
        closesOn: today,
      },
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    return { values: { roundId, roundToken, earlierRoundId: earlier.json().id, today } };
  },
  // Ids in query strings are the organisation's too: the test also sends the other one's.
  queries: {
    'GET /api/orgs/:orgId/rounds': (v) => `templateId=${v.templateId}`,
    'GET /api/orgs/:orgId/rounds/:roundId/results': (v) =>
      `compareTo=${v.earlierRoundId}&departmentId=${v.departmentId}`,
    'GET /api/orgs/:orgId/rounds/:roundId/export': (v) => `departmentId=${v.departmentId}`,
    'GET /api/orgs/:orgId/departments/:departmentId/sheet-trend': (v) => `templateId=${v.templateId}`,
  },
  bodies: {
    'POST /api/orgs/:orgId/rounds': (v) => ({
      title: '二つ目の実施',
      templateId: v.templateId,
      version: 1,
      scopeKind: 'departments',
      departmentIds: [v.departmentId],
      opensOn: v.today,
      closesOn: v.today,
    }),
    'POST /api/orgs/:orgId/rounds/join': (v) => ({ token: v.roundToken }),
    'PATCH /api/orgs/:orgId/rounds/:roundId': { title: '書き換え' },
    'POST /api/orgs/:orgId/rounds/:roundId/close': {},
    'DELETE /api/orgs/:orgId/rounds/:roundId': {},
    'POST /api/orgs/:orgId/rounds/:roundId/invitations': { to: 'everyone' },
    // Both already answered: a second start is refused before its department is looked at.
    'POST /api/orgs/:orgId/rounds/:roundId/my-response': emptyResponse,
    'PUT /api/orgs/:orgId/rounds/:roundId/my-response': responseFrom,
  },
  rules: [
    {
      rule: "A round's link works only in its own organisation: B's people given A's link under B are refused",
      routes: ['POST /api/orgs/:orgId/rounds/join'],
      async check({ t, a, b }) {
        for (const cookie of [b.cookie, b.staffCookie]) {
          const joined = await send(t, {
            method: 'POST',
            url: `/api/orgs/${b.org.id}/rounds/join`,
            cookie,
            body: { token: a.values.roundToken ?? '' },
          });
          expect(joined.status).toBe(410);
          expect(joined.code).toBe('token_invalid');
        }
        const own = await send(t, {
          method: 'POST',
          url: `/api/orgs/${a.org.id}/rounds/join`,
          cookie: a.staffCookie,
          body: { token: a.values.roundToken ?? '' },
        });
        expect(own.status, own.text).toBe(200);
      },
    },
  ],
};
