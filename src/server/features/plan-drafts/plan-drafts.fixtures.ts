import { expect } from 'vitest';
import type { TenancyFixture } from '../../../../test/tenancy.js';

/** A next move the admin carried out of the round's results. */
export const planDraftsFixture: TenancyFixture = {
  async setUp(t, tenant, made) {
    const move = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${tenant.org.id}/plan-drafts/moves`,
      headers: { cookie: tenant.cookie },
      payload: { roundId: made.values.roundId, itemKey: 'vision-sharing', level: 2 },
    });
    expect(move.statusCode, move.body).toBe(201);
    return { values: { moveId: move.json().id } };
  },
  bodies: {
    'POST /api/orgs/:orgId/plan-drafts/moves': (v) => ({ roundId: v.roundId, itemKey: 'vision-sharing', level: 3 }),
    'PATCH /api/orgs/:orgId/plan-drafts/moves/:moveId': { note: '書き換え' },
    'DELETE /api/orgs/:orgId/plan-drafts/moves/:moveId': {},
  },
};
