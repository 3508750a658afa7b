import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { readEvents } from '../../../../test/sse.js';
import type {
  EventComment,
  EventParticipantView,
  FacilitatorEventView,
} from '../../../shared/workshops/presentation-schema.js';
import { commentLimit } from './presentation-participants.js';

/**
 * Presentation events (事例発表会) through the API: a timed programme, audience comments (some
 * anonymous, some hidden by the facilitator), judges' scores, the audience vote, the results
 * announced to every screen, and every refusal that keeps them fair.
 */

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgWithAdmin>>;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgWithAdmin(t, { name: '発表会市' });
});
afterAll(() => t.close());

const base = () => `/api/orgs/${org.org.id}/presentation-events`;

async function openEvent(body: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: base(),
    headers: { cookie: org.cookie },
    payload: {
      title: '令和8年度 カイゼン事例発表会',
      criteria: ['効果', '創意工夫'],
      presentations: [
        { title: '窓口の待ち時間を半分に', presenter: '市民課' },
        { title: '押印の廃止', presenter: '総務課' },
      ],
      ...body,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const { id, code } = response.json() as { id: string; code: string };
  return { id, code, view: await view(id) };
}

const view = async (id: string) =>
  (
    await t.app.inject({ method: 'GET', url: `${base()}/${id}`, headers: { cookie: org.cookie } })
  ).json() as FacilitatorEventView;

const control = (id: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `${base()}/${id}`, headers: { cookie: org.cookie }, payload });

async function join(code: string, nickname: string, extra: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code, nickname, position: 'staff', ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies[0];
  return `${cookie?.name}=${cookie?.value}`;
}

