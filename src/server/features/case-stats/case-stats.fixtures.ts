import { expect } from 'vitest';
import { send, type TenancyFixture } from '../../../../test/tenancy.js';

/** Statistics take no id; what they must not do is count another organisation's cases. */
export const caseStatsFixture: TenancyFixture = {
  rules: [
    {
      rule: "B's statistics count B's published cases and reporters only, none of A's (shared or not)",
      routes: ['GET /api/orgs/:orgId/case-stats'],
      async check({ t, b }) {
        const stats = await send(t, {
          method: 'GET',
          url: `/api/orgs/${b.org.id}/case-stats?fiscalYear=2026`,
          cookie: b.cookie,
        });
        expect(stats.status).toBe(200);
        // The fixtures publish one case in B, reported by its admin.
        expect(JSON.parse(stats.text)).toMatchObject({ totalCases: 1, participation: { reporters: 1 } });
      },
    },
  ],
};
