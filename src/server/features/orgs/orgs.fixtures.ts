import { expect } from 'vitest';
import { send, type TenancyFixture } from '../../../../test/tenancy.js';

/** The organisation itself: `:orgId` of every organisation route, and the platform's registry. */
export const orgsFixture: TenancyFixture = {
  async setUp(_t, tenant) {
    return { values: { orgId: tenant.org.id } };
  },
  bodies: {
    'PATCH /api/orgs/:orgId': { name: '書き換え' },
    'POST /api/platform/orgs': { kind: 'other', name: '新しい組織' },
  },
  // The NPO office's administrator, whom the test signs in beside the two organisations.
  callers: {
    'GET /api/platform/orgs': 'platform',
    'POST /api/platform/orgs': 'platform',
  },
  rules: [
    {
      rule: "The platform's registry lists every organisation to the platform's administrator, and nothing of their data",
      routes: ['GET /api/platform/orgs'],
      async check({ t, a, b }) {
        const registry = await send(t, { method: 'GET', url: '/api/platform/orgs', cookie: a.callers.platform });
        expect(registry.status).toBe(200);
        for (const tenant of [a, b]) {
          const named = Object.values(tenant.values).filter(
            (value) => value.length > 8 && registry.text.includes(value),
          );
          expect(named).toEqual([tenant.org.id]);
        }
      },
    },
  ],
};
