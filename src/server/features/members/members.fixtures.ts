import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../../../../test/factories.js';
import type { TestApp } from '../../../../test/harness.js';
import { send, type TenancyFixture, type Tenant } from '../../../../test/tenancy.js';
import { memberships } from '../../db/schema/memberships.js';
import { hashToken } from '../../lib/tokens.js';

/** Invites an address to the tenant's organisation; returns the invitation's id and the token of its link. */
async function invite(t: TestApp, tenant: Tenant, email: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${tenant.org.id}/invitations`,
    headers: { cookie: tenant.cookie },
    payload: { email, role: 'staff', position: 'staff' },
  });
  expect(response.statusCode, response.body).toBe(201);
  const [mail] = await t.mailsTo(email);
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in the mail to ${email}`);
  return { invitationId: response.json().id as string, token };
}

/** The staff member's membership, and an open invitation with the token its mail carries. */
export const membersFixture: TenancyFixture = {
  async setUp(t, tenant) {
    const { invitationId, token } = await invite(t, tenant, `invitee-${tenant.label.toLowerCase()}@example.jp`);
    return { values: { membershipId: tenant.staff.membership.id, invitationId, token } };
  },
  queries: {
    'GET /api/orgs/:orgId/members': (v) => `departmentId=${v.departmentId}`,
  },
  bodies: {
    'PATCH /api/orgs/:orgId/members/:membershipId': (v) => ({ role: 'org_admin', departmentId: v.departmentId }),
    'DELETE /api/orgs/:orgId/members/:membershipId': {},
    'POST /api/orgs/:orgId/invitations': (v) => ({
      email: 'another@example.jp',
      role: 'staff',
      position: 'staff',
      departmentId: v.departmentId,
    }),
    'DELETE /api/orgs/:orgId/invitations/:invitationId': {},
    'DELETE /api/orgs/:orgId/login-locks/:membershipId': {},
  },
  rules: [
    {
      rule: "An invitation's token is its key: whoever holds it reads what it is for; its stored hash or a token never issued is refused",
      routes: ['GET /api/invitations/:token'],
      instead: true,
      async check({ t, a, b }) {
        for (const cookie of [undefined, b.cookie]) {
          const held = await send(t, { method: 'GET', url: `/api/invitations/${a.values.token}`, cookie });
          expect(held.status).toBe(200);
          expect(JSON.parse(held.text)).toMatchObject({ orgId: a.org.id, email: 'invitee-a@example.jp' });
        }
        for (const token of [hashToken(a.values.token ?? ''), 'x'.repeat(43)]) {
          const guessed = await send(t, { method: 'GET', url: `/api/invitations/${token}`, cookie: b.cookie });
          expect(guessed.status).toBe(410);
          expect(guessed.code).toBe('token_invalid');
        }
      },
    },
    {
      rule: 'Only the invited address accepts: a person of B signed in with A’s token is refused and joins nothing',
      routes: ['POST /api/invitations/:token/accept'],
      instead: true,
      async check({ t, a, b }) {
        const { token } = await invite(t, a, `accepting-${a.label.toLowerCase()}@example.jp`);
        const url = `/api/invitations/${token}/accept`;
        const taken = await send(t, { method: 'POST', url, cookie: b.cookie, body: {} });
        expect(taken.status).toBe(403);
        const joined = await t.database.db
          .select()
          .from(memberships)
          .where(and(eq(memberships.orgId, a.org.id), eq(memberships.userId, b.admin.user.id)));
        expect(joined).toEqual([]);
        const accepted = await send(t, {
          method: 'POST',
          url,
          body: { displayName: '招待された人', password: TEST_PASSWORD },
        });
        expect(accepted.status, accepted.text).toBe(200);
        const again = await send(t, { method: 'POST', url, body: { displayName: '二度目', password: TEST_PASSWORD } });
        expect(again.status).toBe(410);
      },
    },
  ],
};
