import { expect } from 'vitest';
import { cookieFrom, type TenancyFixture } from '../../../../test/tenancy.js';

/**
 * A presentation event with one presentation (of the organisation's case), a judge who joined with
 * the judges' key, and a member of the audience who commented.
 */
export const presentationEventsFixture: TenancyFixture = {
  async setUp(t, tenant, made) {
    const event = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${tenant.org.id}/presentation-events`,
      headers: { cookie: tenant.cookie },
      payload: {
        title: `${tenant.label}の発表会`,
        criteria: ['効果'],
        presentations: [{ title: '発表', presenter: `${tenant.label}課`, caseId: made.values.caseId }],
      },
    });
    expect(event.statusCode, event.body).toBe(201);
    const eventId = event.json().id as string;
    const code = event.json().code as string;
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${tenant.org.id}/presentation-events/${eventId}`,
      headers: { cookie: tenant.cookie },
    });
    const { judgeKey, presentations } = view.json() as { judgeKey: string; presentations: { id: string }[] };
    const presentationId = presentations[0]?.id ?? '';
    const join = async (nickname: string, extra: Record<string, string> = {}) => {
      const joined = await t.app.inject({
        method: 'POST',
        url: '/api/workshops/join',
        payload: { code, nickname, position: 'staff', ...extra },
      });
      expect(joined.statusCode, joined.body).toBe(201);
      return cookieFrom(joined);
    };
    const audience = await join(`${tenant.label}の聴衆`);
    const judge = await join(`${tenant.label}の審査員`, { judgeKey });
    const said = await t.app.inject({
      method: 'POST',
      url: `/api/presentation-events/${eventId}/comments`,
      headers: { cookie: audience },
      payload: { presentationId, body: 'よかった' },
    });
    expect(said.statusCode, said.body).toBe(201);
    return {
      values: { eventId, eventCode: code, judgeKey, presentationId, commentId: said.json().id },
      callers: { audience, judge },
    };
  },
  bodies: {
    'POST /api/orgs/:orgId/presentation-events': (v) => ({
      title: '二つ目の発表会',
      criteria: ['効果'],
      presentations: [{ title: '発表', presenter: '課', caseId: v.caseId }],
    }),
    'PATCH /api/orgs/:orgId/presentation-events/:eventId': (v) => ({
      currentPresentationId: v.presentationId,
      voteOpen: true,
    }),
    'PUT /api/orgs/:orgId/presentation-events/:eventId/programme': (v) => ({
      presentations: [{ id: v.presentationId, title: '書き換え', presenter: '課' }],
    }),
    'PATCH /api/orgs/:orgId/presentation-events/:eventId/comments/:commentId': { hidden: true },
    'POST /api/presentation-events/:eventId/comments': (v) => ({ presentationId: v.presentationId, body: 'なるほど' }),
    'PUT /api/presentation-events/:eventId/scores': (v) => ({ presentationId: v.presentationId, scores: { c1: 4 } }),
    'PUT /api/presentation-events/:eventId/vote': (v) => ({ presentationId: v.presentationId }),
  },
  callers: {
    'GET /api/presentation-events/:eventId/me': 'audience',
    'POST /api/presentation-events/:eventId/comments': 'audience',
    'PUT /api/presentation-events/:eventId/scores': 'judge',
    'PUT /api/presentation-events/:eventId/vote': 'audience',
  },
};
