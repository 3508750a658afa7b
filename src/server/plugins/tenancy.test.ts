import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, sampleFiles, uploadAttachment } from '../../../test/cases.js';
import { createDepartment, createMember, createOrgWithAdmin, logIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { departments } from '../db/schema/departments.js';
import { memberships } from '../db/schema/memberships.js';
import { organizations } from '../db/schema/organizations.js';

/**
 * Enumerates every registered /api route and proves that a user of organisation B cannot read or
 * change organisation A's resources, while A's own admin can. A new route without a sample body
 * below, or without a known access class, fails this test.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof setUpOrg>>;
let b: Awaited<ReturnType<typeof setUpOrg>>;

async function setUpOrg(label: string) {
  const { org, admin, cookie } = await createOrgWithAdmin(t, { name: `テナント${label}` });
  const department = await createDepartment(t, org.id, { name: `${label}部` });
  const staff = await createMember(t, { orgId: org.id, role: 'staff', departmentId: department.id });
  const staffCookie = await logIn(t, staff.user.email);
  const invite = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/invitations`,
    headers: { cookie },
    payload: { email: `invitee-${label}@example.jp`, role: 'staff', position: 'staff' },
  });
  expect(invite.statusCode).toBe(201);
  const template = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/sheet-templates/from-sample`,
    headers: { cookie },
    payload: { sampleKey: 'workplace-quick' },
  });
  expect(template.statusCode).toBe(201);
  const today = new Date(t.clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const round = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/rounds`,
    headers: { cookie },
    payload: {
      title: `${label}の実施`,
      templateId: template.json().templateId,
      version: 1,
      scopeKind: 'org',
      opensOn: today,
      closesOn: today,
      // Named, so that reading individual answers is a route A's admin may use.
      anonymous: false,
    },
  });
  expect(round.statusCode).toBe(201);
  const roundId = round.json().id as string;
  // Both have a draft response, so every read of one's own response exists.
  for (const who of [cookie, staffCookie]) {
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/rounds/${roundId}/my-response`,
      headers: { cookie: who },
      payload: { position: 'staff', departmentId: null, mostImportantItemKey: null, answers: [] },
    });
    expect(draft.statusCode).toBe(201);
  }
  const move = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/plan-drafts/moves`,
    headers: { cookie },
    payload: { roundId, itemKey: 'vision-sharing', level: 2 },
  });
  expect(move.statusCode).toBe(201);
  // A published case of the organisation alone, which every member of it reads.
  const kaizen = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/cases`,
    headers: { cookie },
    payload: { title: `${label}の窓口改善`, happenedOn: '2026-06-01', sharing: 'org' },
  });
  expect(kaizen.statusCode).toBe(201);
  const caseId = kaizen.json().id as string;
  for (const action of ['submit', 'approve', 'publish']) {
    const step = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/cases/${caseId}/review`,
      headers: { cookie },
      payload: { action },
    });
    expect(step.statusCode).toBe(200);
  }
  const photo = await uploadAttachment(t, `/api/orgs/${org.id}/cases/${caseId}/attachments`, cookie, {
    fileName: `${label}の写真.png`,
    content: sampleFiles.png,
  });
  expect(photo.statusCode).toBe(201);
  // An import left unfinished, which its organisation may continue or discard.
  const list = multipartBody([
    {
      name: 'file',
      fileName: 'list.csv',
      type: 'text/csv',
      content: Buffer.from('件名,実施日\n一覧の事例,2026-06-01\n'),
    },
  ]);
  const started = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/case-imports`,
    headers: { cookie, 'content-type': list.contentType },
    payload: list.payload,
  });
  expect(started.statusCode, started.body).toBe(201);
  // A live workshop on the round, with one participant.
  const workshop = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/workshops`,
    headers: { cookie },
    payload: { roundId, title: `${label}の対話`, grouping: 'position' },
  });
  expect(workshop.statusCode, workshop.body).toBe(201);
  const joined = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code: workshop.json().code, nickname: `${label}さん`, position: 'staff' },
  });
  expect(joined.statusCode, joined.body).toBe(201);
  // A presentation event, with a comment from its audience.
  const event = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/presentation-events`,
    headers: { cookie },
    payload: {
      title: `${label}の発表会`,
      criteria: ['効果'],
      presentations: [{ title: '発表', presenter: `${label}課` }],
    },
  });
  expect(event.statusCode, event.body).toBe(201);
  const eventId = event.json().id as string;
  const listener = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code: event.json().code, nickname: `${label}の聴衆`, position: 'staff' },
  });
  const programme = await t.app.inject({
    method: 'GET',
    url: `/api/orgs/${org.id}/presentation-events/${eventId}`,
    headers: { cookie },
  });
  const said = await t.app.inject({
    method: 'POST',
    url: `/api/presentation-events/${eventId}/comments`,
    headers: { cookie: `${listener.cookies[0]?.name}=${listener.cookies[0]?.value}` },
    payload: { presentationId: programme.json().presentations[0].id, body: 'よかった' },
  });
  expect(said.statusCode, said.body).toBe(201);
  // An action plan shared with the organisation, presented once (so it has a version and follow-ups).
  const plan = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/plans`,
    headers: { cookie },
    payload: {
      visibility: 'org',
      content: { title: `${label}のプラン`, goal: '改善をリードする', aim: 'offense', startsOn: '2026-04-01' },
    },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const presented = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.id}/plans/${plan.json().id}/versions`,
    headers: { cookie },
    payload: { kind: 'snapshot' },
  });
  expect(presented.statusCode, presented.body).toBe(201);
  const [invitationMail] = await t.mailsTo(`invitee-${label.toLowerCase()}@example.jp`);
  return {
    mailId: invitationMail?.id as string,
    planId: plan.json().id as string,
    followupId: presented.json().followups[0].id as string,
    eventId,
    commentId: said.json().id as string,
    org,
    admin,
    cookie,
    department,
    staff,
    staffCookie,
    invitationId: invite.json().id as string,
    templateId: template.json().templateId as string,
    roundId,
    moveId: move.json().id as string,
    caseId,
    attachmentId: photo.json().id as string,
    importId: started.json().id as string,
    workshopId: workshop.json().id as string,
    participantId: joined.json().participantId as string,
  };
}

const sampleBodies: Record<string, unknown> = {
  'PATCH /api/orgs/:orgId': { name: '書き換え' },
  'POST /api/orgs/:orgId/departments': { name: '侵入部', level: 'bureau' },
  'PATCH /api/orgs/:orgId/departments/:departmentId': { name: '書き換え' },
  'DELETE /api/orgs/:orgId/departments/:departmentId': {},
  'PATCH /api/orgs/:orgId/members/:membershipId': { role: 'org_admin' },
  'DELETE /api/orgs/:orgId/members/:membershipId': {},
  'POST /api/orgs/:orgId/invitations': { email: 'intruder@example.jp', role: 'org_admin', position: 'staff' },
  'DELETE /api/orgs/:orgId/invitations/:invitationId': {},
  'DELETE /api/orgs/:orgId/login-locks/:membershipId': {},
  'POST /api/orgs/:orgId/outbox/:mailId/reveal': {},
  'POST /api/platform/orgs': { kind: 'other', name: '不正な組織' },
  'POST /api/orgs/:orgId/sheet-templates/from-sample': { sampleKey: 'workplace-detailed' },
  'POST /api/orgs/:orgId/sheet-templates/import': { format: 'json', text: '{}' },
  'POST /api/orgs/:orgId/sheet-templates/:templateId/versions': { content: {} },
  'POST /api/orgs/:orgId/rounds': {
    title: '侵入',
    templateId: '00000000-0000-4000-8000-000000000000',
    version: 1,
    scopeKind: 'org',
    opensOn: '2026-04-01',
    closesOn: '2026-04-30',
  },
  'POST /api/orgs/:orgId/rounds/join': { token: 'not-a-real-token-at-all' },
  'PATCH /api/orgs/:orgId/rounds/:roundId': { title: '書き換え' },
  'POST /api/orgs/:orgId/rounds/:roundId/close': {},
  'DELETE /api/orgs/:orgId/rounds/:roundId': {},
  'POST /api/orgs/:orgId/rounds/:roundId/invitations': { to: 'everyone' },
  'POST /api/orgs/:orgId/rounds/:roundId/my-response': {
    position: 'staff',
    departmentId: null,
    mostImportantItemKey: null,
    answers: [],
  },
  'PUT /api/orgs/:orgId/rounds/:roundId/my-response': {
    position: 'staff',
    departmentId: null,
    mostImportantItemKey: null,
    answers: [],
  },
  'POST /api/orgs/:orgId/plan-drafts/moves': {
    roundId: '00000000-0000-4000-8000-000000000000',
    itemKey: 'vision',
    level: 2,
  },
  'PATCH /api/orgs/:orgId/plan-drafts/moves/:moveId': { note: '書き換え' },
  'DELETE /api/orgs/:orgId/plan-drafts/moves/:moveId': {},
  'POST /api/orgs/:orgId/cases': { title: '書き換え', happenedOn: '2026-06-01' },
  'PUT /api/orgs/:orgId/cases/:caseId': { title: '書き換え', happenedOn: '2026-06-01' },
  'DELETE /api/orgs/:orgId/cases/:caseId': {},
  'POST /api/orgs/:orgId/cases/:caseId/review': { action: 'comment', comment: '書き換え' },
  'POST /api/orgs/:orgId/cases/:caseId/awards': { fiscalYear: 2026, name: '書き換え賞' },
  // A JSON body where a multipart upload belongs: the case is checked before the body is read.
  'POST /api/orgs/:orgId/cases/:caseId/attachments': { file: 'aW50cnVkZXI=' },
  'DELETE /api/orgs/:orgId/cases/:caseId/attachments/:attachmentId': {},
  // A JSON body where a multipart upload belongs: membership is checked before the body is read.
  'POST /api/orgs/:orgId/case-imports': { file: 'aW50cnVkZXI=' },
  'POST /api/orgs/:orgId/case-imports/:importId/validate': { mapping: { title: 0, happenedOn: 1 }, offset: 0 },
  'POST /api/orgs/:orgId/case-imports/:importId/commit': { status: 'published' },
  'DELETE /api/orgs/:orgId/case-imports/:importId': {},
  'POST /api/orgs/:orgId/workshops': {
    roundId: '00000000-0000-4000-8000-000000000000',
    title: '侵入',
    grouping: 'position',
  },
  'PATCH /api/orgs/:orgId/workshops/:workshopId': { status: 'locked' },
  'PUT /api/orgs/:orgId/workshops/:workshopId/notes': { scope: 'all', itemKey: 'vision-sharing', notes: '侵入' },
  'PATCH /api/orgs/:orgId/workshops/:workshopId/participants/:participantId': { groupId: null },
  'POST /api/orgs/:orgId/presentation-events': {
    title: '侵入',
    criteria: ['効果'],
    presentations: [{ title: '侵入', presenter: '侵入' }],
  },
  'PATCH /api/orgs/:orgId/presentation-events/:eventId': { status: 'locked' },
  'PUT /api/orgs/:orgId/presentation-events/:eventId/programme': {
    presentations: [{ title: '侵入', presenter: '侵入' }],
  },
  'PATCH /api/orgs/:orgId/presentation-events/:eventId/comments/:commentId': { hidden: true },
  'POST /api/orgs/:orgId/plans': {
    content: { title: '侵入', goal: '侵入', aim: 'offense', startsOn: '2026-04-01' },
  },
  'POST /api/orgs/:orgId/plans/from-workshop': { workshopId: '00000000-0000-4000-8000-000000000000', scope: 'all' },
  'PATCH /api/orgs/:orgId/plans/:planId': { visibility: 'private' },
  'DELETE /api/orgs/:orgId/plans/:planId': {},
  'POST /api/orgs/:orgId/plans/:planId/versions': { kind: 'final' },
  'PATCH /api/orgs/:orgId/plans/:planId/versions/:number': { note: '侵入' },
  'POST /api/orgs/:orgId/plans/:planId/followups/:followupId': {
    happened: '侵入',
    revised: { title: '侵入', goal: '侵入', aim: 'offense', startsOn: '2026-04-01' },
  },
  'POST /api/orgs/:orgId/plans/:planId/comments': { body: '侵入' },
  'PUT /api/orgs/:orgId/scene-grid': { stages: { government: { ja: '侵入', en: 'Intrusion' } } },
};

function fill(
  url: string,
  orgId: string,
  ids: {
    departmentId: string;
    membershipId: string;
    invitationId: string;
    templateId: string;
    roundId: string;
    moveId: string;
    caseId: string;
    attachmentId: string;
    importId: string;
    workshopId: string;
    participantId: string;
    eventId: string;
    commentId: string;
    planId: string;
    followupId: string;
    mailId: string;
  },
) {
  return url
    .replace(':mailId', ids.mailId)
    .replace(':planId', ids.planId)
    .replace(':followupId', ids.followupId)
    .replace(':number', '1')
    .replace(':eventId', ids.eventId)
    .replace(':commentId', ids.commentId)
    .replace(':templateId', ids.templateId)
    .replace(':roundId', ids.roundId)
    .replace(':moveId', ids.moveId)
    .replace(':caseId', ids.caseId)
    .replace(':attachmentId', ids.attachmentId)
    .replace(':importId', ids.importId)
    .replace(':workshopId', ids.workshopId)
    .replace(':participantId', ids.participantId)
    .replace(':version', '1')
    .replace(':orgId', orgId)
    .replace(':departmentId', ids.departmentId)
    .replace(':membershipId', ids.membershipId)
    .replace(':invitationId', ids.invitationId);
}

const idsOf = (o: typeof a) => ({
  templateId: o.templateId,
  roundId: o.roundId,
  moveId: o.moveId,
  caseId: o.caseId,
  attachmentId: o.attachmentId,
  importId: o.importId,
  workshopId: o.workshopId,
  participantId: o.participantId,
  eventId: o.eventId,
  commentId: o.commentId,
  planId: o.planId,
  followupId: o.followupId,
  mailId: o.mailId,
  departmentId: o.department.id,
  membershipId: o.staff.membership.id,
  invitationId: o.invitationId,
});

beforeAll(async () => {
  t = await createTestApp();
  a = await setUpOrg('A');
  b = await setUpOrg('B');
});
afterAll(() => t.close());

describe('every route declares its access', () => {
  it('knows each route of the catalogue', () => {
    const catalog = t.app.accessCatalog;
    expect(catalog.length).toBeGreaterThan(20);
    for (const route of catalog) {
      const key = `${route.method} ${route.url}`;
      if (route.access.kind === 'org') expect(route.url, key).toContain(':orgId');
      if (route.access.kind !== 'org') expect(route.url, key).not.toContain(':orgId');
      if (
        ['POST', 'PATCH', 'PUT', 'DELETE'].includes(route.method) &&
        (route.access.kind === 'org' || route.access.kind === 'platform')
      ) {
        expect(sampleBodies, `sample body for ${key}`).toHaveProperty([key]);
      }
    }
  });
});

describe('organisation B against organisation A', () => {
  it('gets 404 for every organisation route that names A', async () => {
    const routes = t.app.accessCatalog.filter((r) => r.access.kind === 'org');
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, a.org.id, idsOf(a)),
        headers: { cookie: b.cookie },
        ...(route.method === 'GET' ? {} : { payload: sampleBodies[key] as object }),
      });
      expect(response.statusCode, key).toBe(404);
      expect(response.json().code, key).toBe('not_found');
    }
  });

  it("gets 404 or a refusal for A's resources named under B's own organisation", async () => {
    const routes = t.app.accessCatalog.filter(
      (r) =>
        r.access.kind === 'org' &&
        /:(department|membership|invitation|template|round|move|case|attachment|import|workshop|participant|event|comment|plan|followup|mail)Id/.test(
          r.url,
        ),
    );
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, b.org.id, idsOf(a)),
        headers: { cookie: b.cookie },
        ...(route.method === 'GET' ? {} : { payload: sampleBodies[key] as object }),
      });
      expect(response.statusCode, key).toBe(404);
    }
  });

  it("cannot point B's data at A's departments", async () => {
    const move = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${b.org.id}/departments/${b.department.id}`,
      headers: { cookie: b.cookie },
      payload: { parentId: a.department.id },
    });
    expect(move.statusCode).toBe(400);
    const member = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${b.org.id}/members/${b.staff.membership.id}`,
      headers: { cookie: b.cookie },
      payload: { departmentId: a.department.id },
    });
    expect(member.statusCode).toBe(400);
    const invite = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${b.org.id}/invitations`,
      headers: { cookie: b.cookie },
      payload: { email: 'x@example.jp', role: 'staff', position: 'staff', departmentId: a.department.id },
    });
    expect(invite.statusCode).toBe(400);
  });

  it("reads none of A's cases without login: A's case is not public", async () => {
    const routes = t.app.accessCatalog.filter((r) => r.access.kind === 'public' && r.url.startsWith('/api/public/'));
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const route of routes.filter((r) => r.url.includes(':caseId'))) {
      const response = await t.app.inject({ method: 'GET', url: fill(route.url, a.org.id, idsOf(a)) });
      expect(response.statusCode, route.url).toBe(404);
      expect(response.json().code, route.url).toBe('not_found');
    }
    const search = await t.app.inject({ method: 'GET', url: `/api/public/cases?q=${encodeURIComponent('窓口改善')}` });
    expect(search.json().hits.map((h: { id: string }) => h.id)).not.toContain(a.caseId);
  });

  it("counts none of A's cases in B's statistics", async () => {
    const stats = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${b.org.id}/case-stats?fiscalYear=2026`,
      headers: { cookie: b.cookie },
    });
    expect(stats.json().totalCases).toBe(1);
    expect(stats.json().participation).toEqual({ reporters: 1, members: 2 });
  });

  it('gets 403 on platform routes', async () => {
    for (const route of t.app.accessCatalog.filter((r) => r.access.kind === 'platform')) {
      const key = `${route.method} ${route.url}`;
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: route.url,
        headers: { cookie: b.cookie },
        ...(route.method === 'GET' ? {} : { payload: sampleBodies[key] as object }),
      });
      expect(response.statusCode, key).toBe(403);
    }
  });

  it("left A's data as it was", async () => {
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.id, a.org.id));
    expect(org?.name).toBe('テナントA');
    const [department] = await t.database.db.select().from(departments).where(eq(departments.id, a.department.id));
    expect(department?.name).toBe('A部');
    const [membership] = await t.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.id, a.staff.membership.id));
    expect(membership?.role).toBe('staff');
    const invitations = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${a.org.id}/invitations`,
      headers: { cookie: a.cookie },
    });
    expect(invitations.json().map((i: { id: string }) => i.id)).toContain(a.invitationId);
    const departmentsOfA = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${a.org.id}/departments`,
      headers: { cookie: a.cookie },
    });
    expect(departmentsOfA.json().map((d: { name: string }) => d.name)).toEqual(['A部']);
    const gridOfA = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${a.org.id}/scene-grid`,
      headers: { cookie: a.cookie },
    });
    expect(gridOfA.json().stages.every((s: { renamed: boolean }) => !s.renamed)).toBe(true);
  });
});

describe('organisation A on its own resources', () => {
  it('gets 200 on every organisation GET route', async () => {
    // Live streams never end; workshops.test.ts opens them over a real connection.
    const reads = t.app.accessCatalog.filter((r) => r.access.kind === 'org' && r.method === 'GET');
    for (const route of reads.filter((r) => !r.url.endsWith('/events'))) {
      const response = await t.app.inject({
        method: 'GET',
        url: fill(route.url, a.org.id, idsOf(a)),
        headers: { cookie: a.cookie },
      });
      expect(response.statusCode, route.url).toBe(200);
    }
  });

  it('staff get 403 on routes that need a permission staff lack, and 200 on the rest', async () => {
    const { hasPermission } = await import('../../shared/auth/permissions.js');
    for (const route of t.app.accessCatalog.filter((r) => r.access.kind === 'org')) {
      if (route.access.kind !== 'org') continue;
      const key = `${route.method} ${route.url}`;
      const allowed = hasPermission('staff', route.access.permission);
      if (allowed && route.method !== 'GET') continue;
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, a.org.id, idsOf(a)),
        headers: { cookie: a.staffCookie },
        ...(route.method === 'GET' ? {} : { payload: sampleBodies[key] as object }),
      });
      expect(response.statusCode, key).toBe(allowed ? 200 : 403);
    }
  });

  it('anonymous callers get 401 on every route that is not public', async () => {
    for (const route of t.app.accessCatalog.filter((r) => r.access.kind !== 'public')) {
      const key = `${route.method} ${route.url}`;
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, a.org.id, idsOf(a)).replace(':lgCode', '011002'),
        ...(route.method === 'GET' ? {} : { payload: (sampleBodies[key] as object) ?? {} }),
      });
      expect(response.statusCode, key).toBe(401);
    }
  });
});
