import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import {
  createRespondents,
  createRound,
  importTemplate,
  parseCsv,
  type Respondent,
  submit,
} from '../../../../test/rounds.js';

/**
 * Which responses stand behind a group of a round is fixed once its answers exist. Reorganising the
 * departments afterwards (moving, deleting, creating) and moving people must not change any group,
 * or the difference of two readings would show one person's answers.
 *
 * P (top) holds X and Y; Z is at the top. One person answers in X, k in Y, k in Z.
 */

let t: TestApp;

async function setUp(k: number) {
  const { org, cookie } = await createOrgWithAdmin(t);
  const orgId = org.id;
  const p = (await createDepartment(t, orgId, { name: 'P部', level: 'bureau' })).id;
  const x = (await createDepartment(t, orgId, { name: 'X課', parentId: p })).id;
  const y = (await createDepartment(t, orgId, { name: 'Y課', parentId: p })).id;
  const z = (await createDepartment(t, orgId, { name: 'Z部', level: 'bureau' })).id;
  const { templateId } = await importTemplate(t, orgId, cookie);
  const [lone] = (await createRespondents(t, orgId, [{ departmentId: x }])) as [Respondent];
  const inY = await createRespondents(t, orgId, [{ departmentId: y, count: k }]);
  const inZ = await createRespondents(t, orgId, [{ departmentId: z, count: k }]);
  const roundId = await createRound(t, orgId, cookie, { templateId, anonymityThreshold: k });
  // The lone person answers 3, 1, 2: levels nobody else chose, so a difference would show them.
  expect((await submit(t, orgId, roundId, lone, { vision: 3, sharing: 1, challenge: 2 })).statusCode).toBe(201);
  for (const who of [...inY, ...inZ]) expect((await submit(t, orgId, roundId, who, 2)).statusCode).toBe(201);
  const closed = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/rounds/${roundId}/close`,
    headers: { cookie },
    payload: {},
  });
  expect(closed.statusCode).toBe(200);
  return { orgId, cookie, roundId, dept: { p, x, y, z }, lone };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

async function read(s: Setup, departmentId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/orgs/${s.orgId}/rounds/${s.roundId}/results?departmentId=${departmentId}`,
    headers: { cookie: s.cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  return { group: body.group, distributions: body.items.map((i: { distribution: number[] | null }) => i.distribution) };
}

async function readAll(s: Setup) {
  return Object.fromEntries(
    await Promise.all(Object.entries(s.dept).map(async ([name, id]) => [name, await read(s, id)] as const)),
  );
}

async function exportGroup(s: Setup, departmentId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/orgs/${s.orgId}/rounds/${s.roundId}/export?format=csv&departmentId=${departmentId}`,
    headers: { cookie: s.cookie },
  });
  expect(response.statusCode).toBe(200);
  return parseCsv(response.body);
}

async function patch(s: Setup, url: string, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'PATCH', url, headers: { cookie: s.cookie }, payload });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe.each([2, 3])('with k = %i, after the round closed', (k) => {
  it('a department moved elsewhere leaves every group, and its export, as it was', async () => {
    const s = await setUp(k);
    const before = await readAll(s);
    expect(before.p?.group.responseCount).toBe(k + 1);
    const csvBefore = await exportGroup(s, s.dept.p);

    await patch(s, `/api/orgs/${s.orgId}/departments/${s.dept.x}`, { parentId: s.dept.z });
    expect(await readAll(s)).toEqual(before);
    expect(await exportGroup(s, s.dept.p)).toEqual(csvBefore);

    // Moving it back leaves no trace either way.
    await patch(s, `/api/orgs/${s.orgId}/departments/${s.dept.x}`, { parentId: s.dept.p });
    expect(await readAll(s)).toEqual(before);
  });

  it('moving the person out and deleting their department changes no group', async () => {
    const s = await setUp(k);
    const before = await readAll(s);
    const members = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${s.orgId}/members`,
      headers: { cookie: s.cookie },
    });
    const membership = (members.json() as { id: string; userId: string }[]).find((m) => m.userId === s.lone.userId);
    await patch(s, `/api/orgs/${s.orgId}/members/${membership?.id}`, { departmentId: s.dept.z, position: 'director' });
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${s.orgId}/departments/${s.dept.x}`,
      headers: { cookie: s.cookie },
    });
    expect(removed.statusCode).toBe(200);
    const after = await readAll(s);
    expect(after.p).toEqual(before.p);
    expect(after.y).toEqual(before.y);
    expect(after.z).toEqual(before.z);
    // The round still knows the department by the name it had.
    const all = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${s.orgId}/rounds/${s.roundId}/results`,
      headers: { cookie: s.cookie },
    });
    const filters = all.json().departmentFilters as { id: string; name: string; parentId: string | null }[];
    expect(filters.find((d) => d.id === s.dept.x)).toMatchObject({ name: 'X課', parentId: s.dept.p });
  });

  it('a new department under P, moved people and a unit trend read after it change nothing', async () => {
    const s = await setUp(k);
    const before = await readAll(s);
    const trendBefore = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${s.orgId}/departments/${s.dept.p}/sheet-trend`,
      headers: { cookie: s.cookie },
    });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${s.orgId}/departments`,
      headers: { cookie: s.cookie },
      payload: { name: 'W課', level: 'division', parentId: s.dept.p },
    });
    expect(created.statusCode).toBe(201);
    await patch(s, `/api/orgs/${s.orgId}/departments/${s.dept.y}`, { parentId: s.dept.z, name: 'Y課（新）' });
    await patch(s, `/api/orgs/${s.orgId}/departments/${s.dept.z}`, { parentId: s.dept.p });
    expect(await readAll(s)).toEqual(before);
    const trendAfter = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${s.orgId}/departments/${s.dept.p}/sheet-trend`,
      headers: { cookie: s.cookie },
    });
    expect(trendAfter.json().rounds).toEqual(trendBefore.json().rounds);
  });
});

describe('what a member who does not manage sheets may read', () => {
  it('filters by their own department only, not by one a draft of theirs names', async () => {
    const s = await setUp(2);
    const [curious] = (await createRespondents(t, s.orgId, [{ departmentId: s.dept.z }])) as [Respondent];
    // A round still open: the member saves a draft naming X, and never submits.
    const { templateId } = await importTemplate(t, s.orgId, s.cookie);
    const roundId = await createRound(t, s.orgId, s.cookie, { templateId, anonymityThreshold: 2 });
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${s.orgId}/rounds/${roundId}/my-response`,
      headers: { cookie: curious.cookie },
      payload: { position: 'staff', departmentId: s.dept.x, mostImportantItemKey: null, answers: [] },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const read = (id: string, departmentId: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/orgs/${s.orgId}/rounds/${id}/results?departmentId=${departmentId}`,
        headers: { cookie: curious.cookie },
      });
    expect((await read(roundId, s.dept.x)).statusCode).toBe(404);
    expect((await read(roundId, s.dept.p)).statusCode).toBe(404);
    expect((await read(roundId, s.dept.z)).statusCode).toBe(200);
  });

  it('is not compared with an earlier cohort round they were not in', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const { templateId } = await importTemplate(t, org.id, cookie);
    const first = await createRespondents(t, org.id, [{ count: 2 }]);
    const second = await createRespondents(t, org.id, [{ count: 2 }]);
    const cohortRound = async (people: Respondent[]) => {
      const id = await createRound(t, org.id, cookie, {
        templateId,
        anonymityThreshold: 2,
        scopeKind: 'cohort',
        participantIds: people.map((p) => p.userId),
      });
      for (const who of people) expect((await submit(t, org.id, id, who, 2)).statusCode).toBe(201);
      const closed = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/rounds/${id}/close`,
        headers: { cookie },
        payload: {},
      });
      expect(closed.statusCode).toBe(200);
      return id;
    };
    await cohortRound(first);
    t.clock.advance(1000);
    const later = await cohortRound(second);
    const results = (cookieOf: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/orgs/${org.id}/rounds/${later}/results`,
        headers: { cookie: cookieOf },
      });
    const outsider = (await results((second[0] as Respondent).cookie)).json();
    expect(outsider.compare).toBeNull();
    expect(outsider.items.every((i: { previous: unknown }) => i.previous === null)).toBe(true);
    // The organisation's admin, who may open both, sees the comparison.
    expect((await results(cookie)).json().compare).not.toBeNull();
  });
});
