import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCase } from '../../../../test/cases.js';
import {
  addMembership,
  createDepartment,
  createMember,
  createOrgWithAdmin,
  createUser,
  logIn,
} from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { auditEvents } from '../../db/schema/audit-events.js';

/**
 * The career map through the HTTP API: a person's own entries, the cases they reported in every
 * organisation they were in (kept after they leave one or change department), sharing with
 * facilitators (read only while shared, 404 for everyone else) and the downloads.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, cookie: string, payload?: unknown) => {
  t.clock.advance(1000);
  return t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
};

async function signedIn(orgId?: string, role: 'staff' | 'facilitator' | 'manager' = 'staff') {
  const m = await createMember(t, { ...(orgId ? { orgId } : {}), role });
  return { userId: m.user.id, membershipId: m.membership.id, orgId: m.orgId, cookie: await logIn(t, m.user.email) };
}

const crossBoundary = {
  kind: 'cross_boundary',
  title: '地域の子育て支援ネットワークづくり',
  description: '保健センター・NPO・自治会と月1回の連絡会を立ち上げた。',
  startedOn: '2025-05-01',
  endedOn: '2026-03-31',
  orgName: '架空市',
  departmentName: '子育て支援課',
  sceneId: 'region-improvement',
  reflection: '庁外の人と目的を共有すると、仕事の見え方が変わった。',
};

describe('my entries', () => {
  it('adds, lists newest first, rewrites and removes entries, each recorded in the audit log', async () => {
    const me = await signedIn();
    const empty = await call('GET', '/api/me/career', me.cookie);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ person: { id: me.userId }, entries: [], cases: [], shares: [] });

    const older = await call('POST', '/api/me/career/entries', me.cookie, {
      kind: 'role',
      title: '改善推進員',
      startedOn: '2023-04-01',
    });
    expect(older.statusCode, older.body).toBe(201);
    expect(older.json()).toMatchObject({ endedOn: null, sceneId: null, reflection: '', orgName: '' });
    const created = await call('POST', '/api/me/career/entries', me.cookie, crossBoundary);
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject(crossBoundary);

    const map = (await call('GET', '/api/me/career', me.cookie)).json();
    expect(map.entries.map((e: { title: string }) => e.title)).toEqual([crossBoundary.title, '改善推進員']);

    const rewritten = await call('PUT', `/api/me/career/entries/${entry.id}`, me.cookie, {
      ...crossBoundary,
      reflection: '次は役所全体の仕組みにしたい。',
    });
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    expect(rewritten.json()).toMatchObject({ id: entry.id, reflection: '次は役所全体の仕組みにしたい。' });

    const removed = await call('DELETE', `/api/me/career/entries/${older.json().id}`, me.cookie);
    expect(removed.statusCode).toBe(204);
    const after = (await call('GET', '/api/me/career', me.cookie)).json();
    expect(after.entries).toHaveLength(1);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, me.userId)));
    const actions = audit.map((a) => a.action).filter((a) => a.startsWith('career'));
    expect(actions.sort()).toEqual([
      'career_entry.create',
      'career_entry.create',
      'career_entry.delete',
      'career_entry.update',
    ]);
    expect(audit.every((a) => a.orgId === null)).toBe(true);
    // The log names what changed, not what the person wrote about themself.
    const update = audit.find((a) => a.action === 'career_entry.update');
    expect(update?.changes).toEqual({ fields: ['reflection'] });
  });

  it('refuses an end before the start, an unknown kind or scene, and an empty title, with field errors', async () => {
    const me = await signedIn();
    const backwards = await call('POST', '/api/me/career/entries', me.cookie, {
      ...crossBoundary,
      endedOn: '2025-04-30',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      expect.objectContaining({ path: 'body.endedOn', code: 'career.ended_before_started' }),
    ]);
    const wrong = await call('POST', '/api/me/career/entries', me.cookie, {
      ...crossBoundary,
      kind: 'hobby',
      sceneId: 'planet-innovation',
      title: '  ',
    });
    expect(wrong.statusCode).toBe(400);
    const paths = wrong.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.sceneId', 'body.title']));

    const entry = (await call('POST', '/api/me/career/entries', me.cookie, crossBoundary)).json();
    const badEdit = await call('PUT', `/api/me/career/entries/${entry.id}`, me.cookie, {
      ...crossBoundary,
      startedOn: '2026-04-01',
    });
    expect(badEdit.statusCode).toBe(400);
    expect(badEdit.json().errors[0].code).toBe('career.ended_before_started');
  });

  it("treats another person's entry as absent: 404 to read through edit and delete", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const entry = (await call('POST', '/api/me/career/entries', owner.cookie, crossBoundary)).json();
    const edit = await call('PUT', `/api/me/career/entries/${entry.id}`, other.cookie, crossBoundary);
    expect(edit.statusCode).toBe(404);
    const remove = await call('DELETE', `/api/me/career/entries/${entry.id}`, other.cookie);
    expect(remove.statusCode).toBe(404);
    expect((await call('GET', '/api/me/career', owner.cookie)).json().entries).toHaveLength(1);
  });

  it('needs a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/me/career' });
    expect(response.statusCode).toBe(401);
  });
});

describe('the map belongs to the person', () => {
  it('shows approved and published cases from two organisations, and keeps them after a transfer and a move', async () => {
    const first = await createOrgWithAdmin(t, { name: '架空市' });
    const second = await createOrgWithAdmin(t, { name: '架空県' });
    const counter = await createDepartment(t, first.org.id, { name: '市民課' });
    const planning = await createDepartment(t, first.org.id, { name: '企画課' });
    const member = await createMember(t, { orgId: first.org.id, role: 'staff', departmentId: counter.id });
    await addMembership(t, { userId: member.user.id, orgId: second.org.id, role: 'staff' });
    const cookie = await logIn(t, member.user.email);

    await publishCase(t, first.org.id, first.cookie, {
      title: '窓口の番号札をなくした',
      departmentId: counter.id,
      sceneId: 'workplace-fix',
      reporterIds: [member.user.id],
      sharing: 'org',
    });
    await publishCase(t, second.org.id, second.cookie, {
      title: '県と市の合同研修',
      happenedOn: '2026-07-01',
      sceneId: 'region-innovation',
      reporterIds: [member.user.id],
      sharing: 'org',
    });
    // A draft is not part of anyone's record yet.
    const draft = await call('POST', `/api/orgs/${first.org.id}/cases`, cookie, {
      title: '書きかけの事例',
      happenedOn: '2026-08-01',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    await call('POST', '/api/me/career/entries', cookie, crossBoundary);

    const cases = (await call('GET', '/api/me/career', cookie)).json().cases;
    expect(cases).toEqual([
      expect.objectContaining({ title: '県と市の合同研修', orgName: '架空県', sceneId: 'region-innovation' }),
      expect.objectContaining({
        title: '窓口の番号札をなくした',
        orgName: '架空市',
        departmentName: '市民課',
        status: 'published',
      }),
    ]);

    // 人事異動: the person moves to another department.
    const moved = await call('PATCH', `/api/orgs/${first.org.id}/members/${member.membership.id}`, first.cookie, {
      departmentId: planning.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const afterTransfer = (await call('GET', '/api/me/career', cookie)).json();
    expect(afterTransfer.cases).toHaveLength(2);
    expect(afterTransfer.cases[1].departmentName).toBe('市民課');
    expect(afterTransfer.entries).toHaveLength(1);

    // They leave the first organisation: what they did there stays on their map.
    const left = await call('DELETE', `/api/orgs/${first.org.id}/members/${member.membership.id}`, first.cookie);
    expect(left.statusCode, left.body).toBe(200);
    const afterMove = (await call('GET', '/api/me/career', cookie)).json();
    expect(afterMove.cases.map((c: { orgName: string }) => c.orgName)).toEqual(['架空県', '架空市']);
    expect(afterMove.entries).toHaveLength(1);
  });
});

describe('sharing with a facilitator', () => {
  it('lists the facilitators of my organisations, and lets only the chosen one read my map while shared', async () => {
    const { org } = await createOrgWithAdmin(t, { name: '共有市' });
    const other = await createOrgWithAdmin(t, { name: '別の市' });
    const me = await signedIn(org.id);
    const navigator = await signedIn(org.id, 'facilitator');
    const colleague = await signedIn(org.id, 'manager');
    const stranger = await signedIn(other.org.id, 'facilitator');
    await call('POST', '/api/me/career/entries', me.cookie, crossBoundary);

    const choices = (await call('GET', '/api/me/career/facilitators', me.cookie)).json();
    expect(choices.facilitators).toEqual([
      { id: navigator.userId, displayName: expect.any(String), orgNames: ['共有市'] },
    ]);

    // Private by default: nobody else reads it, and nobody learns it exists.
    for (const who of [navigator, colleague, stranger]) {
      const response = await call('GET', `/api/career-maps/${me.userId}`, who.cookie);
      expect(response.statusCode).toBe(404);
    }

    const refused = await call('PUT', '/api/me/career/shares', me.cookie, {
      facilitatorIds: [navigator.userId, stranger.userId],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ path: 'body.facilitatorIds.1', code: 'career.facilitator_unknown' }),
    ]);

    const shared = await call('PUT', '/api/me/career/shares', me.cookie, { facilitatorIds: [navigator.userId] });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().shares).toEqual([expect.objectContaining({ facilitatorId: navigator.userId })]);

    const list = (await call('GET', '/api/career-maps/shared-with-me', navigator.cookie)).json();
    expect(list.people).toEqual([expect.objectContaining({ id: me.userId })]);
    const read = await call('GET', `/api/career-maps/${me.userId}`, navigator.cookie);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ person: { id: me.userId }, shares: [] });
    expect(read.json().entries[0].reflection).toBe(crossBoundary.reflection);
    for (const who of [colleague, stranger]) {
      expect((await call('GET', `/api/career-maps/${me.userId}`, who.cookie)).statusCode).toBe(404);
    }
    // A facilitator reads; it is still the owner's map to change.
    const entryId = read.json().entries[0].id;
    expect((await call('DELETE', `/api/me/career/entries/${entryId}`, navigator.cookie)).statusCode).toBe(404);

    const withdrawn = await call('PUT', '/api/me/career/shares', me.cookie, { facilitatorIds: [] });
    expect(withdrawn.json().shares).toEqual([]);
    expect((await call('GET', `/api/career-maps/${me.userId}`, navigator.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/career-maps/shared-with-me', navigator.cookie)).json().people).toEqual([]);

    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'career_map.share'));
    expect(audit.filter((a) => a.actorId === me.userId).map((a) => a.changes)).toEqual([
      { added: [navigator.userId], removed: [] },
      { added: [], removed: [navigator.userId] },
    ]);
  });

  it("shows a facilitator outside a case's organisation only what that organisation shares of it", async () => {
    const city = await createOrgWithAdmin(t, { name: '事例の市' });
    const npo = await createOrgWithAdmin(t, { name: '支援の会' });
    const counter = await createDepartment(t, city.org.id, { name: '窓口課' });
    const me = await signedIn(city.org.id);
    await addMembership(t, { userId: me.userId, orgId: npo.org.id, role: 'staff' });
    const coach = await signedIn(npo.org.id, 'facilitator');
    const reported = (title: string, sharing: string, internalFields: string[] = []) =>
      publishCase(t, city.org.id, city.cookie, {
        title,
        departmentId: counter.id,
        reporterIds: [me.userId],
        sharing,
        internalFields,
      });
    await reported('庁内だけの改善', 'org');
    const shared = await reported('他市にも共有した改善', 'network', ['department']);
    const open = await reported('公開した改善', 'public');
    expect((await call('PUT', '/api/me/career/shares', me.cookie, { facilitatorIds: [coach.userId] })).statusCode).toBe(
      200,
    );

    // The owner's own map has every case; the coach, who is not in the city, reads what the city
    // lets other organisations read: its shared cases, without a department it marked internal.
    expect((await call('GET', '/api/me/career', me.cookie)).json().cases).toHaveLength(3);
    const read = await call('GET', `/api/career-maps/${me.userId}`, coach.cookie);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().cases).toHaveLength(2);
    expect(read.json().cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: open, departmentName: '窓口課' }),
        expect.objectContaining({ id: shared, departmentName: null }),
      ]),
    );
    expect(read.body).not.toContain('庁内だけの改善');
    // Once the coach works in the city too, they read its cases as its members do.
    await addMembership(t, { userId: coach.userId, orgId: city.org.id, role: 'facilitator' });
    const inside = (await call('GET', `/api/career-maps/${me.userId}`, coach.cookie)).json();
    expect(inside.cases).toHaveLength(3);
    expect(inside.cases.every((c: { departmentName: string }) => c.departmentName === '窓口課')).toBe(true);
  });

  it('answers 404 for a person who does not exist, as for one who does not share', async () => {
    const me = await signedIn();
    const nobody = await createUser(t);
    expect((await call('GET', `/api/career-maps/${nobody.id}`, me.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/career-maps/00000000-0000-4000-8000-000000000000', me.cookie)).statusCode).toBe(
      404,
    );
  });
});

describe('downloads', () => {
  it('gives CSV with a BOM, xlsx and the whole map as JSON', async () => {
    const me = await signedIn();
    await call('POST', '/api/me/career/entries', me.cookie, crossBoundary);

    const csv = await call('GET', '/api/me/career/export?format=csv', me.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.rawPayload.toString('utf8');
    expect(text).toContain('種別,件名,開始日');
    expect(text).toContain('越境活動,地域の子育て支援ネットワークづくり,2025-05-01,2026-03-31,2025');
    expect(text).toContain('地域 × 改善');
    expect(String(csv.headers['content-disposition'])).toContain(encodeURIComponent('改善キャリアマップ.csv'));

    const english = await call('GET', '/api/me/career/export?format=csv&lang=en', me.cookie);
    expect(english.rawPayload.toString('utf8')).toContain('Cross-boundary work');

    const xlsx = await call('GET', '/api/me/career/export?format=xlsx', me.cookie);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const json = await call('GET', '/api/me/career/export?format=json', me.cookie);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      format: 'kaizen-navi/career-map',
      person: { id: me.userId },
      entries: [expect.objectContaining(crossBoundary)],
    });
  });
});
