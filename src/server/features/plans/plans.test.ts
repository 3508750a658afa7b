import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { createRound, importTemplate } from '../../../../test/rounds.js';
import type { PlanCompare, PlanDetail, PlanVersion } from '../../../shared/plans/plan-schema.js';
import { addMonths } from './versions.js';

/**
 * Action plans through the API: a draft that freezes into versions, follow-ups that revise it,
 * the 完成版, comparing versions, who may see and change a plan, and every refusal.
 */

let t: TestApp;
let org: Awaited<ReturnType<typeof createOrgWithAdmin>>;
let staff: { id: string; cookie: string };
let colleague: { id: string; cookie: string };
let navigator: { id: string; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgWithAdmin(t, { name: 'プラン市' });
  const make = async (role: 'staff' | 'facilitator') => {
    const m = await createMember(t, { orgId: org.org.id, role });
    return { id: m.user.id, cookie: await logIn(t, m.user.email) };
  };
  staff = await make('staff');
  colleague = await make('staff');
  navigator = await make('facilitator');
});
afterAll(() => t.close());

const base = () => `/api/orgs/${org.org.id}/plans`;
const content = (extra: Record<string, unknown> = {}) => ({
  title: '窓口改善プラン',
  goal: '5年後に、自分の市で改善をリードする',
  aim: 'offense',
  startsOn: '2026-12-01',
  steps: [
    { id: 's1', text: '係内で待ち時間を測る', owner: '自分', dueOn: '2027-01-15' },
    { id: 's2', text: '番号札を試す', owner: '係長', dueOn: '2027-03-31', after: ['s1'] },
  ],
  involve: { colleagues: '係の同僚に測定を頼む', bosses: '課長に試行を相談', executives: '', hr: '' },
  sheetItems: [{ itemKey: 'vision', itemTitle: 'ビジョンの共有' }],
  scenes: ['workplace-improvement'],
  ...extra,
});

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const fieldCodes = (body: string) =>
  (JSON.parse(body) as { errors?: { path: string; code: string }[] }).errors?.map((e) => `${e.path}:${e.code}`);

