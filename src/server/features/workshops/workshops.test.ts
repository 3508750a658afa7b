import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRound, importTemplate } from '../../../../test/rounds.js';
import { readEvents } from '../../../../test/sse.js';
import type { ParticipantView, WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { answerLimit, codeGuessLimit } from './participants.js';
import { insertEvent } from './repo.js';

/**
 * Live workshops through the API: a facilitator opens one on a round, people join by code without
 * an account, answer, and the tally shows each spread only from k answers, withheld groups
 * included; notes, progress, locking and bad input; and the live stream with resume.
 */

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgWithAdmin>>;
let roundId: string;
let namedRoundId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgWithAdmin(t, { name: 'ワークショップ市' });
  const { templateId } = await importTemplate(t, org.org.id, org.cookie);
  roundId = await createRound(t, org.org.id, org.cookie, { templateId, anonymityThreshold: 3 });
  namedRoundId = await createRound(t, org.org.id, org.cookie, { templateId, anonymityThreshold: 3, anonymous: false });
});
afterAll(() => t.close());

const base = () => `/api/orgs/${org.org.id}/workshops`;

async function openWorkshop(body: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: base(),
    headers: { cookie: org.cookie },
    payload: { roundId, title: '職場の対話', grouping: 'position', ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; code: string };
}

