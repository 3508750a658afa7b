import type { TenancyFixture } from '../../../../test/tenancy.js';

/**
 * The audit log takes no id in its path; its filter by actor does, and must find nobody of another
 * organisation. The outbox names a mail: the invitation the members' fixture sent.
 */
export const auditFixture: TenancyFixture = {
  async setUp(t, tenant) {
    const [mail] = await t.mailsTo(`invitee-${tenant.label.toLowerCase()}@example.jp`);
    if (!mail) throw new Error('no invitation mail in the outbox');
    return { values: { mailId: mail.id } };
  },
  queries: { 'GET /api/orgs/:orgId/audit-events': (v) => `actorId=${v.userId}` },
  bodies: { 'POST /api/orgs/:orgId/outbox/:mailId/reveal': {} },
};