async function createPlan(cookie = staff.cookie, body: Record<string, unknown> = {}) {
  const response = await call(cookie, 'POST', base(), { content: content(), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PlanDetail;
}

describe('an action plan', () => {
  it('freezes a 時点版, schedules the follow-ups, takes one that revises it, compares, and ends in a 完成版', async () => {
    const plan = await createPlan();
    expect(plan).toMatchObject({
      status: 'draft',
      versions: 0,
      ownerKind: 'person',
      can: { edit: true, comment: true },
    });

    t.clock.set(new Date('2026-12-10T03:00:00Z'));
    const frozen = await call(staff.cookie, 'POST', `${base()}/${plan.id}/versions`, {
      kind: 'snapshot',
      note: '第6回 発表会',
    });
    expect(frozen.statusCode, frozen.body).toBe(201);
    const presented = frozen.json() as PlanDetail;
    expect(presented).toMatchObject({ status: 'presented', versions: 1, nextFollowupOn: '2027-06-10' });
    expect(presented.followups.map((f) => [f.months, f.dueOn, f.status])).toEqual([
      [6, '2027-06-10', 'scheduled'],
      [12, '2027-12-10', 'scheduled'],
    ]);
    expect(presented.versionList[0]).toMatchObject({ number: 1, kind: 'snapshot', note: '第6回 発表会' });

    // The draft moves on; version 1 stays as it was.
    const edited = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, {
      content: content({ goal: '3年後に、課の改善をリードする' }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const v1 = (await call(staff.cookie, 'GET', `${base()}/${plan.id}/versions/1`)).json() as PlanVersion;
    expect(v1.content.goal).toBe('5年後に、自分の市で改善をリードする');
    const frozenEdit = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}/versions/1`, { content: content() });
    expect(frozenEdit.json()).toMatchObject({ code: 'version_frozen' });
    expect(
      (await call(staff.cookie, 'PATCH', `${base()}/${plan.id}/versions/1`, { note: '第6回 発表会（本庁）' })).json(),
    ).toMatchObject({
      note: '第6回 発表会（本庁）',
    });

    // The six-month follow-up: one step sustained, one abandoned, a new one in the revision.
    const [six] = presented.followups;
    const revised = content({
      goal: '3年後に、課の改善をリードする',
      steps: [
        { id: 's1', text: '係内で待ち時間を測る', owner: '自分', dueOn: '2027-01-15', status: 'done' },
        { id: 's2', text: '番号札を試す', owner: '係長', dueOn: '2027-03-31', after: ['s1'] },
        { id: 's3', text: 'オンライン予約を調べる', owner: '自分', dueOn: '2027-09-30' },
      ],
    });
    const recorded = await call(staff.cookie, 'POST', `${base()}/${plan.id}/followups/${six?.id}`, {
      happened: '測定で待ち時間が平均12分と分かった。',
      gap: '番号札は予算がつかなかった。',
      revisionNote: 'オンライン予約に切り替える。',
      stepResults: [
        { stepId: 's1', status: 'sustained' },
        { stepId: 's2', status: 'abandoned', comment: '予算なし' },
      ],
      revised,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const afterSix = recorded.json() as PlanDetail;
    expect(afterSix.versions).toBe(2);
    expect(afterSix.versionList[1]).toMatchObject({ number: 2, kind: 'revision' });
    expect(afterSix.followups[0]).toMatchObject({ status: 'done', reviewedVersion: 1, resultVersion: 2 });
    expect(afterSix.draft.steps.map((s) => [s.id, s.status])).toEqual([
      ['s1', 'sustained'],
      ['s2', 'abandoned'],
      ['s3', 'planned'],
    ]);
    const again = await call(staff.cookie, 'POST', `${base()}/${plan.id}/followups/${six?.id}`, {
      happened: '二度目',
      revised,
    });
    expect(again.json()).toMatchObject({ code: 'followup_done' });

    const compared = (
      await call(staff.cookie, 'GET', `${base()}/${plan.id}/compare?from=1&to=2`)
    ).json() as PlanCompare;
    expect(compared.changes).toEqual(
      expect.arrayContaining([
        {
          path: 'goal',
          kind: 'changed',
          before: '5年後に、自分の市で改善をリードする',
          after: '3年後に、課の改善をリードする',
        },
        { path: 'steps.s2.status', kind: 'changed', before: 'planned', after: 'abandoned' },
        expect.objectContaining({ path: 'steps.s3', kind: 'added' }),
      ]),
    );
    const withDraft = await call(staff.cookie, 'GET', `${base()}/${plan.id}/compare?from=2`);
    expect((withDraft.json() as PlanCompare).changes).toEqual([]);
    expect(fieldCodes((await call(staff.cookie, 'GET', `${base()}/${plan.id}/compare?from=1&to=9`)).body)).toEqual([
      'querystring.to:plan.version_unknown',
    ]);

    const final = await call(staff.cookie, 'POST', `${base()}/${plan.id}/versions`, {
      kind: 'final',
      note: '第8回 発表会',
    });
    const done = final.json() as PlanDetail;
    expect(done).toMatchObject({ status: 'final', versions: 3, nextFollowupOn: null, can: { edit: false } });
    expect(done.followups[1]?.status).toBe('cancelled');
    // A final plan takes no more edits, versions or follow-ups.
    expect((await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, { content: content() })).json()).toMatchObject({
      code: 'plan_final',
    });
    expect(
      (
        await call(staff.cookie, 'POST', `${base()}/${plan.id}/followups/${done.followups[1]?.id}`, {
          happened: 'x',
          revised,
        })
      ).json(),
    ).toMatchObject({ code: 'plan_final' });
    expect((await call(staff.cookie, 'POST', `${base()}/${plan.id}/versions`, { kind: 'snapshot' })).statusCode).toBe(
      409,
    );
    expect((await call(staff.cookie, 'DELETE', `${base()}/${plan.id}`)).statusCode).toBe(409);
  });

  it('refuses steps due before the start, unknown or circular orders, and changes nothing', async () => {
    const plan = await createPlan();
    const bad = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, {
      content: content({
        steps: [
          { id: 's1', text: '早すぎる', dueOn: '2026-11-01', after: ['s2'] },
          { id: 's2', text: '循環', after: ['s1'] },
          { id: 's3', text: '不明', after: ['s9'] },
        ],
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldCodes(bad.body)).toEqual([
      'body.content.steps.0.dueOn:plan.due_before_start',
      'body.content.steps.2.after:plan.step_unknown',
      'body.content.steps.0.after:plan.step_cycle',
      'body.content.steps.1.after:plan.step_cycle',
    ]);
    const after = (await call(staff.cookie, 'GET', `${base()}/${plan.id}`)).json() as PlanDetail;
    expect(after.draft.steps.map((s) => s.id)).toEqual(['s1', 's2']);
    const created = await call(staff.cookie, 'POST', base(), {
      content: content({ steps: [{ id: 's1', text: 'x', dueOn: '2020-01-01' }] }),
    });
    expect(fieldCodes(created.body)).toEqual(['body.content.steps.0.dueOn:plan.due_before_start']);
    const team = await call(staff.cookie, 'POST', base(), { ownerKind: 'team', content: content() });
    expect(fieldCodes(team.body)).toEqual(['body.teamName:plan.team_name_required']);
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('is private by default, shared with a facilitator, a team or the organisation, and commented on', async () => {
    const plan = await createPlan();
    expect((await call(colleague.cookie, 'GET', `${base()}/${plan.id}`)).statusCode).toBe(404);
    expect((await call(navigator.cookie, 'GET', `${base()}/${plan.id}`)).statusCode).toBe(404);
    const notFacilitator = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, {
      visibility: 'facilitator',
      facilitatorId: colleague.id,
    });
    expect(fieldCodes(notFacilitator.body)).toEqual(['body.facilitatorId:plan.facilitator_unknown']);
    const missing = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, { visibility: 'facilitator' });
    expect(fieldCodes(missing.body)).toEqual(['body.facilitatorId:plan.facilitator_required']);

    await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, {
      visibility: 'facilitator',
      facilitatorId: navigator.id,
    });
    const seen = (await call(navigator.cookie, 'GET', `${base()}/${plan.id}`)).json() as PlanDetail;
    expect(seen.can).toEqual({ edit: false, comment: true });
    expect((await call(navigator.cookie, 'PATCH', `${base()}/${plan.id}`, { content: content() })).statusCode).toBe(
      403,
    );
    const listed = await call(navigator.cookie, 'GET', '/api/me/facilitated-plans');
    expect((listed.json() as { plans: { id: string }[] }).plans.map((p) => p.id)).toContain(plan.id);
    const comment = await call(navigator.cookie, 'POST', `/api/facilitated-plans/${plan.id}/comments`, {
      body: '測定の結果を次の面談で聞かせてください。',
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expect((await call(colleague.cookie, 'GET', `${base()}/${plan.id}`)).statusCode).toBe(404);
    expect((await call(colleague.cookie, 'GET', `/api/facilitated-plans/${plan.id}`)).statusCode).toBe(404);
    // The facilitator reads each frozen version too.
    await call(staff.cookie, 'POST', `${base()}/${plan.id}/versions`, { kind: 'snapshot', note: '面談前' });
    const version = await call(navigator.cookie, 'GET', `/api/facilitated-plans/${plan.id}/versions/1`);
    expect(version.json()).toMatchObject({ number: 1, note: '面談前', content: { title: '窓口改善プラン' } });
    expect((await call(colleague.cookie, 'GET', `/api/facilitated-plans/${plan.id}/versions/1`)).statusCode).toBe(404);

    await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, { visibility: 'org' });
    const shared = (await call(colleague.cookie, 'GET', `${base()}?scope=shared`)).json() as {
      plans: { id: string }[];
    };
    expect(shared.plans.map((p) => p.id)).toContain(plan.id);
    const detail = (await call(colleague.cookie, 'GET', `${base()}/${plan.id}`)).json() as PlanDetail;
    expect(detail.comments.map((c) => c.body)).toEqual(['測定の結果を次の面談で聞かせてください。']);

    // Someone of another organisation never finds it.
    const other = await createOrgWithAdmin(t, { name: '遠くの町' });
    expect((await call(other.cookie, 'GET', `/api/orgs/${other.org.id}/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(other.cookie, 'GET', `/api/facilitated-plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('is a team plan whose people edit it', async () => {
    const plan = await createPlan(staff.cookie, {
      ownerKind: 'team',
      teamName: '市民課 窓口係',
      memberIds: [colleague.id],
    });
    expect(plan.members.map((m) => m.id)).toEqual([colleague.id]);
    const byColleague = await call(colleague.cookie, 'PATCH', `${base()}/${plan.id}`, {
      content: content({ title: '窓口係のプラン' }),
    });
    expect(byColleague.statusCode, byColleague.body).toBe(200);
    const mine = (await call(colleague.cookie, 'GET', base())).json() as { plans: { id: string; title: string }[] };
    expect(mine.plans.find((p) => p.id === plan.id)?.title).toBe('窓口係のプラン');
    // Two of the team editing at once: the later save, made on an older copy, is refused.
    const opened = (await call(staff.cookie, 'GET', `${base()}/${plan.id}`)).json() as PlanDetail;
    const first = await call(colleague.cookie, 'PATCH', `${base()}/${plan.id}`, {
      content: content({ title: '先に保存' }),
      baseUpdatedAt: opened.updatedAt,
    });
    expect(first.statusCode, first.body).toBe(200);
    const late = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, {
      content: content({ title: '後から保存' }),
      baseUpdatedAt: opened.updatedAt,
    });
    expect(late.json()).toMatchObject({ status: 409, code: 'plan_edit_conflict' });
    expect(((await call(staff.cookie, 'GET', `${base()}/${plan.id}`)).json() as PlanDetail).title).toBe('先に保存');
    const stranger = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, {
      memberIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(fieldCodes(stranger.body)).toEqual(['body.memberIds.0:plan.member_unknown']);
  });

  it("becomes a team plan in one step from a workshop group's agreed next moves", async () => {
    const { templateId } = await importTemplate(t, org.org.id, org.cookie);
    const roundId = await createRound(t, org.org.id, org.cookie, { templateId });
    const workshop = await call(org.cookie, 'POST', `/api/orgs/${org.org.id}/workshops`, {
      roundId,
      title: '職場の対話',
      grouping: 'assigned',
      groupNames: ['窓口チーム', '企画チーム'],
    });
    const { id: workshopId } = workshop.json() as { id: string };
    const view = (await call(org.cookie, 'GET', `/api/orgs/${org.org.id}/workshops/${workshopId}`)).json() as {
      groups: { id: string; name: string }[];
    };
    const group = view.groups[0]?.id ?? '';
    for (const [itemKey, nextMove] of [
      ['vision', '朝会で目標を共有する'],
      ['sharing', '改善事例を月1回紹介する'],
    ])
      await t.app.inject({
        method: 'PUT',
        headers: { cookie: org.cookie },
        url: `/api/orgs/${org.org.id}/workshops/${workshopId}/notes`,
        payload: {
          scope: group,
          itemKey,
          nextMove,
          agreedLevel: 2,
        },
      });
    const made = await call(org.cookie, 'POST', `${base()}/from-workshop`, { workshopId, scope: group });
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json() as PlanDetail;
    expect(plan).toMatchObject({ ownerKind: 'team', teamName: '窓口チーム', visibility: 'team', status: 'draft' });
    expect(plan.sourceWorkshop).toMatchObject({ id: workshopId, title: '職場の対話', scope: group });
    expect(plan.draft.steps.map((s) => s.text)).toEqual(['朝会で目標を共有する', '改善事例を月1回紹介する']);
    expect(plan.draft.sheetItems.map((i) => i.itemKey)).toEqual(['vision', 'sharing']);
    const empty = await call(org.cookie, 'POST', `${base()}/from-workshop`, { workshopId, scope: view.groups[1]?.id });
    expect(fieldCodes(empty.body)).toEqual(['body.scope:workshop.group_unknown']);
    // Staff do not run workshops.
    expect((await call(staff.cookie, 'POST', `${base()}/from-workshop`, { workshopId, scope: group })).statusCode).toBe(
      403,
    );
  });

  it('stops showing a plan to people who leave the organisation or stop being its facilitator', async () => {
    const make = async (role: 'staff' | 'facilitator') => {
      const m = await createMember(t, { orgId: org.org.id, role });
      return { id: m.user.id, membershipId: m.membership.id, cookie: await logIn(t, m.user.email) };
    };
    const mate = await make('staff');
    const helper = await make('facilitator');
    const plan = await createPlan(staff.cookie, {
      ownerKind: 'team',
      teamName: '窓口係',
      memberIds: [mate.id, mate.id],
      visibility: 'facilitator',
      facilitatorId: helper.id,
    });
    expect(plan.members.map((m) => m.id)).toEqual([mate.id]);
    expect((await call(helper.cookie, 'GET', `/api/facilitated-plans/${plan.id}`)).statusCode).toBe(200);
    // The facilitator becomes staff: the share ends with the role, and the owner can still edit.
    await call(org.cookie, 'PATCH', `/api/orgs/${org.org.id}/members/${helper.membershipId}`, { role: 'staff' });
    expect((await call(helper.cookie, 'GET', `/api/facilitated-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(helper.cookie, 'GET', `${base()}/${plan.id}`)).statusCode).toBe(404);
    expect((await call(helper.cookie, 'GET', '/api/me/facilitated-plans')).json()).toEqual({ plans: [] });
    expect(
      (await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, { content: content({ title: '続ける' }) })).statusCode,
    ).toBe(200);
    // A team member who leaves the organisation reads it no more, by any route.
    await call(org.cookie, 'DELETE', `/api/orgs/${org.org.id}/members/${mate.membershipId}`);
    expect((await call(mate.cookie, 'GET', `/api/facilitated-plans/${plan.id}`)).statusCode).toBe(404);
    const comment = await call(mate.cookie, 'POST', `/api/facilitated-plans/${plan.id}/comments`, { body: '外から' });
    expect(comment.statusCode).toBe(404);
  });

  it('refuses changes the schedule and the record cannot take', async () => {
    const plan = await createPlan();
    await call(staff.cookie, 'POST', `${base()}/${plan.id}/versions`, { kind: 'snapshot' });
    const months = await call(staff.cookie, 'PATCH', `${base()}/${plan.id}`, { followupMonths: [3] });
    expect(fieldCodes(months.body)).toEqual(['body.followupMonths:plan.followups_fixed']);
    for (const url of [
      `${base()}/${plan.id}/versions/99999999999`,
      `${base()}/${plan.id}/compare?from=1&to=99999999999`,
      `/api/facilitated-plans/${plan.id}/versions/99999999999`,
    ])
      expect((await call(staff.cookie, 'GET', url)).statusCode, url).toBe(400);
    const far = await call(staff.cookie, 'POST', `${base()}/${plan.id}/comments`, {
      body: 'x',
      versionNumber: 3000000000,
    });
    expect(far.statusCode).toBe(400);
    const detail = (await call(staff.cookie, 'GET', `${base()}/${plan.id}`)).json() as PlanDetail;
    const twice = await call(staff.cookie, 'POST', `${base()}/${plan.id}/followups/${detail.followups[0]?.id}`, {
      happened: '二重',
      stepResults: [
        { stepId: 's1', status: 'sustained' },
        { stepId: 's1', status: 'abandoned' },
      ],
      revised: content(),
    });
    expect(fieldCodes(twice.body)).toEqual(['body.stepResults.1.stepId:plan.step_duplicate']);
    // Only the owner deletes a plan.
    const team = await createPlan(staff.cookie, { ownerKind: 'team', teamName: '係', memberIds: [colleague.id] });
    expect((await call(colleague.cookie, 'DELETE', `${base()}/${team.id}`)).statusCode).toBe(403);
    expect((await call(staff.cookie, 'DELETE', `${base()}/${team.id}`)).statusCode).toBe(204);
  });
});
