import type { TenancyFixture } from '../../../../test/tenancy.js';

/** The audit log takes no id in its path; its filter by actor does, and must find nobody of another organisation. */
export const auditFixture: TenancyFixture = {
  queries: { 'GET /api/orgs/:orgId/audit-events': (v) => `actorId=${v.userId}` },
};