/** Joins as a participant; returns the cookie header that brings them back. */
async function join(code: string, nickname: string, position = 'staff', extra: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/workshops/join',
    payload: { code, nickname, position, ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies[0];
  return { cookie: `${cookie?.name}=${cookie?.value}`, ...(response.json() as { workshopId: string }) };
}

const answer = (workshopId: string, cookie: string, itemKey: string, level: number | null) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/workshops/${workshopId}/answers`,
    headers: { cookie },
    payload: { itemKey, level },
  });

const view = async (workshopId: string) =>
  (
    await t.app.inject({ method: 'GET', url: `${base()}/${workshopId}`, headers: { cookie: org.cookie } })
  ).json() as WorkshopView;

/** The tally is sent a moment after answers; the view reads it fresh. */
const itemTally = async (workshopId: string, itemKey: string) =>
  (await view(workshopId)).tally.items.find((i) => i.itemKey === itemKey);

describe('a workshop', () => {
  it('is joined by code without an account, and shows a spread only from k answers', async () => {
    const { id, code } = await openWorkshop();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    // Typed in lower case with a space, as people do from a projector.
    const spaced = `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`;
    const lookup = await t.app.inject({
      method: 'GET',
      url: `/api/workshops/lookup?code=${encodeURIComponent(spaced)}`,
    });
    expect(lookup.json()).toMatchObject({ workshopId: id, title: '職場の対話', grouping: 'position', status: 'open' });

    const a = await join(spaced, 'さくら');
    const b = await join(code, 'ひろし');
    const me = (
      await t.app.inject({ method: 'GET', url: `/api/workshops/${id}/me`, headers: { cookie: a.cookie } })
    ).json() as ParticipantView;
    expect(me.me).toMatchObject({ nickname: 'さくら', position: 'staff', answers: [] });
    expect(me.items.map((i) => i.key)).toEqual(['vision', 'sharing', 'challenge']);

    expect((await answer(id, a.cookie, 'vision', 2)).statusCode).toBe(204);
    expect((await answer(id, b.cookie, 'vision', 3)).statusCode).toBe(204);
    expect((await itemTally(id, 'vision'))?.overall).toEqual({ n: null, counts: null });

    const c = await join(code, 'けん', 'section_chief');
    expect((await answer(id, c.cookie, 'vision', 3)).statusCode).toBe(204);
    const shown = await itemTally(id, 'vision');
    expect(shown?.overall).toEqual({ n: 3, counts: [0, 1, 2, 0] });
    // Staff (2) and section chiefs (1) are both below k: neither group is shown.
    expect(shown?.groups.filter((g) => g.counts !== null)).toEqual([]);

    // A reload keeps the answers: the cookie brings the same participant back.
    const again = (
      await t.app.inject({ method: 'GET', url: `/api/workshops/${id}/me`, headers: { cookie: a.cookie } })
    ).json() as ParticipantView;
    expect(again.me.answers).toEqual([{ itemKey: 'vision', level: 2 }]);
    // Taking an answer back, on an anonymous round, waits like any change for k people to move.
    expect((await answer(id, a.cookie, 'vision', null)).statusCode).toBe(204);
    expect((await itemTally(id, 'vision'))?.overall).toEqual({ n: 3, counts: [0, 1, 2, 0] });
    expect((await view(id)).tally.waiting).toBe(1);
  });

  it('withholds a group that others would give away by subtraction', async () => {
    // A named round counts every answer at once, so the spread below is the five answers'.
    const { id, code } = await openWorkshop({ roundId: namedRoundId });
    const staff = await Promise.all(['一', '二', '三', '四'].map((n) => join(code, `職員${n}`)));
    const chief = await join(code, '課長', 'section_chief');
    for (const p of [...staff, chief]) expect((await answer(id, p.cookie, 'sharing', 2)).statusCode).toBe(204);
    const tally = await itemTally(id, 'sharing');
    expect(tally?.overall.counts).toEqual([0, 5, 0]);
    // Showing staff (4) beside everyone (5) would show the one chief's answer: staff is withheld too.
    expect(tally?.groups.every((g) => g.counts === null)).toBe(true);
  });

  it('groups by table, moves people, records notes and agreed levels, and shows progress without levels', async () => {
    // On a named round the facilitator sees each person's progress; see below for anonymous ones.
    const { id, code } = await openWorkshop({ grouping: 'table', tableCount: 3, roundId: namedRoundId });
    const lookup = await t.app.inject({ method: 'GET', url: `/api/workshops/lookup?code=${code}` });
    expect(lookup.json().tables).toEqual([1, 2, 3]);
    const noTable = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: '机なし', position: 'staff' },
    });
    expect(noTable.statusCode).toBe(400);
    expect(noTable.json().errors[0]).toMatchObject({ path: 'body.tableNumber', code: 'workshop.table_required' });

    const p = await join(code, 'みどり', 'staff', { tableNumber: 2 });
    const groups = (await view(id)).groups;
    expect(groups.map((g) => g.name)).toEqual(['1', '2', '3']);
    const progressOf = async () =>
      (await t.app.inject({ method: 'GET', url: `${base()}/${id}/progress`, headers: { cookie: org.cookie } })).json();
    const [row] = (await progressOf()).participants;
    expect(row).toMatchObject({ nickname: 'みどり', answered: 0, voted: false, groupId: groups[1]?.id });
    const move = (groupId: string | undefined) =>
      t.app.inject({
        method: 'PATCH',
        url: `${base()}/${id}/participants/${row.id}`,
        headers: { cookie: org.cookie },
        payload: { groupId },
      });
    expect((await move(groups[2]?.id)).json().participants[0].groupId).toBe(groups[2]?.id);

    await answer(id, p.cookie, 'challenge', 1);
    const progress = await progressOf();
    expect(progress.participants[0]).toMatchObject({ answered: 1, groupId: groups[2]?.id });
    expect(JSON.stringify(progress)).not.toContain('"level"');
    // Once someone has answered, moving them would show their answers as a difference of spreads.
    expect((await move(groups[0]?.id)).json()).toMatchObject({ code: 'participant_answered' });

    const note = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${id}/notes`,
      headers: { cookie: org.cookie },
      payload: {
        scope: groups[2]?.id,
        itemKey: 'challenge',
        notes: '<b>失敗を責めない</b>雰囲気をつくる。',
        nextMove: '月1回、小さな挑戦を共有する。',
        agreedLevel: 2,
        agreedReason: '挑戦はあるが、共有されていない。',
      },
    });
    expect(note.statusCode, note.body).toBe(200);
    expect((await view(id)).notes).toEqual([
      expect.objectContaining({
        scope: groups[2]?.id,
        itemKey: 'challenge',
        agreedLevel: 2,
        notes: '<b>失敗を責めない</b>雰囲気をつくる。',
      }),
    ]);
    const badLevel = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${id}/notes`,
      headers: { cookie: org.cookie },
      payload: { scope: 'all', itemKey: 'challenge', agreedLevel: 4 },
    });
    expect(badLevel.json().errors[0]).toMatchObject({ path: 'body.agreedLevel', code: 'workshop.level_range' });
    const tooLong = await t.app.inject({
      method: 'PUT',
      url: `${base()}/${id}/notes`,
      headers: { cookie: org.cookie },
      payload: { scope: 'all', itemKey: 'challenge', notes: 'あ'.repeat(2001) },
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('steps, reveals, runs the closing poll and locks; a locked workshop takes no one and no answer', async () => {
    const { id, code } = await openWorkshop();
    const people = await Promise.all(['甲', '乙', '丙'].map((n) => join(code, n)));
    const control = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `${base()}/${id}`, headers: { cookie: org.cookie }, payload });
    const stepped = await control({ currentItemKey: 'sharing', revealed: ['vision'] });
    expect(stepped.json()).toMatchObject({ currentItemKey: 'sharing', revealed: ['vision'] });
    expect((await control({ currentItemKey: 'nothing' })).statusCode).toBe(400);

    const vote = (cookie: string, itemKey: string) =>
      t.app.inject({ method: 'PUT', url: `/api/workshops/${id}/poll`, headers: { cookie }, payload: { itemKey } });
    expect((await vote(people[0]?.cookie ?? '', 'vision')).statusCode).toBe(409);
    await control({ pollOpen: true });
    for (const [i, p] of people.entries())
      expect((await vote(p.cookie, i === 2 ? 'challenge' : 'vision')).statusCode).toBe(204);
    expect((await view(id)).tally.poll).toEqual({
      n: 3,
      counts: [
        { itemKey: 'vision', n: 2 },
        { itemKey: 'challenge', n: 1 },
      ],
    });

    await control({ status: 'locked' });
    // A locked workshop stays locked.
    expect((await control({ status: 'open' })).json()).toMatchObject({ code: 'workshop_locked' });
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: '遅刻', position: 'staff' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'workshop_locked' });
    expect((await answer(id, people[0]?.cookie ?? '', 'vision', 1)).json()).toMatchObject({ code: 'workshop_locked' });
  });

  it("refuses a wrong code, an unknown item or level, someone else's cookie, and a flood of answers", async () => {
    const { id, code } = await openWorkshop();
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: 'ZZZZZZ', nickname: 'x', position: 'staff' },
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'workshop_not_found' });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code: 'O0I1', nickname: 'x', position: 'staff' },
    });
    expect(malformed.json().errors[0]).toMatchObject({ path: 'body.code', code: 'workshop.code' });

    const p = await join(code, 'テスト');
    expect((await answer(id, p.cookie, 'nothing', 1)).json().errors[0]).toMatchObject({
      code: 'workshop.item_unknown',
    });
    expect((await answer(id, p.cookie, 'sharing', 4)).json().errors[0]).toMatchObject({ code: 'workshop.level_range' });
    expect((await answer(id, 'kn_ws_x=nope', 'sharing', 1)).statusCode).toBe(404);
    const forged = p.cookie.replace(/\.[^.]+$/, '.forged');
    expect((await answer(id, forged, 'sharing', 1)).statusCode).toBe(404);

    // Another site's page cannot answer with the participant's cookie.
    const forgedSite = await t.app.inject({
      method: 'PUT',
      url: `/api/workshops/${id}/answers`,
      headers: { cookie: p.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { itemKey: 'sharing', level: 1 },
    });
    expect(forgedSite.statusCode).toBe(403);

    let last = 0;
    for (let i = 0; i < answerLimit.perWindow + 1; i++)
      last = (await answer(id, p.cookie, 'sharing', (i % 3) + 1)).statusCode;
    expect(last).toBe(429);
    // Everyone else goes on answering.
    const other = await join(code, '別の人');
    expect((await answer(id, other.cookie, 'sharing', 1)).statusCode).toBe(204);
  });

  it('stops an address that guesses codes, for right codes too, while others join', async () => {
    const { code } = await openWorkshop();
    const guess = (tried: string, remoteAddress: string) =>
      t.app.inject({ method: 'GET', url: `/api/workshops/lookup?code=${tried}`, remoteAddress });
    for (let i = 0; i < codeGuessLimit.perWindow; i++) expect((await guess('ZZZZZZ', '10.9.9.9')).statusCode).toBe(404);
    expect((await guess(code, '10.9.9.9')).json()).toMatchObject({ code: 'rate_limited' });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      remoteAddress: '10.9.9.9',
      payload: { code, nickname: '推測', position: 'staff' },
    });
    expect(refused.statusCode).toBe(429);
    expect((await guess(code, '10.9.9.10')).statusCode).toBe(200);
  });

  it('is run by facilitators and administrators only, and is not found from another organisation', async () => {
    const { id } = await openWorkshop();
    const staff = await createMember(t, { orgId: org.org.id, role: 'staff' });
    const staffCookie = await logIn(t, staff.user.email);
    expect(
      (await t.app.inject({ method: 'GET', url: `${base()}/${id}`, headers: { cookie: staffCookie } })).statusCode,
    ).toBe(403);
    const other = await createOrgWithAdmin(t, { name: '別の町' });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${other.org.id}/workshops/${id}`,
      headers: { cookie: other.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('a workshop on an anonymous round, watched by its facilitator', () => {
  it("never shows one person answering: no one's progress, and spreads that move k people at a time", async () => {
    const { id, code } = await openWorkshop({ grouping: 'position' });
    const people = await Promise.all(['一', '二', '三', '四', '五', '六', '七'].map((n) => join(code, `参加者${n}`)));
    const progress = async () =>
      (await t.app.inject({ method: 'GET', url: `${base()}/${id}/progress`, headers: { cookie: org.cookie } })).json();
    // The facilitator reads the console (view and progress) after every single answer, as the
    // attack did: a name's count rising beside a spread that grew by one gave that person's level.
    const seen: { n: number | null; counts: number[] | null; waiting: number | null }[] = [];
    for (const [i, person] of people.entries()) {
      expect((await answer(id, person.cookie, 'vision', (i % 4) + 1)).statusCode).toBe(204);
      const tally = (await view(id)).tally;
      const vision = tally.items.find((item) => item.itemKey === 'vision');
      seen.push({ n: vision?.overall.n ?? null, counts: vision?.overall.counts ?? null, waiting: tally.waiting });
      const list = await progress();
      expect(list.anonymous).toBe(true);
      for (const row of list.participants) {
        expect(row.answered).toBeNull();
        expect(row.voted).toBeNull();
      }
      expect(list.answeredByItem).toEqual([{ itemKey: 'vision', n: i + 1 }]);
    }
    // k = 3: nothing, nothing, then three at once; held until three more; the seventh waits.
    expect(seen.map((s) => s.n)).toEqual([null, null, 3, 3, 3, 6, 6]);
    expect(seen.map((s) => s.waiting)).toEqual([1, 2, 0, 1, 2, 0, 1]);
    // Between any two spreads the facilitator saw, the counts moved by 0 or at least k answers.
    for (let i = 1; i < seen.length; i++) {
      const before = seen[i - 1]?.counts ?? [0, 0, 0, 0];
      const after = seen[i]?.counts ?? [0, 0, 0, 0];
      const moved = after.reduce((sum, c, level) => sum + Math.abs(c - (before[level] ?? 0)), 0);
      expect(moved === 0 || moved >= 3, `step ${i}: ${before} → ${after}`).toBe(true);
    }
    // A change of mind is a change like any other: it waits for two more.
    expect((await answer(id, people[0]?.cookie ?? '', 'vision', 4)).statusCode).toBe(204);
    expect((await view(id)).tally.items.find((item) => item.itemKey === 'vision')?.overall.n).toBe(6);

    // The closing poll moves the same way, k votes at a time.
    const control = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `${base()}/${id}`, headers: { cookie: org.cookie }, payload });
    expect((await control({ pollOpen: true })).statusCode).toBe(200);
    const vote = (cookie: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/workshops/${id}/poll`,
        headers: { cookie },
        payload: { itemKey: 'sharing' },
      });
    const polls: (number | null)[] = [];
    for (const person of people.slice(0, 4)) {
      expect((await vote(person.cookie)).statusCode).toBe(204);
      polls.push((await view(id)).tally.poll.n);
    }
    expect(polls).toEqual([null, null, 3, 3]);
  });

  it('moves nobody between groups once anyone has answered, so a refusal does not point at one person', async () => {
    const { id, code } = await openWorkshop({ grouping: 'assigned', groupNames: ['A班', 'B班'] });
    const [first, second] = await Promise.all([join(code, '先に答える人'), join(code, 'まだの人')]);
    const groups = (await view(id)).groups;
    const participants = (
      await t.app.inject({ method: 'GET', url: `${base()}/${id}/progress`, headers: { cookie: org.cookie } })
    ).json().participants as { id: string; nickname: string }[];
    const idOf = (nickname: string) => participants.find((p) => p.nickname === nickname)?.id;
    const move = (participantId: string | undefined, groupId: string | undefined) =>
      t.app.inject({
        method: 'PATCH',
        url: `${base()}/${id}/participants/${participantId}`,
        headers: { cookie: org.cookie },
        payload: { groupId },
      });
    expect((await move(idOf('まだの人'), groups[0]?.id)).statusCode).toBe(200);
    expect((await answer(id, first?.cookie ?? '', 'vision', 2)).statusCode).toBe(204);
    for (const nickname of ['先に答える人', 'まだの人']) {
      const refused = await move(idOf(nickname), groups[1]?.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('workshop_answers_started');
    }
    expect(second).toBeDefined();
  });

  it('on a named round stays live: each answer counts at once and progress names who answered', async () => {
    const { id, code } = await openWorkshop({ grouping: 'position', roundId: namedRoundId });
    const people = await Promise.all(['甲', '乙', '丙', '丁'].map((n) => join(code, n)));
    for (const person of people) expect((await answer(id, person.cookie, 'vision', 2)).statusCode).toBe(204);
    const tally = (await view(id)).tally;
    expect(tally.waiting).toBeNull();
    expect(tally.items.find((item) => item.itemKey === 'vision')?.overall).toEqual({ n: 4, counts: [0, 4, 0, 0] });
    const list = (
      await t.app.inject({ method: 'GET', url: `${base()}/${id}/progress`, headers: { cookie: org.cookie } })
    ).json();
    expect(list.anonymous).toBe(false);
    expect(list.participants.map((p: { answered: number }) => p.answered)).toEqual([1, 1, 1, 1]);
  });
});

describe('a workshop for signed-in members only', () => {
  it('takes each member once, and nobody without an account or from another organisation', async () => {
    const { id, code } = await openWorkshop({ requireAccount: true });
    const lookup = await t.app.inject({ method: 'GET', url: `/api/workshops/lookup?code=${code}` });
    expect(lookup.json()).toMatchObject({ requireAccount: true });
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      payload: { code, nickname: '名無し', position: 'staff' },
    });
    expect(anonymous.json()).toMatchObject({ status: 403, code: 'workshop_account_required' });
    const outsider = await createOrgWithAdmin(t, { name: '外の町' });
    const fromOutside = await t.app.inject({
      method: 'POST',
      url: '/api/workshops/join',
      headers: { cookie: outsider.cookie },
      payload: { code, nickname: '外の人', position: 'staff' },
    });
    expect(fromOutside.statusCode).toBe(403);

    const member = await createMember(t, { orgId: org.org.id, role: 'staff' });
    const session = await logIn(t, member.user.email);
    const joinAs = (nickname: string, position: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/workshops/join',
        headers: { cookie: session },
        payload: { code, nickname, position },
      });
    const first = await joinAs('さくら', 'staff');
    expect(first.statusCode, first.body).toBe(201);
    const firstCookie = `${first.cookies[0]?.name}=${first.cookies[0]?.value}`;
    expect((await answer(id, firstCookie, 'vision', 2)).statusCode).toBe(204);
    // Joining again (another device) is the same participant, in the same group, with the answer.
    const again = await joinAs('さくら2', 'section_chief');
    expect(again.json()).toEqual(first.json());
    const secondCookie = `${again.cookies[0]?.name}=${again.cookies[0]?.value}`;
    const me = (
      await t.app.inject({ method: 'GET', url: `/api/workshops/${id}/me`, headers: { cookie: secondCookie } })
    ).json() as ParticipantView;
    expect(me.me).toMatchObject({ nickname: 'さくら', position: 'staff', answers: [{ itemKey: 'vision', level: 2 }] });
    expect((await view(id)).tally.participants).toBe(1);
    // The first device's secret was replaced.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/workshops/${id}/me`, headers: { cookie: firstCookie } }))
        .statusCode,
    ).toBe(404);
  });
});

