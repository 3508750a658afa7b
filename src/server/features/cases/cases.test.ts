import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { parseCsv } from '../../../../test/rounds.js';
import { kaizenCases } from '../../db/schema/cases.js';

/**
 * Cases through the HTTP API: reporting, the review workflow, who reads what (inside the
 * organisation and across organisations, with internal fields left out), search and bad input.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Person = { cookie: string; userId: string; email: string };
async function person(orgId: string, role: 'staff' | 'manager' | 'org_admin', departmentId?: string): Promise<Person> {
  const m = await createMember(t, { orgId, role, departmentId: departmentId ?? null });
  return { cookie: await logIn(t, m.user.email), userId: m.user.id, email: m.user.email };
}

// Each request a moment after the last, so the review history has an order.
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: Person | string, payload?: unknown) =>
  t.clock.advance(1000) ??
  t.app.inject({
    method,
    url,
    headers: { cookie: typeof who === 'string' ? who : who.cookie },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

const counterCase = {
  title: '窓口の押印を廃止し、申請書を1枚に',
  problem: '転入の手続で、市民が同じ内容を3枚の申請書に書き、押印していた。待ち時間は平均40分。',
  action: '押印を廃止し、申請書を1枚に統合。ＲＰＡで住基システムへの入力を自動化した。',
  result: '待ち時間が平均15分に短縮。職員の入力作業が年間600時間減った。',
  remaining: '他の手続への横展開。',
  happenedOn: '2026-06-15',
  sceneId: 'workplace-improvement',
  policyField: 'counter',
  method: 'reduce',
  sharing: 'network',
  internalFields: ['remaining'],
  tags: ['Speedy', 'Smart'],
  effects: [
    { kind: 'hours_per_year', target: 500, actual: 600 },
    { kind: 'waiting_minutes', target: 20, actual: 15, note: '転入手続の平均' },
  ],
};

describe('reporting and reviewing a case', () => {
  it('goes from draft through return and approval to published, each step seen by the right people', async () => {
    const { org, cookie: admin } = await createOrgWithAdmin(t);
    const unit = await createDepartment(t, org.id, { name: '市民課' });
    const reporter = await person(org.id, 'staff', unit.id);
    const colleague = await person(org.id, 'staff', unit.id);
    const manager = await person(org.id, 'manager', unit.id);
    const base = `/api/orgs/${org.id}/cases`;

    const created = await call('POST', base, reporter, {
      ...counterCase,
      departmentId: unit.id,
      reporterIds: [colleague.userId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `${base}/${created.json().id}`;
    const draft = (await call('GET', url, reporter)).json();
    expect(draft).toMatchObject({
      status: 'draft',
      departmentName: '市民課',
      fiscalYear: 2026,
      tags: ['Smart', 'Speedy'],
    });
    expect(draft.reporters.map((r: { id: string }) => r.id).sort()).toEqual([reporter.userId, colleague.userId].sort());
    expect(draft.effects[0]).toMatchObject({ kind: 'hours_per_year', target: 500, actual: 600 });
    expect(draft.can).toMatchObject({ edit: true, submit: true, review: false });
    // A draft is its reporters' own: the manager does not see it yet.
    expect((await call('GET', url, manager)).statusCode).toBe(404);

    expect((await call('POST', `${url}/review`, manager, { action: 'approve' })).statusCode).toBe(404);
    const submitted = await call('POST', `${url}/review`, reporter, { action: 'submit' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const mails = await t.waitForMails(manager.email, 1);
    expect(mails[0]?.subject).toContain('事例が提出されました');
    // Submitted: the reporter can no longer change it; a staff colleague outside the team cannot see it.
    const locked = await call('PUT', url, reporter, { ...counterCase, title: '変更' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('case_locked');
    const outsider = await person(org.id, 'staff');
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    expect((await call('POST', `${url}/review`, reporter, { action: 'approve' })).statusCode).toBe(403);

    const bare = await call('POST', `${url}/review`, manager, { action: 'return' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0]).toMatchObject({ path: 'body.comment', code: 'case.comment_required' });
    const returned = await call('POST', `${url}/review`, manager, {
      action: 'return',
      comment: '効果の根拠を書いてください。',
    });
    expect(returned.json().status).toBe('returned');
    expect((await t.waitForMails(reporter.email, 1))[0]?.text).toContain('効果の根拠を書いてください。');

    const edited = await call('PUT', url, reporter, {
      ...counterCase,
      result: `${counterCase.result}（窓口の記録から集計）`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await call('POST', `${url}/review`, reporter, { action: 'submit' })).statusCode).toBe(200);
    const approved = await call('POST', `${url}/review`, manager, {
      action: 'approve',
      managerOpinion: '他課にも広げたい。',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', managerOpinion: '他課にも広げたい。' });
    // Publishing is the organisation's decision, not the manager's.
    expect((await call('POST', `${url}/review`, manager, { action: 'publish' })).statusCode).toBe(403);
    const published = await call('POST', `${url}/review`, admin, { action: 'publish' });
    expect(published.json().status).toBe('published');
    expect(published.json().reviews.map((r: { action: string }) => r.action)).toEqual([
      'submit',
      'return',
      'submit',
      'approve',
      'publish',
    ]);
    // Published: everyone in the organisation reads it.
    expect((await call('GET', url, outsider)).json().title).toBe(counterCase.title);
    const again = await call('POST', `${url}/review`, admin, { action: 'publish' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case_status');

    const awarded = await call('POST', `${url}/awards`, admin, { fiscalYear: 2026, name: '市長賞' });
    expect(awarded.json().awards).toEqual([{ fiscalYear: 2026, name: '市長賞' }]);
    expect((await call('POST', `${url}/awards`, manager, { fiscalYear: 2026, name: '市長賞' })).statusCode).toBe(403);
  });
});

describe('sharing across organisations', () => {
  it('shows another organisation a published shared case without its internal fields, and nothing else', async () => {
    const a = await createOrgWithAdmin(t, {
      name: 'A市',
      municipalityType: 'city',
      population: 80_000,
      prefectureCode: '07',
    });
    const b = await createOrgWithAdmin(t, { name: 'B町', municipalityType: 'town', population: 9_000 });
    const publish = async (body: Record<string, unknown>) => {
      const id = (await call('POST', `/api/orgs/${a.org.id}/cases`, a.cookie, body)).json().id as string;
      for (const action of ['submit', 'approve', 'publish'])
        expect((await call('POST', `/api/orgs/${a.org.id}/cases/${id}/review`, a.cookie, { action })).statusCode).toBe(
          200,
        );
      return id;
    };
    const shared = await publish(counterCase);
    const privateOne = await publish({ ...counterCase, title: '庁内だけの窓口改善', sharing: 'org' });
    const draft = (
      await call('POST', `/api/orgs/${a.org.id}/cases`, a.cookie, { ...counterCase, title: '窓口の下書き' })
    ).json().id as string;

    const read = await call('GET', `/api/orgs/${b.org.id}/cases/${shared}`, b.cookie);
    expect(read.statusCode, read.body).toBe(200);
    const copy = read.json();
    expect(copy).toMatchObject({ title: counterCase.title, remaining: null, internalFields: null, reviews: null });
    expect(copy.org).toMatchObject({ name: 'A市', municipalityType: 'city' });
    expect(copy.can).toEqual({ edit: false, submit: false, review: false, publish: false, award: false });
    for (const id of [privateOne, draft])
      expect((await call('GET', `/api/orgs/${b.org.id}/cases/${id}`, b.cookie)).statusCode).toBe(404);
    // B cannot change A's case through its own organisation's route.
    expect((await call('PUT', `/api/orgs/${b.org.id}/cases/${shared}`, b.cookie, counterCase)).statusCode).toBe(404);

    // Other tests' organisations share cases too: look at A's.
    const search = (
      await call('GET', `/api/orgs/${b.org.id}/cases?q=${encodeURIComponent('窓口')}&from=others`, b.cookie)
    ).json();
    const found = search.hits.map((h: { id: string }) => h.id);
    expect(found).toContain(shared);
    expect(found).not.toContain(privateOne);
    expect(found).not.toContain(draft);
    expect(search.facets.org).toContainEqual({ value: a.org.id, label: 'A市', count: 1 });
    const hit = search.hits.find((h: { id: string }) => h.id === shared);
    expect(
      hit.titleParts.filter((p: { highlight: boolean }) => p.highlight).map((p: { text: string }) => p.text),
    ).toEqual(['窓口']);
    // The internal field is not searchable from outside: 横展開 appears only in `remaining`.
    const inside = await call('GET', `/api/orgs/${b.org.id}/cases?q=${encodeURIComponent('横展開')}`, b.cookie);
    expect(inside.json().hits.map((h: { id: string }) => h.id)).not.toContain(shared);
    const likeA = await call(
      'GET',
      `/api/orgs/${b.org.id}/cases?municipalityType=city&populationBand=50k_100k&prefectureCode=07`,
      b.cookie,
    );
    expect(likeA.json().hits.map((h: { id: string }) => h.id)).toContain(shared);
    const notLikeA = await call('GET', `/api/orgs/${b.org.id}/cases?populationBand=under_10k`, b.cookie);
    expect(notLikeA.json().hits.map((h: { id: string }) => h.id)).not.toContain(shared);
  });
});

describe('search', () => {
  it('finds two-character words and mixed scripts, ranks, filters, and counts facets', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const add = async (body: Record<string, unknown>) => {
      const id = (await call('POST', `/api/orgs/${org.id}/cases`, cookie, { ...counterCase, ...body })).json()
        .id as string;
      for (const action of ['submit', 'approve', 'publish'])
        await call('POST', `/api/orgs/${org.id}/cases/${id}/review`, cookie, { action });
      return id;
    };
    const rpa = await add({
      title: 'RPAで給与計算を自動化',
      problem: '給与の計算を手作業で行っていた。',
      action: 'ＲＰＡを導入した。',
      result: '年間200時間の削減。',
      sceneId: 'government-improvement',
      policyField: 'ict',
      method: 'ict',
      effects: [{ kind: 'hours_per_year', actual: 200 }],
      tags: [],
    });
    const seal = await add({ happenedOn: '2025-11-01' });
    const paper = await add({
      title: '会議資料のペーパーレス化',
      problem: '紙の資料を毎回印刷していた。今回の会議から変えた。',
      action: 'タブレットで共有した。',
      result: '年間1万枚の削減。',
      policyField: 'internal_affairs',
      method: 'stop',
      effects: [{ kind: 'paper_sheets', actual: 10000 }],
      tags: ['Smart'],
    });
    // This organisation's own cases: other tests' organisations share theirs.
    const search = (query: string) =>
      call('GET', `/api/orgs/${org.id}/cases?from=own&${query}`, cookie).then((r) => r.json());

    for (const q of ['RPA', 'ｒｐａ', 'ＲＰＡ', 'rpa']) {
      const found = await search(`q=${encodeURIComponent(q)}`);
      expect(found.hits.map((h: { id: string }) => h.id).sort(), q).toEqual([rpa, seal].sort());
    }
    // The title weighs more than the body: RPA is in the title of one and the body of the other.
    expect((await search('q=rpa')).hits[0].id).toBe(rpa);
    expect((await search(`q=${encodeURIComponent('押印')}`)).hits.map((h: { id: string }) => h.id)).toEqual([seal]);
    // A phrase: the bigrams of a term must follow each other. 毎回 and 回の both occur, 毎回の does not.
    expect((await search(`q=${encodeURIComponent('毎回印刷')}`)).total).toBe(1);
    expect((await search(`q=${encodeURIComponent('毎回の')}`)).total).toBe(0);

    const all = await search('');
    expect(all.total).toBe(3);
    // Without a query, newest first.
    expect(all.hits.at(-1).id).toBe(seal);
    expect(all.facets.fiscalYear).toEqual([
      { value: '2026', count: 2 },
      { value: '2025', count: 1 },
    ]);
    expect(all.facets.tag).toEqual([
      { value: 'Smart', count: 2 },
      { value: 'Speedy', count: 1 },
    ]);
    // A facet's own filter leaves its counts whole, so another value can be chosen.
    const ict = await search('policyField=ict');
    expect(ict.total).toBe(1);
    expect(ict.facets.policyField.map((f: { value: string }) => f.value).sort()).toEqual([
      'counter',
      'ict',
      'internal_affairs',
    ]);
    expect(ict.facets.method).toEqual([{ value: 'ict', count: 1 }]);

    expect((await search('sort=hours')).hits.map((h: { id: string }) => h.id)).toEqual([seal, rpa, paper]);
    expect((await search('sort=date')).hits[0].id).not.toBe(seal);
    expect((await search('effectKind=paper_sheets')).hits.map((h: { id: string }) => h.id)).toEqual([paper]);

    // Punctuation only or a pasted 10,000 characters: a safe answer, never an error.
    expect((await search(`q=${encodeURIComponent('！？、。・')}`)).total).toBe(3);
    const long = await call(
      'GET',
      `/api/orgs/${org.id}/cases?from=own&q=${encodeURIComponent('窓口'.repeat(5000))}`,
      cookie,
    );
    expect(long.statusCode).toBe(200);
  });
});

describe('bad input', () => {
  it('refuses what cannot be stored and keeps markup as text', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const other = await createOrgWithAdmin(t);
    const otherUnit = await createDepartment(t, other.org.id, { name: '他市の課' });
    const base = `/api/orgs/${org.id}/cases`;
    const count = async () =>
      (await t.database.db.select().from(kaizenCases).where(eq(kaizenCases.orgId, org.id))).length;

    const noTitle = await call('POST', base, cookie, { ...counterCase, title: '  ' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors[0].path).toBe('body.title');
    const foreign = await call('POST', base, cookie, { ...counterCase, departmentId: otherUnit.id });
    expect(foreign.json().errors[0]).toMatchObject({ path: 'body.departmentId', code: 'case.department_unknown' });
    const badScene = await call('POST', base, cookie, { ...counterCase, sceneId: 'moon-innovation' });
    expect(badScene.statusCode).toBe(400);
    const unnamed = await call('POST', base, cookie, { ...counterCase, effects: [{ kind: 'other', actual: 3 }] });
    expect(unnamed.json().errors[0]).toMatchObject({
      path: 'body.effects.0.label',
      code: 'case.effect_label_required',
    });
    expect(await count()).toBe(0);

    const script = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const created = await call('POST', base, cookie, { ...counterCase, title: script, problem: script });
    expect(created.statusCode).toBe(201);
    const read = (await call('GET', `${base}/${created.json().id}`, cookie)).json();
    expect(read.title).toBe(script);
    expect(await count()).toBe(1);
  });
});

describe('the team and the filters', () => {
  it('keeps the team when an administrator corrects a case, and lets staff name colleagues', async () => {
    const { org, cookie: admin, admin: adminMember } = await createOrgWithAdmin(t);
    const unit = await createDepartment(t, org.id, { name: '税務課' });
    const other = await createDepartment(t, org.id, { name: '福祉課' });
    const reporter = await person(org.id, 'staff', unit.id);
    const colleague = await person(org.id, 'staff', unit.id);
    const candidates = await call('GET', `/api/orgs/${org.id}/cases/reporter-candidates`, reporter);
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json().map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([reporter.userId, colleague.userId]),
    );
    expect(Object.keys(candidates.json()[0]).sort()).toEqual(['displayName', 'id']);

    const base = `/api/orgs/${org.id}/cases`;
    const id = (
      await call('POST', base, reporter, { ...counterCase, departmentId: unit.id, reporterIds: [colleague.userId] })
    ).json().id as string;
    const team = [reporter.userId, colleague.userId].sort();
    // Submitted: the administrator may correct it (a draft is its reporters' own).
    expect((await call('POST', `${base}/${id}/review`, reporter, { action: 'submit' })).statusCode).toBe(200);
    const corrected = await call('PUT', `${base}/${id}`, admin, {
      ...counterCase,
      departmentId: unit.id,
      title: '窓口の押印廃止',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(
      corrected
        .json()
        .reporters.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual(team);
    expect(corrected.json().reporters.map((r: { id: string }) => r.id)).not.toContain(adminMember.user.id);
    // A case cannot be adopted from itself.
    const loop = await call('PUT', `${base}/${id}`, admin, { ...counterCase, adoptedFromId: id });
    expect(loop.json().errors[0]).toMatchObject({ path: 'body.adoptedFromId', code: 'case.adopted_from_unknown' });

    await call('POST', base, admin, { ...counterCase, title: '福祉の窓口', departmentId: other.id });
    const byDepartment = (await call('GET', `${base}?from=own&departmentId=${unit.id}`, admin)).json();
    expect(byDepartment.hits.map((h: { id: string }) => h.id)).toEqual([id]);
    // The department facet leaves out its own filter, so the other department can be chosen.
    expect(byDepartment.facets.department.map((d: { label: string }) => d.label).sort()).toEqual(['福祉課', '税務課']);
    const byOrg = (await call('GET', `${base}?orgId=${org.id}`, admin)).json();
    expect(byOrg.total).toBe(2);
    expect(byOrg.facets.org).toContainEqual({ value: org.id, label: org.name, count: 2 });
  });
});

describe('adoption links', () => {
  it('keeps a link to a source the editor can no longer read when the form leaves it out', async () => {
    const a = await createOrgWithAdmin(t);
    const b = await createOrgWithAdmin(t);
    const source = (await call('POST', `/api/orgs/${a.org.id}/cases`, a.cookie, counterCase)).json().id as string;
    for (const action of ['submit', 'approve', 'publish'])
      await call('POST', `/api/orgs/${a.org.id}/cases/${source}/review`, a.cookie, { action });
    const adopted = (
      await call('POST', `/api/orgs/${b.org.id}/cases`, b.cookie, { ...counterCase, adoptedFromId: source })
    ).json().id as string;
    expect((await call('GET', `/api/orgs/${b.org.id}/cases/${adopted}`, b.cookie)).json().adoptedFrom.id).toBe(source);
    // A takes its case back: B no longer sees it, and B's edit form cannot show the link.
    await call('POST', `/api/orgs/${a.org.id}/cases/${source}/review`, a.cookie, { action: 'unpublish' });
    const edited = await call('PUT', `/api/orgs/${b.org.id}/cases/${adopted}`, b.cookie, {
      ...counterCase,
      adoptedFromId: null,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().adoptedFrom).toBeNull();
    const [row] = await t.database.db.select().from(kaizenCases).where(eq(kaizenCases.id, adopted));
    expect(row?.adoptedFromId).toBe(source);
    // Published again, the link shows again.
    await call('POST', `/api/orgs/${a.org.id}/cases/${source}/review`, a.cookie, { action: 'publish' });
    expect((await call('GET', `/api/orgs/${b.org.id}/cases/${adopted}`, b.cookie)).json().adoptedFrom.id).toBe(source);
  });
});

describe('export of a search', () => {
  it('writes the cases a search finds as CSV with a BOM or xlsx, without another organisation’s internal fields', async () => {
    const a = await createOrgWithAdmin(t, { name: 'エクスポート市' });
    const b = await createOrgWithAdmin(t);
    const id = (await call('POST', `/api/orgs/${a.org.id}/cases`, a.cookie, counterCase)).json().id as string;
    for (const action of ['submit', 'approve', 'publish'])
      await call('POST', `/api/orgs/${a.org.id}/cases/${id}/review`, a.cookie, { action });
    const csv = await call('GET', `/api/orgs/${b.org.id}/cases/export?orgId=${a.org.id}&lang=ja`, b.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.body);
    expect(rows[0]?.slice(0, 3)).toEqual(['ID', '件名', '組織']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        id,
        counterCase.title,
        'エクスポート市',
        '職場 × 改善',
        '窓口',
        'へらす',
        '公開中',
        '600',
      ]),
    );
    const english = parseCsv((await call('GET', `/api/orgs/${a.org.id}/cases/export?from=own&lang=en`, a.cookie)).body);
    expect(english[0]?.[1]).toBe('Title');
    expect(english[1]).toEqual(
      expect.arrayContaining(['Workplace × Improvement', 'Service counters', 'Reduce', 'Published']),
    );
    const xlsx = await call('GET', `/api/orgs/${a.org.id}/cases/export?from=own&format=xlsx`, a.cookie);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
