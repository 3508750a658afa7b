import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCase } from '../../../../test/cases.js';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRespondents, createRound, importTemplate, submit } from '../../../../test/rounds.js';

/**
 * Finding cases beyond a search box: public cases without login, cases like a case, cases for the
 * weakest items of a step-up sheet round, and adoption (横展開) seen from the case adopted.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('public cases', () => {
  it('shows a public published case without login, redacted as for another organisation, and nothing else', async () => {
    const a = await createOrgWithAdmin(t, { name: '公開市' });
    const b = await createOrgWithAdmin(t, { name: '閲覧町' });
    const body = {
      title: '窓口のキャッシュレス決済',
      problem: '現金の受け渡しに時間がかかっていた。',
      action: 'キャッシュレス決済を導入した。',
      result: '会計の待ち時間が半分になった。',
      remaining: '庁内限りの調整事項が残っている。',
      sharing: 'public',
      internalFields: ['remaining', 'reporters'],
      effects: [{ kind: 'waiting_minutes', actual: 5 }],
    };
    const open = await publishCase(t, a.org.id, a.cookie, body);
    const network = await publishCase(t, a.org.id, a.cookie, { ...body, sharing: 'network' });
    const privateOne = await publishCase(t, a.org.id, a.cookie, { ...body, sharing: 'org' });
    const draft = (
      await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${a.org.id}/cases`,
        headers: { cookie: a.cookie },
        payload: { ...body, happenedOn: '2026-06-01' },
      })
    ).json().id as string;

    const read = await get(`/api/public/cases/${open}`);
    expect(read.statusCode, read.body).toBe(200);
    const copy = read.json();
    expect(copy).toMatchObject({
      title: body.title,
      problem: body.problem,
      remaining: null,
      reporters: null,
      internalFields: null,
      reviews: null,
      managerOpinion: null,
      departmentId: null,
      adoptedBy: [],
    });
    expect(Object.values(copy.can).every((v) => v === false)).toBe(true);
    // The same copy another organisation reads.
    expect(copy).toEqual((await get(`/api/orgs/${b.org.id}/cases/${open}`, b.cookie)).json());

    const missing = await get('/api/public/cases/00000000-0000-4000-8000-000000000000');
    for (const id of [network, privateOne, draft]) {
      const response = await get(`/api/public/cases/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(missing.json());
    }

    const search = (await get(`/api/public/cases?q=${encodeURIComponent('キャッシュレス')}&status=draft`)).json();
    expect(ids(search.hits)).toContain(open);
    for (const id of [network, privateOne, draft]) expect(ids(search.hits)).not.toContain(id);
    expect(search.facets.org).toContainEqual({ value: a.org.id, label: '公開市', count: 1 });
    // An internal field is not searchable from outside.
    const internal = (await get(`/api/public/cases?q=${encodeURIComponent('庁内限り')}`)).json();
    expect(ids(internal.hits)).not.toContain(open);
  });
});

describe('similar cases', () => {
  it('ranks the cases the caller may see by shared words, the same policy field breaking ties, never itself', async () => {
    const a = await createOrgWithAdmin(t);
    const b = await createOrgWithAdmin(t);
    const seal = {
      title: '申請書の押印を廃止',
      problem: '申請書に押印欄があり、来庁が必要だった。',
      action: '押印欄を削除し、電子申請を可能にした。',
      sharing: 'network',
      policyField: 'counter',
    };
    const base = await publishCase(t, a.org.id, a.cookie, seal);
    const sameField = await publishCase(t, a.org.id, a.cookie, { ...seal, title: '届出書の押印を廃止' });
    const otherField = await publishCase(t, a.org.id, a.cookie, {
      ...seal,
      title: '届出書の押印を廃止',
      policyField: 'internal_affairs',
    });
    const unrelated = await publishCase(t, a.org.id, a.cookie, {
      title: '公園清掃をボランティアと協働',
      problem: '清掃の委託費が増えていた。',
      sharing: 'network',
    });
    const hidden = await publishCase(t, b.org.id, b.cookie, { ...seal, sharing: 'org' });

    const similar = await get(`/api/orgs/${a.org.id}/cases/${base}/similar`, a.cookie);
    expect(similar.statusCode, similar.body).toBe(200);
    const found = ids(similar.json().hits);
    expect(found.slice(0, 2)).toEqual([sameField, otherField]);
    expect(found).not.toContain(base);
    expect(found).not.toContain(unrelated);
    expect(found).not.toContain(hidden);
    expect(ids((await get(`/api/orgs/${a.org.id}/cases/${base}/similar?limit=1`, a.cookie)).json().hits)).toEqual([
      sameField,
    ]);

    // Another organisation asks about a shared case and gets its own view; a private one is not there.
    const fromB = await get(`/api/orgs/${b.org.id}/cases/${base}/similar`, b.cookie);
    expect(fromB.statusCode).toBe(200);
    expect(ids(fromB.json().hits)).toContain(hidden);
    expect((await get(`/api/orgs/${a.org.id}/cases/${hidden}/similar`, a.cookie)).statusCode).toBe(404);
    expect((await get(`/api/orgs/${a.org.id}/cases/${base}/similar?limit=1000`, a.cookie)).statusCode).toBe(400);
  });
});

describe('suggestions from step-up sheet results', () => {
  it('finds cases for the weakest items, from the group or, when it is withheld, from my own answers', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const { templateId } = await importTemplate(t, org.id, cookie);
    const roundId = await createRound(t, org.id, cookie, { templateId, anonymous: false, anonymityThreshold: 3 });
    const people = await createRespondents(t, org.id, [{ count: 3 }]);
    // 情報共有 is lowest on its scale, then 挑戦; めざす姿 is at the top.
    for (const who of people)
      expect((await submit(t, org.id, roundId, who, { vision: 4, sharing: 1, challenge: 2 })).statusCode).toBe(201);
    const sharing = await publishCase(t, org.id, cookie, {
      title: '係内の情報共有をチャットで',
      problem: '情報共有が口頭だけだった。',
    });
    const challenge = await publishCase(t, org.id, cookie, { title: '新しい挑戦を後押しする提案制度' });
    const vision = await publishCase(t, org.id, cookie, { title: '職場のめざす姿を話し合った' });

    const url = `/api/orgs/${org.id}/rounds/${roundId}/case-suggestions`;
    const asManager = await get(url, cookie);
    expect(asManager.statusCode, asManager.body).toBe(200);
    const suggestions = asManager.json();
    expect(suggestions).toMatchObject({ basis: 'group', reason: null });
    expect(suggestions.items.map((i: { key: string }) => i.key)).toEqual(['sharing', 'challenge', 'vision']);
    expect(suggestions.items[0]).toMatchObject({ title: '情報共有', level: 1, levelCount: 3 });
    expect(ids(suggestions.items[0].cases)[0]).toBe(sharing);
    expect(ids(suggestions.items[1].cases)[0]).toBe(challenge);
    expect(ids(suggestions.items[2].cases)[0]).toBe(vision);
    for (const item of suggestions.items) expect(item.cases.length).toBeLessThanOrEqual(3);

    // Staff do not see an open named round's aggregates: their own answers choose the items.
    const mine = (await get(url, people[0]?.cookie)).json();
    expect(mine).toMatchObject({ basis: 'mine', reason: 'round_open' });
    expect(mine.items[0].key).toBe('sharing');
    const stranger = await createMember(t, { orgId: org.id });
    const none = (await get(url, await logIn(t, stranger.user.email))).json();
    expect(none).toEqual({ roundId, basis: null, reason: 'round_open', items: [] });

    const other = await createOrgWithAdmin(t);
    expect((await get(`/api/orgs/${other.org.id}/rounds/${roundId}/case-suggestions`, other.cookie)).statusCode).toBe(
      404,
    );
  });
});

describe('adoption across organisations', () => {
  it('counts every case that adopted this one and names those the caller may read', async () => {
    const a = await createOrgWithAdmin(t, { name: '元祖市' });
    const b = await createOrgWithAdmin(t, { name: '横展開町' });
    const source = await publishCase(t, a.org.id, a.cookie, { title: 'ごみ出しアプリ', sharing: 'public' });
    const adopted = await publishCase(t, b.org.id, b.cookie, {
      title: 'ごみ出しアプリを導入',
      sharing: 'network',
      adoptedFromId: source,
    });
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${b.org.id}/cases`,
      headers: { cookie: b.cookie },
      payload: { title: '下書きの横展開', happenedOn: '2026-06-01', adoptedFromId: source },
    });
    expect(draft.statusCode).toBe(201);

    const fromA = (await get(`/api/orgs/${a.org.id}/cases/${source}`, a.cookie)).json();
    expect(fromA.adoptionCount).toBe(2);
    expect(fromA.adoptedBy).toEqual([{ id: adopted, title: 'ごみ出しアプリを導入', orgName: '横展開町' }]);
    expect((await get(`/api/orgs/${b.org.id}/cases/${adopted}`, b.cookie)).json().adoptedFrom).toEqual({
      id: source,
      title: 'ごみ出しアプリ',
      orgName: '元祖市',
    });
    // Without login only public cases are named: B's adoption is shared with members only.
    const publicCopy = (await get(`/api/public/cases/${source}`)).json();
    expect(publicCopy).toMatchObject({ adoptionCount: 2, adoptedBy: [] });
  });
});
