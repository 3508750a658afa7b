import { and, eq } from 'drizzle-orm';
import { memberships as membershipTable } from '../../src/server/db/schema/memberships.js';
import { addMembership, logIn } from '../factories.js';
import type { TestApp } from '../harness.js';
import { Examples } from './examples.js';
import { addId as add, crawl, harvestIds, type IdPool, separate } from './ids.js';
import type { Operation } from './operations.js';
import { buildOrg, join } from './org-fixture.js';

/**
 * What the fuzzer sends requests as and about: an organisation of its own with one of nearly
 * everything in it (departments, a round with a response, a workshop and a presentation event
 * with participants, cases with an attachment and tags, a plan with follow-ups, a case import,
 * career entries), a foreign organisation built the same way, and the ids of both, by the name a
 * path parameter or body field gives them (caseId, departmentId …).
 */

export type CallerName = 'org-admin' | 'unauthenticated' | 'participant';

export interface Caller {
  name: CallerName;
  /** The cookies this caller sends, as name → value. */
  cookies(): Record<string, string>;
}

export interface World {
  own: IdPool;
  foreign: IdPool;
  /** Values that are not ids but name something real: invitation tokens, join codes, e-mail addresses. */
  values: Map<string, string[]>;
  callers: Caller[];
  /** Requests that succeeded, to change one place of; the fuzzer adds its own that succeed. */
  examples: Examples;
  /**
   * The admin may have signed out (logout, logout-all), or been removed or demoted by another
   * admin an earlier request made: signs in again and restores the membership.
   */
  keepAdminSignedIn(): Promise<void>;
}

export async function buildWorld(t: TestApp, operations: Operation[]): Promise<World> {
  const examples = new Examples(operations);
  // The own organisation's requests are the examples the fuzzer changes; the foreign one's are not its to send.
  const own = await examples.recordWhile(t, () => buildOrg(t, '自市'));
  const foreign = await buildOrg(t, '他市');
  const participantCookies = Object.fromEntries(
    await examples.recordWhile(t, async () => [
      await join(t, own.codes[0] as string, 'さくら'),
      await join(t, own.codes[1] as string, 'もみじ'),
    ]),
  );
  // Their participant ids, and a comment at the event, are theirs to name.
  for (const [, value] of Object.entries(participantCookies)) add(own.pool, 'participantId', value.split('.')[0]);
  const eventId = own.pool.get('eventId')?.[0] as string;
  const presentationId = own.pool.get('presentationId')?.[0];
  const comment = await examples.recordWhile(t, () =>
    t.app.inject({
      method: 'POST',
      url: `/api/presentation-events/${eventId}/comments`,
      headers: {
        cookie: Object.entries(participantCookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
      },
      payload: { presentationId, body: '参考になりました' },
    }),
  );
  harvestIds(own.pool, comment.json(), 'commentId');
  const workshopId = own.pool.get('workshopId')?.[0] as string;
  const asParticipant = Object.entries(participantCookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  await examples.recordWhile(t, async () => {
    for (const [url, payload] of [
      [`/api/workshops/${workshopId}/answers`, { itemKey: 'vision', level: 2 }],
      [`/api/workshops/${workshopId}/poll`, { itemKey: 'vision' }],
      [`/api/presentation-events/${eventId}/vote`, { presentationId }],
    ] as const)
      await t.app.inject({ method: 'PUT', url, headers: { cookie: asParticipant }, payload });
  });

  const values = new Map([
    ['token', [...own.tokens, ...foreign.tokens]],
    ['code', [...own.codes, ...foreign.codes]],
    // Never the admin's own address: failed logins on it would lock the fuzzer's caller out.
    ['email', [own.staffEmail, foreign.staffEmail, foreign.admin.admin.user.email]],
  ]);
  await crawl(t, own.admin.cookie, own.pool, values, operations);
  await crawl(t, foreign.admin.cookie, foreign.pool, values, operations);
  separate(own.pool, foreign.pool);
  own.pool.set('orgId', [own.admin.org.id]);
  foreign.pool.set('orgId', [foreign.admin.org.id]);

  let adminCookie = own.admin.cookie;
  const session = (cookie: string) => cookie.split('=').slice(1).join('=');
  return {
    own: own.pool,
    foreign: foreign.pool,
    values,
    examples,
    callers: [
      { name: 'org-admin', cookies: () => ({ kn_session: session(adminCookie) }) },
      { name: 'unauthenticated', cookies: () => ({}) },
      { name: 'participant', cookies: () => ({ ...participantCookies }) },
    ],
    async keepAdminSignedIn() {
      let me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: adminCookie } });
      if (me.statusCode === 401) {
        adminCookie = await logIn(t, own.admin.admin.user.email);
        me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: adminCookie } });
      }
      // Another admin made by an earlier request may have removed or demoted this one: put it back.
      const memberships = (me.json() as { memberships: { orgId: string; role: string }[] }).memberships;
      const membership = memberships.find((m) => m.orgId === own.admin.org.id);
      if (membership?.role === 'org_admin') return;
      const { userId, orgId } = own.admin.admin.membership;
      if (membership) {
        await t.database.db
          .update(membershipTable)
          .set({ role: 'org_admin' })
          .where(and(eq(membershipTable.userId, userId), eq(membershipTable.orgId, orgId)));
      } else {
        await addMembership(t, { userId, orgId, role: 'org_admin' });
      }
    },
  };
}
