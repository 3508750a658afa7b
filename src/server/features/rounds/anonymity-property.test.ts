import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDepartment, createMember, createOrg, sessionFor } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { importTemplate } from '../../../../test/rounds.js';
import type { Position } from '../../../shared/auth/roles.js';

/**
 * The anonymity invariant as a property, through the HTTP API: whatever an org admin does to the
 * department tree, memberships and positions while a round runs and after it closed, and whichever
 * filters they read, no two groups they are shown may differ by 1 to k−1 responses (one inside the
 * other), and after the round closed a filter always shows the same responses.
 *
 * Each respondent i answers level 2 on item i and level 1 on every other item, so the distributions
 * of a shown group say exactly which responses stand behind it: the test needs no model of how
 * the server decides.
 *
 * PROPERTY_RUNS and PROPERTY_SEED run it longer or elsewhere; a failure prints the seed and the
 * shrunk scenario.
 */

const positions: Position[] = ['staff', 'subsection_chief', 'director'];
const runs = Number(process.env.PROPERTY_RUNS ?? 12);
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261204;

const editArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), dept: fc.nat(), parent: fc.integer({ min: -1, max: 9 }) }),
  fc.record({ kind: fc.constant('rename' as const), dept: fc.nat() }),
  fc.record({ kind: fc.constant('create' as const), parent: fc.integer({ min: -1, max: 9 }) }),
  fc.record({ kind: fc.constant('delete' as const), dept: fc.nat() }),
  fc.record({
    kind: fc.constant('member' as const),
    who: fc.nat(),
    dept: fc.integer({ min: -1, max: 9 }),
    position: fc.constantFrom(...positions),
  }),
);
type Edit = typeof editArbitrary extends fc.Arbitrary<infer T> ? T : never;

const scenarioArbitrary = fc.record({
  k: fc.integer({ min: 2, max: 3 }),
  parents: fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 2, maxLength: 6 }),
  respondents: fc.array(fc.record({ dept: fc.integer({ min: -1, max: 5 }), position: fc.constantFrom(...positions) }), {
    minLength: 3,
    maxLength: 12,
  }),
  whileOpen: fc.array(fc.record({ at: fc.nat({ max: 11 }), edit: editArbitrary }), { maxLength: 4 }),
  afterClose: fc.array(editArbitrary, { minLength: 1, maxLength: 4 }),
});
type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Person {
  userId: string;
  membershipId: string;
  cookie: string;
  departmentId: string | null;
  position: Position;
}

