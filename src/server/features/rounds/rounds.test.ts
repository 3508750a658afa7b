import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import {
  createRespondents,
  createRound,
  importTemplate,
  japanDate,
  type Respondent,
  submit,
} from '../../../../test/rounds.js';
import { departments } from '../../db/schema/departments.js';
import { memberships } from '../../db/schema/memberships.js';
import { sheetResponses, sheetRoundTallies } from '../../db/schema/sheet-rounds.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('rounds and responses', () => {
  it('runs a round: answers as draft, submits, shows results once closed', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const { templateId } = await importTemplate(t, org.id, cookie);
    const roundId = await createRound(t, org.id, cookie, { templateId });
    const people = await createRespondents(t, org.id, [{ count: 3 }]);
    const [first] = people;
    if (!first) throw new Error('no respondent');

    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/rounds/${roundId}/my-response`,
      headers: { cookie: first.cookie },
      payload: {
        position: 'staff',
        departmentId: null,
        mostImportantItemKey: null,
        answers: [{ itemKey: 'vision', level: 2 }],
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().status).toBe('draft');

    const incomplete = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${org.id}/rounds/${roundId}/my-response`,
      headers: { cookie: first.cookie },
      payload: {
        position: 'staff',
        departmentId: null,
        mostImportantItemKey: null,
        answers: [{ itemKey: 'vision', level: 2 }],
        submit: true,
      },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.items.sharing',
      'body.items.challenge',
    ]);

    const second = await submit(t, org.id, roundId, first, 3);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('response_exists');

    for (const [i, p] of people.entries()) {
      const put = await t.app.inject({
        method: i === 0 ? 'PUT' : 'POST',
        url: `/api/orgs/${org.id}/rounds/${roundId}/my-response`,
        headers: { cookie: p.cookie },
        payload: {
          position: 'staff',
          departmentId: null,
          mostImportantItemKey: 'vision',
          answers: [
            { itemKey: 'vision', level: i + 1 },
            { itemKey: 'sharing', level: 2, comment: 'コメント' },
            { itemKey: 'challenge', level: 1 },
          ],
          submit: true,
        },
      });
      expect(put.statusCode, put.body).toBe(i === 0 ? 200 : 201);
    }

    const open = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/rounds/${roundId}/results`,
      headers: { cookie: first.cookie },
    });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().group).toEqual({ responseCount: null, withheld: true, withheldReason: 'round_open' });
    expect(open.json().items[0].mine).toBe(1);
    expect(open.json().items[0].nextMove.level).toBe(2);

    const close = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/rounds/${roundId}/close`,
      headers: { cookie },
      payload: {},
    });
    expect(close.statusCode).toBe(200);
    expect(close.json().status).toBe('closed');

    const late = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${org.id}/rounds/${roundId}/my-response`,
      headers: { cookie: first.cookie },
      payload: { position: 'staff', departmentId: null, mostImportantItemKey: null, answers: [] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('round_closed');

    const results = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/rounds/${roundId}/results`,
      headers: { cookie },
    });
    const body = results.json();
    expect(body.group).toEqual({ responseCount: 3, withheld: false, withheldReason: null });
    expect(body.items[0]).toMatchObject({
      key: 'vision',
      distribution: [1, 1, 1, 0],
      median: 2,
      mostImportantCount: 3,
    });
    expect(body.items[0].nextMove).toMatchObject({ level: 3, label: '段階3' });
    expect(body.items[1]).toMatchObject({ distribution: [0, 3, 0], median: 2 });

    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/rounds/${roundId}/export?format=csv&lang=ja`,
      headers: { cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('めざす姿');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/rounds/${roundId}/export?format=xlsx`,
      headers: { cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const individual = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/rounds/${roundId}/responses`,
      headers: { cookie },
    });
    expect(individual.statusCode).toBe(403);
    expect(individual.json().code).toBe('round_anonymous');
  });

  it('refuses bad answers without storing any of them', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const { templateId } = await importTemplate(t, org.id, cookie);
    const roundId = await createRound(t, org.id, cookie, { templateId });
    const [p] = await createRespondents(t, org.id, [{}]);
    if (!p) throw new Error('no respondent');
    const url = `/api/orgs/${org.id}/rounds/${roundId}/my-response`;
    const base = { position: 'staff', departmentId: null, mostImportantItemKey: null };
    const tooHigh = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: p.cookie },
      payload: { ...base, answers: [{ itemKey: 'sharing', level: 4 }] },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors[0]).toMatchObject({
      path: 'body.answers.0.level',
      code: 'response.level_out_of_range',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: p.cookie },
      payload: { ...base, answers: [{ itemKey: 'nothing', level: 1 }] },
    });
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.answers.0.itemKey', code: 'response.unknown_item' });
    const zero = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: p.cookie },
      payload: { ...base, answers: [{ itemKey: 'vision', level: 0 }] },
    });
    expect(zero.statusCode).toBe(400);
    const mine = await t.app.inject({ method: 'GET', url, headers: { cookie: p.cookie } });
    expect(mine.statusCode).toBe(404);

    const lowK = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/rounds`,
      headers: { cookie },
      payload: {
        title: 'k=1',
        templateId,
        version: 1,
        scopeKind: 'org',
        opensOn: japanDate(t.clock.now()),
        closesOn: japanDate(t.clock.now(), 3),
        anonymityThreshold: 1,
      },
    });
    expect(lowK.statusCode).toBe(400);
    expect(lowK.json().errors[0].path).toBe('body.anonymityThreshold');
  });
});

