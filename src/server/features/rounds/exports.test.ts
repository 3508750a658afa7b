import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import {
  createRespondents,
  createRound,
  importTemplate,
  parseCsv,
  type Respondent,
  smallTemplate,
  submit,
} from '../../../../test/rounds.js';

/**
 * The group export is the results as the API shows them: a withheld group gives its reason and no
 * next moves (those would come from the downloader's own answers and read as the group's).
 * The sheet of test/rounds.ts has three items; the first has 4 levels, so the table has 4 level columns.
 */

let t: TestApp;
let orgId: string;
let admin: string;
let templateId: string;
let people: Respondent[];

const columns = { responses: 2, levels: [3, 4, 5, 6], nextMove: [11, 12, 13] };

async function exportCsv(roundId: string, cookie: string, query: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/orgs/${orgId}/rounds/${roundId}/export?format=csv${query}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return parseCsv(response.body);
}

async function closeRound(roundId: string) {
  const closed = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/rounds/${roundId}/close`,
    headers: { cookie: admin },
    payload: {},
  });
  expect(closed.statusCode, closed.body).toBe(200);
}

const pick = (row: string[] | undefined, indexes: number[]) => indexes.map((i) => row?.[i]);

beforeAll(async () => {
  t = await createTestApp();
  const a = await createOrgWithAdmin(t);
  orgId = a.org.id;
  admin = a.cookie;
  ({ templateId } = await importTemplate(t, orgId, admin, smallTemplate()));
  people = await createRespondents(t, orgId, [{ position: 'staff', count: 3 }]);
});
afterAll(() => t.close());

describe('the group export of a withheld group', () => {
  it('says the round is still open and carries none of the downloader’s own next moves', async () => {
    const roundId = await createRound(t, orgId, admin, { templateId, title: '受付中の実施' });
    const me = people[0] as Respondent;
    expect((await submit(t, orgId, roundId, me, 1)).statusCode).toBe(201);
    // The API itself offers my own next move (level 2) while the group is withheld.
    const results = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/rounds/${roundId}/results`,
      headers: { cookie: me.cookie },
    });
    expect(results.json().group.withheldReason).toBe('round_open');
    expect(results.json().items[0].nextMove).toMatchObject({ level: 2 });

    const ja = await exportCsv(roundId, me.cookie, '&lang=ja');
    expect(ja[0]?.slice(3, 7)).toEqual(['段階1', '段階2', '段階3', '段階4']);
    expect(ja[0]?.slice(11)).toEqual(['次の一手（段階）', '次の一手（段階名）', '次の一手（状態の説明）']);
    expect(ja).toHaveLength(4);
    for (const row of ja.slice(1)) {
      expect(row[columns.responses]).toBe('実施中のため非表示（終了後に表示）');
      expect(pick(row, [...columns.levels, ...columns.nextMove]).every((cell) => cell === '')).toBe(true);
    }
    const en = await exportCsv(roundId, me.cookie, '&lang=en');
    for (const row of en.slice(1)) {
      expect(row[columns.responses]).toBe('Withheld while the round is open (shown after it closes)');
      expect(pick(row, columns.nextMove).every((cell) => cell === '')).toBe(true);
    }

    // My own answers, and their levels, stay in the export of my answers.
    const mine = await exportCsv(roundId, me.cookie, '&lang=ja&kind=mine');
    expect(mine[0]?.slice(2, 4)).toEqual(['自分の段階', '段階名']);
    expect(mine[1]?.slice(2, 4)).toEqual(['1', '段階1']);
  });

  it('names too few responses once the round has closed, still without next moves', async () => {
    const roundId = await createRound(t, orgId, admin, { templateId, title: '回答の少ない実施' });
    const me = people[0] as Respondent;
    expect((await submit(t, orgId, roundId, me, 1)).statusCode).toBe(201);
    await closeRound(roundId);

    const ja = await exportCsv(roundId, me.cookie, '&lang=ja');
    for (const row of ja.slice(1)) {
      expect(row[columns.responses]).toBe('非表示（匿名性保護のため。回答が3件未満）');
      expect(pick(row, columns.nextMove).every((cell) => cell === '')).toBe(true);
    }
    const en = await exportCsv(roundId, me.cookie, '&lang=en');
    expect(en[1]?.[columns.responses]).toBe('Withheld to protect anonymity (k=3)');
  });
});

describe('the group export of a shown group', () => {
  it('carries the counts and the group’s next moves', async () => {
    const roundId = await createRound(t, orgId, admin, { templateId, title: '終了した実施' });
    for (const p of people) expect((await submit(t, orgId, roundId, p, 2)).statusCode).toBe(201);
    await closeRound(roundId);

    const ja = await exportCsv(roundId, (people[0] as Respondent).cookie, '&lang=ja');
    expect(ja[1]?.[columns.responses]).toBe('3');
    expect(pick(ja[1], columns.levels)).toEqual(['0', '3', '0', '0']);
    expect(pick(ja[1], columns.nextMove)).toEqual(['3', '段階3', '段階3の状態が見られる。']);
  });
});