async function runScenario(s: Scenario) {
  const org = await createOrg(t);
  const orgId = org.id;
  const adminMember = await createMember(t, { orgId, role: 'org_admin', position: 'other' });
  const admin = await sessionFor(t, adminMember.user.id);
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/orgs/${orgId}${url}`,
      headers: { cookie: admin },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  // The tree: each department under an earlier one or at the top.
  const live: string[] = [];
  for (const [i, p] of s.parents.entries()) {
    const parentId = p >= 0 && p < i ? (live[p] ?? null) : null;
    live.push((await createDepartment(t, orgId, { parentId, name: `部署${i}` })).id);
  }
  const everKnown = new Set(live);
  const people: Person[] = [];
  for (const r of s.respondents) {
    const departmentId = r.dept >= 0 ? (live[r.dept % live.length] ?? null) : null;
    const m = await createMember(t, { orgId, position: r.position, departmentId });
    people.push({
      userId: m.user.id,
      membershipId: m.membership.id,
      cookie: await sessionFor(t, m.user.id),
      departmentId,
      position: r.position,
    });
  }

  const itemCount = people.length;
  const level = (n: number) => ({ label: `段階${n}`, descriptor: `段階${n}の状態。` });
  const { templateId } = await importTemplate(t, orgId, admin, {
    formatVersion: 1,
    key: `property-${Math.random().toString(36).slice(2, 8)}`,
    title: { ja: '性質テスト' },
    edition: 'custom',
    variant: 'quick',
    sections: [
      {
        key: 'all',
        title: '全項目',
        items: Array.from({ length: itemCount }, (_, i) => ({
          key: `i${i}`,
          title: `項目${i}`,
          levels: [1, 2, 3].map(level),
        })),
      },
    ],
  } as never);
  const today = new Date(t.clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const created = await call('POST', '/rounds', {
    title: '性質テストの実施',
    templateId,
    version: 1,
    scopeKind: 'org',
    opensOn: today,
    closesOn: today,
    anonymityThreshold: s.k,
    anonymous: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  const roundId = created.json().id as string;

  const applyEdit = async (edit: Edit) => {
    const pick = (n: number) => (live.length > 0 ? live[n % live.length] : undefined);
    const pickOrTop = (n: number) => (n < 0 || live.length === 0 ? null : (live[n % live.length] ?? null));
    if (edit.kind === 'move') {
      const id = pick(edit.dept);
      if (!id) return;
      const moved = await call('PATCH', `/departments/${id}`, { parentId: pickOrTop(edit.parent) });
      expect([200, 422], moved.body).toContain(moved.statusCode);
    } else if (edit.kind === 'rename') {
      const id = pick(edit.dept);
      if (id) expect((await call('PATCH', `/departments/${id}`, { name: `改称${edit.dept}` })).statusCode).toBe(200);
    } else if (edit.kind === 'create') {
      const made = await call('POST', '/departments', {
        name: '新設課',
        level: 'division',
        parentId: pickOrTop(edit.parent),
      });
      expect(made.statusCode, made.body).toBe(201);
      live.push(made.json().id);
      everKnown.add(made.json().id);
    } else if (edit.kind === 'delete') {
      const id = pick(edit.dept);
      if (!id) return;
      // The attack: move the people out first, then remove the department.
      for (const p of people.filter((x) => x.departmentId === id)) {
        expect((await call('PATCH', `/members/${p.membershipId}`, { departmentId: null })).statusCode).toBe(200);
        p.departmentId = null;
      }
      const removed = await call('DELETE', `/departments/${id}`);
      expect([200, 409], removed.body).toContain(removed.statusCode);
      if (removed.statusCode === 200) live.splice(live.indexOf(id), 1);
    } else {
      const person = people[edit.who % people.length] as Person;
      const departmentId = pickOrTop(edit.dept);
      const changed = await call('PATCH', `/members/${person.membershipId}`, {
        departmentId,
        position: edit.position,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      person.departmentId = departmentId;
      person.position = edit.position;
    }
  };

  const submitAs = async (i: number) => {
    const person = people[i] as Person;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/rounds/${roundId}/my-response`,
      headers: { cookie: person.cookie },
      payload: {
        position: person.position,
        departmentId: person.departmentId,
        mostImportantItemKey: `i${i}`,
        answers: Array.from({ length: itemCount }, (_, j) => ({ itemKey: `i${j}`, level: j === i ? 2 : 1 })),
        submit: true,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
  };

  /** Every group an admin can ask for, with the responses behind those shown. */
  const shownGroups = new Map<string, Set<number>[]>();
  const readEverything = async (closed: boolean) => {
    const filters = [
      '',
      ...[...everKnown].map((id) => `departmentId=${id}`),
      ...positions.map((p) => `position=${p}`),
      ...[...everKnown].slice(0, 2).map((id) => `departmentId=${id}&position=staff`),
    ];
    for (const filter of filters) {
      const response = await call('GET', `/rounds/${roundId}/results?${filter}`);
      // A department the round never counted on may be unknown to it: nothing shown either.
      if (response.statusCode === 404) continue;
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as {
        group: { responseCount: number | null; withheld: boolean };
        items: { key: string; distribution: number[] | null; mostImportantCount: number | null }[];
      };
      if (body.group.withheld) {
        for (const item of body.items) expect(item.distribution).toBeNull();
        continue;
      }
      expect(closed, `a group of an open anonymous round was shown (${filter})`).toBe(true);
      expect(filter.includes('&'), 'a department crossed with a position was shown').toBe(false);
      const members = new Set<number>();
      for (const item of body.items) {
        const i = Number(item.key.slice(1));
        const distribution = item.distribution as number[];
        expect(distribution.reduce((a, b) => a + b, 0)).toBe(body.group.responseCount);
        if (distribution[1] === 1) members.add(i);
        expect(item.mostImportantCount).toBe(distribution[1]);
      }
      expect(members.size).toBe(body.group.responseCount);
      const seen = shownGroups.get(filter) ?? [];
      seen.push(members);
      shownGroups.set(filter, seen);
    }
  };

  const order = people.map((_, i) => i);
  for (const i of order) {
    for (const { edit } of s.whileOpen.filter((e) => e.at % people.length === i)) await applyEdit(edit);
    await submitAs(i);
    if (i === 0) await readEverything(false);
  }
  await readEverything(false);
  const closed = await call('POST', `/rounds/${roundId}/close`, {});
  expect(closed.statusCode).toBe(200);
  await readEverything(true);
  for (const edit of s.afterClose) {
    await applyEdit(edit);
    await readEverything(true);
  }

  // After the close, one filter always stands for the same responses.
  for (const [filter, sets] of shownGroups) {
    const [first] = sets;
    for (const other of sets)
      expect([...other].sort(), `group ${filter} changed after the close`).toEqual([...(first ?? [])].sort());
  }
  // No shown group lies inside another with fewer than k responses between them.
  const all = [...shownGroups.entries()].flatMap(([filter, sets]) => sets.map((set) => ({ filter, set })));
  for (const a of all)
    for (const b of all) {
      if (b.set.size >= a.set.size || ![...b.set].every((x) => a.set.has(x))) continue;
      const difference = a.set.size - b.set.size;
      expect(
        difference >= s.k,
        `${a.filter || 'the round'} (${a.set.size}) and ${b.filter} (${b.set.size}) differ by ${difference} < k=${s.k}`,
      ).toBe(true);
    }
}

it('no two groups an admin sees differ by fewer than k responses, whatever is edited between reads', async () => {
  await fc.assert(fc.asyncProperty(scenarioArbitrary, runScenario), { numRuns: runs, seed, endOnFailure: true });
}, 600_000);
