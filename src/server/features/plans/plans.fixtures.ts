import { expect } from 'vitest';
import { addMembership, createMember, logIn } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { send, type TenancyFixture, type Tenant } from '../../../../test/tenancy.js';

const content = (title: string) => ({ title, goal: '改善をリードする', aim: 'offense', startsOn: '2026-04-01' });

/** A plan of the tenant's admin, shared as asked with a facilitator, presented once. */
async function presentedPlan(t: TestApp, tenant: Tenant, visibility: string, facilitatorId: string) {
  const plan = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${tenant.org.id}/plans`,
    headers: { cookie: tenant.cookie },
    payload: { visibility, facilitatorId, content: content(`${tenant.label}のプラン`) },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const presented = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${tenant.org.id}/plans/${plan.json().id}/versions`,
    headers: { cookie: tenant.cookie },
    payload: { kind: 'snapshot' },
  });
  expect(presented.statusCode, presented.body).toBe(201);
  return { planId: plan.json().id as string, followupId: presented.json().followups[0].id as string };
}

/**
 * The admin's plan, shared with the organisation and with a facilitator of it, presented once (so
 * it has version 1 and follow-ups). The facilitator is who the facilitators' routes are for.
 */
export const plansFixture: TenancyFixture = {
  async setUp(t, tenant) {
    const facilitator = await createMember(t, { orgId: tenant.org.id, role: 'facilitator', position: 'other' });
    const { planId, followupId } = await presentedPlan(t, tenant, 'org', facilitator.user.id);
    return {
      values: { planId, followupId, number: '1', facilitatorUserId: facilitator.user.id },
      callers: { facilitator: await logIn(t, facilitator.user.email) },
    };
  },
  ordinals: { number: 'planId' },
  bodies: {
    'POST /api/orgs/:orgId/plans': (v) => ({
      ownerKind: 'team',
      teamName: '窓口係',
      memberIds: [v.userId],
      visibility: 'org',
      facilitatorId: v.facilitatorUserId,
      content: content('チームのプラン'),
    }),
    'POST /api/orgs/:orgId/plans/from-workshop': (v) => ({ workshopId: v.workshopId, scope: 'all' }),
    'PATCH /api/orgs/:orgId/plans/:planId': (v) => ({ visibility: 'org', facilitatorId: v.facilitatorUserId }),
    'DELETE /api/orgs/:orgId/plans/:planId': {},
    'POST /api/orgs/:orgId/plans/:planId/versions': { kind: 'snapshot', note: '二回目の発表' },
    'PATCH /api/orgs/:orgId/plans/:planId/versions/:number': { note: '書き換え' },
    'POST /api/orgs/:orgId/plans/:planId/followups/:followupId': { happened: '進んだ', revised: content('見直し') },
    'POST /api/orgs/:orgId/plans/:planId/comments': { body: 'よい計画' },
    'POST /api/facilitated-plans/:planId/comments': { body: '伴走者から' },
  },
  callers: {
    'GET /api/me/facilitated-plans': 'facilitator',
    'GET /api/facilitated-plans/:planId': 'facilitator',
    'GET /api/facilitated-plans/:planId/versions/:number': 'facilitator',
    'POST /api/facilitated-plans/:planId/comments': 'facilitator',
  },
  rules: [
    {
      rule: "A facilitator of both organisations reads A's plan shared with them through the facilitators' routes, never under B, and never a private one",
      routes: [
        'GET /api/me/facilitated-plans',
        'GET /api/facilitated-plans/:planId',
        'GET /api/facilitated-plans/:planId/versions/:number',
        'GET /api/orgs/:orgId/plans/:planId',
        'GET /api/orgs/:orgId/plans/:planId/versions/:number',
        'POST /api/orgs/:orgId/plans/:planId/comments',
      ],
      async check({ t, a, b }) {
        const navigator = await createMember(t, { orgId: a.org.id, role: 'facilitator', position: 'other' });
        await addMembership(t, { userId: navigator.user.id, orgId: b.org.id, role: 'facilitator' });
        const cookie = await logIn(t, navigator.user.email);
        const shared = await presentedPlan(t, a, 'org', navigator.user.id);
        const hidden = await presentedPlan(t, a, 'private', navigator.user.id);
        const list = await send(t, { method: 'GET', url: '/api/me/facilitated-plans', cookie });
        expect(list.text).toContain(shared.planId);
        expect(list.text).not.toContain(hidden.planId);
        for (const url of [
          `/api/facilitated-plans/${shared.planId}`,
          `/api/facilitated-plans/${shared.planId}/versions/1`,
        ])
          expect((await send(t, { method: 'GET', url, cookie })).status, url).toBe(200);
        for (const url of [
          `/api/facilitated-plans/${hidden.planId}`,
          `/api/orgs/${b.org.id}/plans/${shared.planId}`,
          `/api/orgs/${b.org.id}/plans/${shared.planId}/versions/1`,
        ])
          expect((await send(t, { method: 'GET', url, cookie })).status, url).toBe(404);
        const under = await send(t, {
          method: 'POST',
          url: `/api/orgs/${b.org.id}/plans/${shared.planId}/comments`,
          cookie,
          body: { body: 'Bから' },
        });
        expect(under.status).toBe(404);
        for (const other of [b.cookie, b.staffCookie, b.callers.facilitator])
          expect(
            (await send(t, { method: 'GET', url: `/api/facilitated-plans/${shared.planId}`, cookie: other })).status,
          ).toBe(404);
      },
    },
  ],
};