const me = async (id: string, cookie: string) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/presentation-events/${id}/me`, headers: { cookie } })
  ).json() as EventParticipantView;

const comment = (id: string, cookie: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/presentation-events/${id}/comments`, headers: { cookie }, payload });
const score = (id: string, cookie: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: `/api/presentation-events/${id}/scores`, headers: { cookie }, payload });
const vote = (id: string, cookie: string, presentationId: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/presentation-events/${id}/vote`,
    headers: { cookie },
    payload: { presentationId },
  });

const fieldCodes = (body: string) => (JSON.parse(body) as { errors?: { code: string }[] }).errors?.map((e) => e.code);

describe('a presentation event', () => {
  it('is joined by code, by the audience and by judges with their key', async () => {
    const { id, code, view: opened } = await openEvent();
    expect(opened).toMatchObject({ status: 'open', minutes: 5, voteOpen: false, resultsPublished: false });
    expect(opened.criteria).toEqual([
      { key: 'c1', label: '効果' },
      { key: 'c2', label: '創意工夫' },
    ]);
    expect(opened.judgeKey).toMatch(/^[A-Z0-9]{8}$/);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/workshops/lookup?code=${code}` });
    expect(lookup.json()).toMatchObject({ workshopId: id, mode: 'presentations', status: 'open' });

    const audience = await join(code, 'さくら');
    // Typed in lower case with a space, as read off a slip of paper.
    const key = opened.judgeKey.toLowerCase();
    const judge = await join(code, '市長', { judgeKey: `${key.slice(0, 4)} ${key.slice(4)}`, position: 'executive' });
    expect((await me(id, audience)).me).toMatchObject({ role: 'audience', votePresentationId: null });
    expect((await me(id, judge)).me).toMatchObject({ role: 'judge', nickname: '市長', scores: [] });

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: '偽審査員', position: 'staff', judgeKey: 'ZZZZZZZZ' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldCodes(wrong.body)).toEqual(['event.judge_key_wrong']);
    expect((await view(id)).counts).toEqual({ audience: 1, judges: 1, voted: 0 });

    // The sheet workshop's routes do not serve it, nor its participants' sheet routes.
    const asSheet = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.org.id}/workshops/${id}`,
      headers: { cookie: org.cookie },
    });
    expect(asSheet.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/workshops/${id}/me`, headers: { cookie: audience } })).statusCode,
    ).toBe(404);
    // It is in the workshops list, as a presentation event.
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.org.id}/workshops`,
      headers: { cookie: org.cookie },
    });
    expect(
      (list.json() as { workshops: { id: string; mode: string }[] }).workshops.find((w) => w.id === id)?.mode,
    ).toBe('presentations');
  });

  it("runs each presenter's time and steps through the programme", async () => {
    const { id, view: opened } = await openEvent({ minutes: 7 });
    const [first, second] = opened.presentations;
    const refused = await control(id, { timer: 'start' });
    expect(refused.statusCode).toBe(400);

    const started = (
      await control(id, { currentPresentationId: first?.id, timer: 'start' })
    ).json() as FacilitatorEventView;
    expect(started.currentPresentationId).toBe(first?.id);
    expect(started.presentations[0]).toMatchObject({ startedAt: expect.any(String), endedAt: null });
    // Stepping on stops the first presenter's time; the second has not started.
    const stepped = (await control(id, { currentPresentationId: second?.id })).json() as FacilitatorEventView;
    expect(stepped.presentations[0]?.endedAt).toEqual(expect.any(String));
    expect(stepped.presentations[1]).toMatchObject({ startedAt: null, endedAt: null });
    const unknown = await control(id, { currentPresentationId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldCodes(unknown.body)).toEqual(['event.presentation_unknown']);
  });

  it('shows comments at once, never who wrote an anonymous one, and hides what the facilitator hides', async () => {
    const { id, code, view: opened } = await openEvent();
    const presentationId = opened.presentations[0]?.id ?? '';
    const a = await join(code, 'さくら');
    const b = await join(code, 'ひろし');
    const named = await comment(id, a, { presentationId, body: 'すぐ真似できそうです！' });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ author: 'さくら', body: 'すぐ真似できそうです！', hidden: false });
    const anonymous = await comment(id, b, { presentationId, body: '費用はいくらでしたか', anonymous: true });
    expect(anonymous.json()).toMatchObject({ author: null });
    // The facilitator sees no name on it either.
    const comments = (await view(id)).comments;
    expect(comments.map((c) => c.author)).toEqual(['さくら', null]);
    expect(JSON.stringify(await view(id))).not.toContain('ひろし');

    const hidden = await t.app.inject({
      method: 'PATCH',
      url: `${base()}/${id}/comments/${(named.json() as EventComment).id}`,
      headers: { cookie: org.cookie },
      payload: { hidden: true },
    });
    expect(hidden.json()).toMatchObject({ hidden: true, body: 'すぐ真似できそうです！' });
    const seen = (await me(id, b)).comments;
    expect(seen[0]).toMatchObject({ hidden: true, body: '', author: null });

    expect((await comment(id, a, { presentationId, body: 'あ'.repeat(201) })).statusCode).toBe(400);
    expect((await comment(id, a, { presentationId, body: '   ' })).statusCode).toBe(400);
    const elsewhere = await comment(id, a, { presentationId: '00000000-0000-4000-8000-000000000000', body: '質問' });
    expect(fieldCodes(elsewhere.body)).toEqual(['event.presentation_unknown']);
    const statuses: number[] = [];
    for (let i = 0; i < commentLimit.perWindow + 1; i++)
      statuses.push((await comment(id, b, { presentationId, body: `連投${i}` })).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect((await comment(id, 'kn_ws_x=forged', { presentationId, body: '偽物' })).statusCode).toBe(404);
  });

  it('takes judges’ scores and the audience vote, and announces the results to every screen', async () => {
    const { id, code, view: opened } = await openEvent();
    const [first, second] = opened.presentations.map((p) => p.id);
    const judges = await Promise.all(['審査員A', '審査員B'].map((n) => join(code, n, { judgeKey: opened.judgeKey })));
    const audience = await Promise.all(['一', '二', '三'].map((n) => join(code, n)));

    expect((await score(id, audience[0] ?? '', { presentationId: first, scores: { c1: 5, c2: 5 } })).statusCode).toBe(
      403,
    );
    const partial = await score(id, judges[0] ?? '', { presentationId: first, scores: { c1: 5 } });
    expect(fieldCodes(partial.body)).toEqual(['event.criterion_missing']);
    const stray = await score(id, judges[0] ?? '', { presentationId: first, scores: { c1: 5, c2: 4, c9: 1 } });
    expect(stray.statusCode).toBe(400);
    expect((await score(id, judges[0] ?? '', { presentationId: first, scores: { c1: 5, c2: 6 } })).statusCode).toBe(
      400,
    );
    for (const [judge, points] of [
      [judges[0], { first: { c1: 5, c2: 4 }, second: { c1: 3, c2: 3 } }],
      [judges[1], { first: { c1: 4, c2: 4 }, second: { c1: 5, c2: 4 } }],
    ] as const) {
      expect(
        (await score(id, judge ?? '', { presentationId: first, scores: points.first, comment: '分かりやすい' }))
          .statusCode,
      ).toBe(204);
      expect((await score(id, judge ?? '', { presentationId: second, scores: points.second })).statusCode).toBe(204);
    }
    const judged = await me(id, judges[0] ?? '');
    expect(judged.me.scores.find((s) => s.presentationId === first)).toMatchObject({
      scores: { c1: 5, c2: 4 },
      comment: '分かりやすい',
    });
    // Phones and the audience see no results before they are announced; the facilitator a preview.
    expect(judged.results).toBeNull();
    const preview = await view(id);
    expect(preview.scoring).toEqual([
      { presentationId: first, scoredBy: 2 },
      { presentationId: second, scoredBy: 2 },
    ]);
    expect(preview.results?.presentations.map((p) => [p.average, p.rank])).toEqual([
      [8.5, 1],
      [7.5, 2],
    ]);

    expect((await vote(id, audience[0] ?? '', second ?? '')).statusCode).toBe(409);
    expect((await control(id, { voteOpen: true })).statusCode).toBe(200);
    for (const person of audience) expect((await vote(id, person, second ?? '')).statusCode).toBe(204);
    // A change of mind while the vote is open.
    expect((await vote(id, audience[2] ?? '', first ?? '')).statusCode).toBe(204);
    expect((await vote(id, judges[0] ?? '', first ?? '')).statusCode).toBe(403);
    expect((await view(id)).counts).toEqual({ audience: 3, judges: 2, voted: 3 });

    const announced = (await control(id, { resultsPublished: true })).json() as FacilitatorEventView;
    expect(announced).toMatchObject({ resultsPublished: true, voteOpen: false });
    const results = (await me(id, audience[0] ?? '')).results;
    expect(results).toMatchObject({ judges: 2, votes: 3, maxTotal: 10 });
    expect(results?.presentations.map((p) => [p.title, p.rank, p.votes, p.voteRank])).toEqual([
      ['窓口の待ち時間を半分に', 1, 1, 2],
      ['押印の廃止', 2, 2, 1],
    ]);
    expect(results?.presentations[0]?.criteria).toEqual([
      { key: 'c1', average: 4.5 },
      { key: 'c2', average: 4 },
    ]);

    // Announced results are final: no more scores, votes, programme changes or reopened vote.
    const late = await score(id, judges[1] ?? '', { presentationId: first, scores: { c1: 1, c2: 1 } });
    expect(late.json()).toMatchObject({ code: 'results_published' });
    expect((await vote(id, audience[0] ?? '', first ?? '')).json()).toMatchObject({ code: 'vote_closed' });
    expect((await control(id, { voteOpen: true })).json()).toMatchObject({ code: 'results_published' });
    const programme = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${id}/programme`,
      headers: { cookie: org.cookie },
      payload: { presentations: [{ title: '追加', presenter: '企画課' }] },
    });
    expect(programme.json()).toMatchObject({ code: 'results_published' });

    const csv = await t.app.inject({
      method: 'GET',
      url: `${base()}/${id}/export?format=csv`,
      headers: { cookie: org.cookie },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('審査平均点（10点満点）');
    expect(csv.body).toContain('押印の廃止');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${base()}/${id}/export?format=xlsx`,
      headers: { cookie: org.cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    expect((await control(id, { status: 'locked' })).statusCode).toBe(200);
    expect((await comment(id, audience[0] ?? '', { presentationId: first, body: 'おめでとう' })).json()).toMatchObject({
      code: 'workshop_locked',
    });
    expect((await control(id, { status: 'open' })).statusCode).toBe(409);
    const late2 = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: '遅刻', position: 'staff' },
    });
    expect(late2.statusCode).toBe(409);
  });

  it('edits the programme, keeping what hangs on a presentation', async () => {
    const { id, code, view: opened } = await openEvent();
    const [first, second] = opened.presentations;
    const put = (presentations: unknown[]) =>
      t.app.inject({
        method: 'PUT',
        url: `${base()}/${id}/programme`,
        headers: { cookie: org.cookie },
        payload: { presentations },
      });
    const edited = await put([
      { id: second?.id, title: '押印の廃止（全庁）', presenter: '総務課' },
      { id: first?.id, title: first?.title, presenter: first?.presenter },
      { title: 'RPAで給与事務', presenter: '人事課' },
    ]);
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as FacilitatorEventView).presentations.map((p) => p.title)).toEqual([
      '押印の廃止（全庁）',
      '窓口の待ち時間を半分に',
      'RPAで給与事務',
    ]);
    const person = await join(code, 'さくら');
    expect((await comment(id, person, { presentationId: first?.id, body: '良い！' })).statusCode).toBe(201);
    const dropping = await put([{ id: second?.id, title: '押印の廃止', presenter: '総務課' }]);
    expect(fieldCodes(dropping.body)).toEqual(['event.presentation_has_activity']);
    expect((await view(id)).presentations).toHaveLength(3);

    const other = await createOrgWithAdmin(t, { name: '別の町' });
    const theirCase = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${other.org.id}/presentation-events`,
      headers: { cookie: other.cookie },
      payload: { title: 'x', criteria: ['効果'], presentations: [{ title: 'x', presenter: 'y', caseId: first?.id }] },
    });
    expect(fieldCodes(theirCase.body)).toEqual(['event.case_unknown']);
  });

  it('is run by facilitators and administrators only, and is not found from another organisation', async () => {
    const { id } = await openEvent();
    const staff = await createMember(t, { orgId: org.org.id, role: 'staff' });
    const staffCookie = await logIn(t, staff.user.email);
    expect(
      (await t.app.inject({ method: 'GET', url: `${base()}/${id}`, headers: { cookie: staffCookie } })).statusCode,
    ).toBe(403);
    const other = await createOrgWithAdmin(t, { name: '隣の市' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${other.org.id}/presentation-events/${id}`,
      headers: { cookie: other.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the live stream of a presentation event', () => {
  it('brings comments to every screen, drops the words of a hidden one, and keeps scoring for the facilitator', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { id, code, view: opened } = await openEvent();
    const presentationId = opened.presentations[0]?.id ?? '';
    const audience = await join(code, 'さくら');
    const judge = await join(code, '審査員', { judgeKey: opened.judgeKey });
    const phone = await fetch(`${address}/api/workshops/${id}/events`, { headers: { cookie: audience } });
    const console = await fetch(`${address}/api/orgs/${org.org.id}/workshops/${id}/events`, {
      headers: { cookie: org.cookie },
    });
    const posted = (await comment(id, audience, { presentationId, body: '質問があります' })).json() as EventComment;
    await t.app.inject({
      method: 'PATCH',
      url: `${base()}/${id}/comments/${posted.id}`,
      headers: { cookie: org.cookie },
      payload: { hidden: true },
    });
    await score(id, judge, { presentationId, scores: { c1: 3, c2: 4 } });
    const seen = await readEvents(phone, (events) => events.filter((e) => e.event === 'comment').length >= 2);
    const comments = seen.filter((e) => e.event === 'comment').map((e) => e.data as EventComment);
    expect(comments[0]).toMatchObject({ body: '質問があります', author: 'さくら', hidden: false });
    expect(comments[1]).toMatchObject({ id: posted.id, body: '', hidden: true });
    const facilitator = await readEvents(console, (events) => events.some((e) => e.event === 'scoring'));
    expect(facilitator.find((e) => e.event === 'scoring')?.data).toEqual([
      { presentationId, scoredBy: 1 },
      { presentationId: opened.presentations[1]?.id, scoredBy: 0 },
    ]);
    expect(facilitator.filter((e) => e.event === 'comment').at(-1)?.data).toMatchObject({
      hidden: true,
      body: '質問があります',
    });
    const later = await readEvents(
      await fetch(`${address}/api/workshops/${id}/events`, { headers: { cookie: audience } }),
      (events) => events.some((e) => e.event === 'scoring'),
      1500,
    );
    expect(later.some((e) => e.event === 'scoring')).toBe(false);
  });
});