describe('the summary', () => {
  it("exports results withheld below k, notes, and each group's next moves as a draft plan", async () => {
    const { id, code } = await openWorkshop({ grouping: 'assigned', groupNames: ['A班', 'B班'] });
    const people = await Promise.all(['一', '二', '三'].map((n) => join(code, n)));
    for (const p of people) await answer(id, p.cookie, 'vision', 3);
    const groups = (await view(id)).groups;
    const note = (scope: string, itemKey: string, nextMove: string, agreedLevel: number | null) =>
      t.app.inject({
        method: 'PUT',
        url: `${base()}/${id}/notes`,
        headers: { cookie: org.cookie },
        payload: { scope, itemKey, nextMove, agreedLevel, agreedReason: '全員の実感', notes: 'メモ' },
      });
    expect((await note(groups[0]?.id ?? '', 'sharing', '朝会で5分共有する', 2)).statusCode).toBe(200);
    expect((await note(groups[0]?.id ?? '', 'vision', '', null)).statusCode).toBe(200);
    expect((await note('all', 'challenge', '挑戦を表彰する', 1)).statusCode).toBe(200);

    const drafts = await t.app.inject({
      method: 'GET',
      url: `${base()}/${id}/plan-drafts`,
      headers: { cookie: org.cookie },
    });
    expect(drafts.json().drafts).toEqual([
      {
        scope: 'all',
        groupName: null,
        moves: [expect.objectContaining({ itemKey: 'challenge', nextMove: '挑戦を表彰する', agreedLevel: 1 })],
      },
      {
        scope: groups[0]?.id,
        groupName: 'A班',
        moves: [expect.objectContaining({ itemKey: 'sharing', nextMove: '朝会で5分共有する' })],
      },
    ]);

    const csv = await t.app.inject({
      method: 'GET',
      url: `${base()}/${id}/export?format=csv&lang=ja`,
      headers: { cookie: org.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.body;
    // Everyone's spread (3 answers) is shown; the groups (nobody was placed in one) are withheld.
    expect(text).toContain('基本,めざす姿,全体,3,0,0,3,0');
    expect(text).toContain('3人未満のため非表示');
    expect(text).toContain('A班,情報共有,2,朝会で5分共有する,全員の実感');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${base()}/${id}/export?format=xlsx`,
      headers: { cookie: org.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the live stream', () => {
  it('brings each answer to every open stream within a second, and resumes after the last event id', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { id, code } = await openWorkshop();
    const people = await Promise.all(['一', '二', '三'].map((n) => join(code, n)));
    const open = (cookie: string, lastEventId?: number) =>
      fetch(`${address}/api/workshops/${id}/events`, {
        headers: { cookie, ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}) },
      });
    const facilitator = fetch(`${address}${base()}/${id}/events`, { headers: { cookie: org.cookie } });
    // Participants see the spreads of revealed items only.
    await t.app.inject({
      method: 'PATCH',
      url: `${base()}/${id}`,
      headers: { cookie: org.cookie },
      payload: { revealed: ['vision'] },
    });
    const stream = await open(people[0]?.cookie ?? '');
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const started = Date.now();
    for (const p of people) await answer(id, p.cookie, 'vision', 4);
    const seen = await readEvents(stream, (events) =>
      events.some(
        (e) => e.event === 'tally' && (e.data as { items: { overall: { n: number } }[] }).items[0]?.overall.n === 3,
      ),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    const tally = seen.filter((e) => e.event === 'tally').at(-1)?.data as WorkshopView['tally'];
    expect(tally.items[0]?.overall).toEqual({ n: 3, counts: [0, 0, 0, 3] });
    // Participants never receive the facilitator's progress list.
    expect(seen.some((e) => e.event === 'progress')).toBe(false);
    const facilitatorEvents = await readEvents(await facilitator, (events) =>
      events.some((e) => e.event === 'progress'),
    );
    expect(facilitatorEvents.some((e) => e.event === 'progress')).toBe(true);

    // Reconnecting with the last id sees only what came after it.
    const lastId = seen.at(-1)?.id ?? 0;
    await t.app.inject({
      method: 'PATCH',
      url: `${base()}/${id}`,
      headers: { cookie: org.cookie },
      payload: { currentItemKey: 'challenge' },
    });
    const resumed = await readEvents(await open(people[1]?.cookie ?? '', lastId), (events) =>
      events.some((e) => e.event === 'state'),
    );
    expect(resumed.every((e) => e.id > lastId)).toBe(true);
    expect(resumed.find((e) => e.event === 'state')?.data).toMatchObject({ currentItemKey: 'challenge' });

    const stranger = await fetch(`${address}/api/workshops/${id}/events`);
    expect(stranger.status).toBe(404);
  });
});

describe('a facilitator changing the workshop while events are written', () => {
  it('is never refused as a conflict: the row lock does not wait on an event being added (which waited on it)', async () => {
    const { id } = await openWorkshop();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const [changed] = await Promise.all([
        t.app.inject({
          method: 'PATCH',
          url: `${base()}/${id}`,
          headers: { cookie: org.cookie },
          payload: { currentItemKey: i % 2 ? 'vision' : 'sharing' },
        }),
        // What a tally or a progress list does a moment after answers, on this or another server.
        insertEvent(t.deps.db, { workshopId: id, kind: 'tally', audience: 'all', payload: {}, now: t.clock.now() }),
        insertEvent(t.deps.db, { workshopId: id, kind: 'progress', audience: 'all', payload: {}, now: t.clock.now() }),
      ]);
      statuses.push(changed.statusCode);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