describe('the stored tally of a closed round', () => {
  it('is used once computed, and recomputed when a response goes, a department goes, or the round reopens', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const { templateId } = await importTemplate(t, org.id, cookie);
    const unit = await createDepartment(t, org.id, { name: '窓口係' });
    const roundId = await createRound(t, org.id, cookie, { templateId, anonymous: false });
    const people = await createRespondents(t, org.id, [{ count: 4, departmentId: unit.id }]);
    for (const p of people) expect((await submit(t, org.id, roundId, p, 2)).statusCode).toBe(201);
    const close = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/orgs/${org.id}/rounds/${roundId}/close`,
        headers: { cookie },
        payload: {},
      });
    expect((await close()).statusCode).toBe(200);
    const results = async (query = '') =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/orgs/${org.id}/rounds/${roundId}/results${query}`,
          headers: { cookie },
        })
      ).json();
    const tallies = () => t.database.db.select().from(sheetRoundTallies).where(eq(sheetRoundTallies.roundId, roundId));

    expect((await results()).items[0].distribution).toEqual([0, 4, 0, 0]);
    const [first] = await tallies();
    expect(first?.responseCount).toBe(4);
    expect((await results(`?departmentId=${unit.id}`)).group.responseCount).toBe(4);
    // Read again: the same tally, not a new one.
    await results();
    expect((await tallies())[0]?.computedAt).toEqual(first?.computedAt);

    // A response removed with its person (users cascade to their responses).
    const gone = people[3] as Respondent;
    await t.database.db.delete(sheetResponses).where(eq(sheetResponses.userId, gone.userId));
    expect((await results()).items[0].distribution).toEqual([0, 3, 0, 0]);
    expect((await tallies())[0]?.responseCount).toBe(3);

    // A department deleted: the round still counts its responses there, under the name it had.
    await t.database.db.update(memberships).set({ departmentId: null }).where(eq(memberships.departmentId, unit.id));
    await t.database.db.delete(departments).where(eq(departments.id, unit.id));
    const after = await results();
    expect(after.group.responseCount).toBe(3);
    expect(after.departmentFilters).toEqual([{ id: unit.id, name: '窓口係', parentId: null, withheld: false }]);
    expect((await results(`?departmentId=${unit.id}`)).group.responseCount).toBe(3);

    // A named round reopened, an answer changed and closed again: the new answer counts.
    const reopen = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}/rounds/${roundId}`,
      headers: { cookie },
      payload: { closesOn: japanDate(t.clock.now(), 3) },
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${org.id}/rounds/${roundId}/my-response`,
      headers: { cookie: (people[0] as Respondent).cookie },
      payload: {
        position: 'staff',
        departmentId: null,
        mostImportantItemKey: null,
        answers: ['vision', 'sharing', 'challenge'].map((itemKey) => ({ itemKey, level: 3 })),
        submit: true,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    t.clock.advance(1000);
    expect((await close()).statusCode).toBe(200);
    expect((await results()).items[0].distribution).toEqual([0, 2, 1, 0]);
  });
});
