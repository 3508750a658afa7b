import { and, eq } from 'drizzle-orm';
import { memberships as membershipTable } from '../../src/server/db/schema/memberships.js';
import { multipartBody, publishCase, sampleFiles } from '../cases.js';
import { addMembership, createMember, createOrgWithAdmin, logIn } from '../factories.js';
import type { TestApp } from '../harness.js';
import { createRound, importTemplate, japanDate, smallTemplate } from '../rounds.js';
import { Examples } from './examples.js';
import type { Operation } from './operations.js';
import { send } from './send.js';

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

/** Ids of one organisation's things, by name; `any` holds every id of the organisation. */
export type IdPool = Map<string, string[]>;

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

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function add(pool: IdPool, name: string, value: unknown) {
  if (typeof value !== 'string' || !uuid.test(value)) return;
  for (const key of [name, 'any']) {
    const list = pool.get(key) ?? [];
    if (!list.includes(value) && list.length < 40) list.push(value);
    pool.set(key, list);
  }
}

/** Field and parameter names that hold ids of another name's pool. */
const aliases: Record<string, string[]> = {
  parentId: ['departmentId'],
  adoptedFromId: ['caseId'],
  currentPresentationId: ['presentationId'],
  compareTo: ['roundId'],
  memberId: ['userId', 'membershipId'],
  participantId: ['participantId', 'userId', 'membershipId'],
  reporterId: ['userId'],
  facilitatorId: ['userId'],
  actorId: ['userId'],
  ownerId: ['userId'],
  eventId: ['eventId', 'workshopId'],
};

/** The ids a field or parameter of this name should hold (memberIds → the people). */
export function poolFor(pool: IdPool, name: string): string[] {
  const singular = name.replace(/Ids$/, 'Id');
  for (const candidate of [singular, ...(aliases[singular] ?? [])]) {
    const ids = pool.get(candidate);
    if (ids?.length) return ids;
  }
  return [];
}

/** `followups` → `followupId`, `entries` → `entryId`, `cases` → `caseId`. */
function idNameOf(collection: string): string {
  const singular = collection.endsWith('ies')
    ? `${collection.slice(0, -3)}y`
    : collection.endsWith('s')
      ? collection.slice(0, -1)
      : collection;
  return `${singular}Id`;
}

/**
 * Takes every id out of a response: `somethingId` keys by their own name, `id` by the collection
 * or object it sits in (followups[].id → followupId), or by what the request's path names.
 */
export function harvestIds(pool: IdPool, value: unknown, fallbackName: string) {
  const stack: [unknown, string][] = [[value, fallbackName]];
  while (stack.length > 0) {
    const [current, name] = stack.pop() as [unknown, string];
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, name]);
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key === 'id') add(pool, name, child);
        else if (/Ids?$/.test(key)) {
          const idName = key.replace(/Ids$/, 'Id');
          for (const id of [child].flat()) add(pool, idName, id);
        } else if (child && typeof child === 'object') stack.push([child, idNameOf(key)]);
      }
    }
  }
}

/** The name an id in a response to this path goes by: its last parameter, or its collection. */
export function idNameOfPath(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1) ?? 'any';
  if (/^\{\w+\}$/.test(last)) return last.slice(1, -1);
  return idNameOf(last.replace(/\W/g, ''));
}

interface OrgWorld {
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
async function buildOrg(t: TestApp, name: string): Promise<OrgWorld> {
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
async function join(t: TestApp, code: string, nickname: string): Promise<[string, string]> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code, nickname, position: 'staff' },
  });
  const cookie = response.cookies[0];
  if (response.statusCode !== 201 || !cookie) throw new Error(`join ${code} → ${response.statusCode} ${response.body}`);
  return [cookie.name, cookie.value];
}

function separate(a: IdPool, b: IdPool) {
  const inA = new Set(a.get('any'));
  const shared = new Set((b.get('any') ?? []).filter((id) => inA.has(id)));
  for (const pool of [a, b])
    for (const [name, ids] of pool)
      pool.set(
        name,
        ids.filter((id) => !shared.has(id)),
      );
}

/**
 * Reads every GET the document lists, as an organisation's admin, with the ids found so far, to
 * learn the ids the fixture did not make by name (tags, plan-draft moves, a round's responses …).
 */
async function crawl(t: TestApp, cookie: string, pool: IdPool, values: Map<string, string[]>, operations: Operation[]) {
  for (let pass = 0; pass < 2; pass++) {
    for (const op of operations) {
      if (op.method !== 'GET' || op.path.endsWith('/events') || op.path.includes('export')) continue;
      let complete = true;
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value =
          poolFor(pool, name)[0] ?? values.get(name)?.[0] ?? (/^(version|number)$/.test(name) ? '1' : undefined);
        if (value === undefined) complete = false;
        return encodeURIComponent(value ?? '');
      });
      if (!complete) continue;
      const response = await send(t, { method: 'GET', url, headers: { cookie } });
      if (response.statusCode === 200 && String(response.headers['content-type']).includes('json'))
        harvestIds(pool, JSON.parse(response.body), idNameOfPath(op.path));
    }
  }
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
  // What both see (a case shared across organisations, the search's facets) is neither's own.
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
