import { multipartBody, publishCase, sampleFiles } from '../cases.js';
import { createMember, createOrgWithAdmin } from '../factories.js';
import type { TestApp } from '../harness.js';
import { createRound, importTemplate, japanDate, smallTemplate } from '../rounds.js';
import { addId as add, harvestIds, type IdPool } from './ids.js';

export interface OrgWorld {
  admin: Awaited<ReturnType<typeof createOrgWithAdmin>>;
  pool: IdPool;
  staffEmail: string;
  tokens: string[];
  codes: string[];
}

async function call(t: TestApp, cookie: string, method: string, url: string, payload?: unknown) {
  const response = await t.app.inject({
    method: method as 'POST',
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
  return response.body ? (response.json() as Record<string, unknown>) : {};
}

/** One organisation with one of nearly everything, made through the API as its admin would. */
export async function buildOrg(t: TestApp, name: string): Promise<OrgWorld> {
  const admin = await createOrgWithAdmin(t, { name });
  const orgId = admin.org.id;
  const pool: IdPool = new Map();
  const keep = (idName: string, value: unknown) => harvestIds(pool, value, idName);
  const post = (url: string, body: unknown, idName: string) =>
    call(t, admin.cookie, 'POST', `/api/orgs/${orgId}${url}`, body).then((r) => {
      keep(idName, r);
      return r;
    });
  add(pool, 'orgId', orgId);
  add(pool, 'userId', admin.admin.user.id);
  add(pool, 'membershipId', admin.admin.membership.id);

  const bureau = await post('/departments', { name: '総務部', level: 'bureau' }, 'departmentId');
  await post('/departments', { name: '市民課', level: 'division', parentId: bureau.id }, 'departmentId');
  const staff = await createMember(t, { orgId, departmentId: String(bureau.id) });
  add(pool, 'userId', staff.user.id);
  add(pool, 'membershipId', staff.membership.id);
  const facilitator = await createMember(t, { orgId, role: 'facilitator' });
  add(pool, 'userId', facilitator.user.id);
  add(pool, 'membershipId', facilitator.membership.id);

  const invited = `invited-${orgId.slice(0, 8)}@example.jp`;
  await post('/invitations', { email: invited, role: 'staff', position: 'staff' }, 'invitationId');
  const [mail] = await t.mailsTo(invited);
  const token = mail?.text.match(/invite\/([A-Za-z0-9_-]+)/)?.[1];

  const { templateId } = await importTemplate(t, orgId, admin.cookie, smallTemplate());
  add(pool, 'templateId', templateId);
  const roundId = await createRound(t, orgId, admin.cookie, { templateId, closesOn: japanDate(t.clock.now(), 30) });
  add(pool, 'roundId', roundId);
  await post(
    `/rounds/${roundId}/my-response`,
    {
      position: 'subsection_chief',
      departmentId: null,
      mostImportantItemKey: 'vision',
      answers: ['vision', 'sharing', 'challenge'].map((itemKey) => ({ itemKey, level: 2 })),
      submit: true,
    },
    'responseId',
  );

  const workshop = await post('/workshops', { roundId, title: '職場の対話', grouping: 'position' }, 'workshopId');
  const event = await post(
    '/presentation-events',
    {
      title: 'カイゼン事例発表会',
      criteria: ['効果'],
      presentations: [
        { title: '窓口の待ち時間', presenter: '市民課' },
        { title: '押印の廃止', presenter: '総務課' },
      ],
    },
    'eventId',
  );
  add(pool, 'workshopId', event.id);
  keep('eventId', await call(t, admin.cookie, 'GET', `/api/orgs/${orgId}/presentation-events/${event.id}`));

  const caseId = await publishCase(t, orgId, admin.cookie, {
    title: '窓口の待ち時間を短縮',
    problem: '待ち時間が長い。',
    sharing: 'public',
    tags: ['窓口'],
  });
  add(pool, 'caseId', caseId);
  await post('/cases', { title: '下書きの事例', problem: '紙が多い。', happenedOn: '2026-05-01' }, 'caseId');
  const file = multipartBody([{ name: 'file', fileName: 'before.png', type: 'image/png', content: sampleFiles.png }]);
  const attached = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/cases/${caseId}/attachments`,
    headers: { cookie: admin.cookie, 'content-type': file.contentType },
    payload: file.payload,
  });
  keep('attachmentId', attached.json());
  const list = multipartBody([
    {
      name: 'file',
      fileName: 'cases.csv',
      type: 'text/csv',
      content: Buffer.from('件名,実施日\r\n取込,2024-06-01\r\n'),
    },
  ]);
  const imported = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/case-imports`,
    headers: { cookie: admin.cookie, 'content-type': list.contentType },
    payload: list.payload,
  });
  keep('importId', imported.json());

  const plan = await post(
    '/plans',
    {
      content: {
        title: '窓口改善プラン',
        goal: '待ち時間を半分に',
        aim: 'offense',
        startsOn: japanDate(t.clock.now()),
        steps: [{ id: 's1', text: '待ち時間を測る', owner: '自分', dueOn: japanDate(t.clock.now(), 30) }],
        involve: { colleagues: '', bosses: '', executives: '', hr: '' },
        sheetItems: [],
        scenes: [],
      },
    },
    'planId',
  );
  await post(`/plans/${plan.id}/versions`, { kind: 'snapshot', note: '発表会' }, 'planId');
  await post(`/plans/${plan.id}/comments`, { body: 'よい計画です' }, 'commentId');
  const planDetail = await call(t, admin.cookie, 'GET', `/api/orgs/${orgId}/plans/${plan.id}`);
  keep('planId', planDetail);

  keep(
    'entryId',
    await call(t, admin.cookie, 'POST', '/api/me/career/entries', {
      kind: 'role',
      title: '改善推進員',
      startedOn: '2023-04-01',
    }),
  );
  // Everyday requests that succeed, for the fuzzer to change one place of (failures here do not matter).
  const eventView = await call(t, admin.cookie, 'GET', `/api/orgs/${orgId}/presentation-events/${event.id}`);
  const presentationIds = ((eventView.presentations ?? []) as { id: string }[]).map((p) => p.id);
  const draft = planDetail.draft as Record<string, unknown>;
  for (const [method, url, payload] of [
    ['POST', `/case-imports/${imported.json().id}/validate`, { mapping: { title: 0, happenedOn: 1 }, offset: 0 }],
    ['POST', `/cases/${caseId}/review`, { action: 'comment', comment: '確認しました' }],
    ['POST', `/cases/${caseId}/awards`, { fiscalYear: 2026, name: '市長賞' }],
    ['PUT', '/scene-grid', { stages: { workplace: { ja: '職場', en: 'Workplace' } } }],
    ['PATCH', `/workshops/${workshop.id}`, { currentItemKey: 'vision', revealed: ['vision'], pollOpen: true }],
    ['PUT', `/workshops/${workshop.id}/notes`, { itemKey: 'vision', notes: 'メモ', nextMove: '', agreedLevel: 2 }],
    ['PATCH', `/presentation-events/${event.id}`, { currentPresentationId: presentationIds[0], voteOpen: true }],
    [
      'PATCH',
      `/plans/${plan.id}`,
      { baseUpdatedAt: planDetail.updatedAt, content: { ...draft, goal: '待ち時間を三分の一に' } },
    ],
    ['POST', '/plan-drafts/moves', { roundId, itemKey: 'vision', level: 3 }],
  ] as const) {
    await t.app.inject({ method, url: `/api/orgs/${orgId}${url}`, headers: { cookie: admin.cookie }, payload });
  }
  await t.app.inject({
    method: 'PUT',
    url: '/api/me/career/shares',
    headers: { cookie: admin.cookie },
    payload: { facilitatorIds: [facilitator.user.id] },
  });
  return {
    admin,
    pool,
    staffEmail: staff.user.email,
    tokens: token ? [token] : [],
    codes: [String(workshop.code), String(event.code)],
  };
}

/** Joins a workshop by its code as a phone would, without an account; returns the cookie. */
export async function join(t: TestApp, code: string, nickname: string): Promise<[string, string]> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code, nickname, position: 'staff' },
  });
  const cookie = response.cookies[0];
  if (response.statusCode !== 201 || !cookie) throw new Error(`join ${code} → ${response.statusCode} ${response.body}`);
  return [cookie.name, cookie.value];
}
