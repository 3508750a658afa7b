import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  createDepartment,
  createMember,
  createOrg,
  createOrgWithAdmin,
  logIn,
} from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import {
  createRespondents,
  createRound,
  importTemplate,
  japanDate,
  parseCsv,
  type Respondent,
  smallTemplate,
  submit,
} from '../../../../test/rounds.js';
import { sheetAnswers, sheetResponses, sheetRounds } from '../../db/schema/sheet-rounds.js';

/**
 * The anonymity threshold through the HTTP API: every aggregate endpoint and filter, who may see
 * individual answers, who may filter by what, and that nothing crosses organisations.
 *
 * Organisation A, k = 3. 部 (bu) holds 課 (ka, with 係 kakari below it) and 課2 (ka2).
 * The round R1 has 12 submitted responses:
 *   3 staff in 課 (level 1), 1 staff in 課2 (level 2)   → 部 = 4 shown, 課 = 3 withheld to protect
 *                                                          the one in 課2, 課2 = 1 below k
 *   4 subsection chiefs (level 3), 3 "other" (level 2), 1 director (level 2), all without a department
 *                                                       → director below k; "other" withheld so the
 *                                                          hidden positions are not 1 person
 * R0, an earlier round of the same template, has 2 responses: below k.
 */

let t: TestApp;
let orgId: string;
let admin: string;
let platformAdmin: string;
let templateId: string;
let r0: string;
let r1: string;
const dept = { bu: '', ka: '', kakari: '', ka2: '' };
let kaStaff: Respondent[];
let ka2Staff: Respondent;
let chiefs: Respondent[];
let others: Respondent[];
let director: Respondent;
let other: { orgId: string; admin: string; templateId: string; roundId: string; departmentId: string };

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const results = (roundId: string, cookie: string, query = '') =>
  get(`/api/orgs/${orgId}/rounds/${roundId}/results${query}`, cookie);
const closeRound = async (org: string, roundId: string, cookie: string) => {
  const closed = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${org}/rounds/${roundId}/close`,
    headers: { cookie },
    payload: {},
  });
  expect(closed.statusCode, closed.body).toBe(200);
};
const withheld = (reason: string) => ({ responseCount: null, withheld: true, withheldReason: reason });
const shown = (n: number) => ({ responseCount: n, withheld: false, withheldReason: null });

type Item = { distribution: number[] | null; median: number | null; mostImportantCount: number | null };
function expectNoAggregates(items: (Item & { previous: unknown })[]) {
  for (const item of items) {
    expect(item.distribution).toBeNull();
    expect(item.median).toBeNull();
    expect(item.mostImportantCount).toBeNull();
    expect(item.previous).toBeNull();
  }
}

async function exportCsv(roundId: string, cookie: string, query: string) {
  const response = await get(`/api/orgs/${orgId}/rounds/${roundId}/export?format=csv&lang=en${query}`, cookie);
  return { response, rows: response.statusCode === 200 ? parseCsv(response.body) : [] };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createOrgWithAdmin(t);
  orgId = a.org.id;
  admin = a.cookie;
  dept.bu = (await createDepartment(t, orgId, { name: '総務部', level: 'bureau' })).id;
  dept.ka = (await createDepartment(t, orgId, { name: '総務課', parentId: dept.bu })).id;
  dept.kakari = (await createDepartment(t, orgId, { name: '庶務係', parentId: dept.ka, level: 'unit' })).id;
  dept.ka2 = (await createDepartment(t, orgId, { name: '人事課', parentId: dept.bu })).id;

  // A platform administrator who is also a member (org_admin) of A.
  const platform = await createOrg(t, { kind: 'npo', isPlatform: true, name: '運営' });
  const root = await createMember(t, { orgId: platform.id, role: 'platform_admin', position: 'other' });
  await addMembership(t, { userId: root.user.id, orgId, role: 'org_admin' });
  platformAdmin = await logIn(t, root.user.email);

  ({ templateId } = await importTemplate(t, orgId, admin));
  kaStaff = await createRespondents(t, orgId, [{ position: 'staff', departmentId: dept.ka, count: 3 }]);
  [ka2Staff] = (await createRespondents(t, orgId, [{ position: 'staff', departmentId: dept.ka2 }])) as [Respondent];
  chiefs = await createRespondents(t, orgId, [{ position: 'subsection_chief', count: 4 }]);
  others = await createRespondents(t, orgId, [{ position: 'other', count: 3 }]);
  [director] = (await createRespondents(t, orgId, [{ position: 'director' }])) as [Respondent];

  r0 = await createRound(t, orgId, admin, { templateId, title: '前回' });
  for (const p of chiefs.slice(0, 2)) expect((await submit(t, orgId, r0, p, 2)).statusCode).toBe(201);
  await closeRound(orgId, r0, admin);
  t.clock.advance(1000);
  r1 = await createRound(t, orgId, admin, { templateId, title: '今回' });
  for (const p of kaStaff) expect((await submit(t, orgId, r1, p, 1)).statusCode).toBe(201);
  expect((await submit(t, orgId, r1, ka2Staff, 2)).statusCode).toBe(201);
  for (const p of chiefs) expect((await submit(t, orgId, r1, p, 3)).statusCode).toBe(201);
  for (const p of [...others, director]) expect((await submit(t, orgId, r1, p, 2)).statusCode).toBe(201);

  // Organisation B: its own round, with people who answer the highest levels.
  const b = await createOrgWithAdmin(t);
  const bDepartment = await createDepartment(t, b.org.id, { name: '企画課' });
  const bTemplate = await importTemplate(t, b.org.id, b.cookie);
  const bRound = await createRound(t, b.org.id, b.cookie, { templateId: bTemplate.templateId });
  const bPeople = await createRespondents(t, b.org.id, [{ position: 'staff', departmentId: bDepartment.id, count: 3 }]);
  for (const p of bPeople) expect((await submit(t, b.org.id, bRound, p, 3)).statusCode).toBe(201);
  await closeRound(b.org.id, bRound, b.cookie);
  other = {
    orgId: b.org.id,
    admin: b.cookie,
    templateId: bTemplate.templateId,
    roundId: bRound,
    departmentId: bDepartment.id,
  };
});
afterAll(() => t.close());

describe('an anonymous round while it is open', () => {
  it('withholds every aggregate as round_open, for admins too, while the respondent sees their own levels', async () => {
    const body = (await results(r1, admin)).json();
    expect(body.group).toEqual(withheld('round_open'));
    expectNoAggregates(body.items);
    expect(body.gaps).toEqual([]);
    for (const p of body.positions) {
      expect(p.responseCount).toBeNull();
      expect(p.medians).toBeNull();
    }
    expect(body.positions.find((p: { position: string }) => p.position === 'staff').withheldReason).toBe('round_open');
    expect(body.departmentFilters.every((d: { withheld: boolean }) => d.withheld)).toBe(true);

    const bu = (await results(r1, admin, `?departmentId=${dept.bu}`)).json();
    expect(bu.group).toEqual(withheld('round_open'));
    const staff = (await results(r1, admin, '?position=staff')).json();
    expect(staff.group).toEqual(withheld('round_open'));

    const mine = (await results(r1, (kaStaff[0] as Respondent).cookie)).json();
    expect(mine.group).toEqual(withheld('round_open'));
    expect(mine.items.map((i: { mine: number }) => i.mine)).toEqual([1, 1, 1]);

    const spread = (await get(`/api/orgs/${orgId}/rounds/${r1}/unit-spread`, admin)).json();
    expect(spread.shownUnits).toBe(0);
    for (const item of spread.items) expect(item.unitMedians).toEqual([]);

    const trend = (await get(`/api/orgs/${orgId}/departments/${dept.bu}/sheet-trend?templateId=${templateId}`, admin))
      .json()
      .rounds.find((r: { roundId: string }) => r.roundId === r1);
    expect(trend.group).toEqual(withheld('round_open'));
    expect(trend.medians).toBeNull();

    const { rows } = await exportCsv(r1, admin, '');
    expect(rows).toHaveLength(4);
    for (const row of rows.slice(1)) {
      expect(row[2]).toBe('Withheld while the round is open (shown after it closes)');
      expect(row.slice(3, 7).every((cell) => cell === '')).toBe(true);
    }
  });

  it('shows the results once the round has closed', async () => {
    await closeRound(orgId, r1, admin);
    const body = (await results(r1, admin)).json();
    expect(body.group).toEqual(shown(12));
    expect(body.items[0].distribution).toEqual([3, 5, 4, 0]);
    expect(body.items[0].mostImportantCount).toBe(12);
    expect(body.items[1].mostImportantCount).toBe(0);
  });
});

describe('the threshold on every aggregate of a closed round', () => {
  it('withholds small departments and those whose publication would expose others by subtraction', async () => {
    const bu = (await results(r1, admin, `?departmentId=${dept.bu}`)).json();
    expect(bu.group).toEqual(shown(4));
    expect(bu.items[0]).toMatchObject({ distribution: [3, 1, 0, 0], median: 1, mostImportantCount: 4 });
    // Under a filter the split by position would cross the two families: never given.
    expect(bu.positions).toEqual([]);
    expect(bu.gaps).toEqual([]);

    const ka = (await results(r1, admin, `?departmentId=${dept.ka}`)).json();
    expect(ka.group).toEqual(withheld('protects_others'));
    expectNoAggregates(ka.items);
    const ka2 = (await results(r1, admin, `?departmentId=${dept.ka2}`)).json();
    expect(ka2.group).toEqual(withheld('below_threshold'));
    expectNoAggregates(ka2.items);
    const kakari = (await results(r1, admin, `?departmentId=${dept.kakari}`)).json();
    expect(kakari.group).toEqual(withheld('below_threshold'));

    const filters = (await results(r1, admin)).json().departmentFilters;
    const flag = (id: string) => filters.find((d: { id: string }) => d.id === id).withheld;
    expect([flag(dept.bu), flag(dept.ka), flag(dept.kakari), flag(dept.ka2)]).toEqual([false, true, true, true]);
    expect(JSON.stringify(filters)).not.toMatch(/count/i);
  });

  it('withholds small positions, the smallest shown one when the hidden ones are too few, and crossings', async () => {
    const body = (await results(r1, admin)).json();
    const byPosition = Object.fromEntries(
      body.positions.map((p: { position: string }) => [p.position, p as Record<string, unknown>]),
    );
    expect(byPosition.director).toMatchObject({ ...withheld('below_threshold'), medians: null });
    expect(byPosition.other).toMatchObject({ ...withheld('protects_others'), medians: null });
    expect(byPosition.staff).toMatchObject({ ...shown(4), medians: [1, 1, 1] });
    expect(byPosition.subsection_chief).toMatchObject({ ...shown(4), medians: [3, 3, 3] });
    expect(body.gaps).toHaveLength(3);
    for (const gap of body.gaps) {
      expect(gap).toMatchObject({ high: { position: 'subsection_chief' }, low: { position: 'staff' }, gap: 2 });
    }

    expect((await results(r1, admin, '?position=director')).json().group).toEqual(withheld('below_threshold'));
    const others = (await results(r1, admin, '?position=other')).json();
    expect(others.group).toEqual(withheld('protects_others'));
    expectNoAggregates(others.items);
    expect((await results(r1, admin, '?position=staff')).json().group).toEqual(shown(4));
    expect((await results(r1, admin, '?position=executive')).json().group).toEqual(withheld('below_threshold'));
    // 部 and staff are the same 4 people, yet the crossing of the two families is never published.
    const both = (await results(r1, admin, `?departmentId=${dept.bu}&position=staff`)).json();
    expect(both.group).toEqual(withheld('protects_others'));
    expectNoAggregates(both.items);
  });

  it('withholds a compared round that is below k', async () => {
    const explicit = (await results(r1, admin, `?compareTo=${r0}`)).json();
    expect(explicit.compare).toMatchObject({ roundId: r0, group: withheld('below_threshold') });
    for (const item of explicit.items) expect(item.previous).toBeNull();
    // Without compareTo, the earlier round of the same scope is the one compared with.
    const implicit = (await results(r1, admin)).json();
    expect(implicit.compare).toMatchObject({ roundId: r0, group: withheld('below_threshold') });
    // And the earlier round's own results are withheld too.
    const own = (await results(r0, admin)).json();
    expect(own.group).toEqual(withheld('below_threshold'));
    expectNoAggregates(own.items);
  });

  it('gives the unit spread of shown units only, and counts the withheld ones', async () => {
    const spread = await get(`/api/orgs/${orgId}/rounds/${r1}/unit-spread`, admin);
    expect(spread.statusCode).toBe(200);
    // 部 is the only unit that may be shown; 課 and 課2 hold responses but are withheld.
    expect(spread.json()).toMatchObject({ shownUnits: 1, withheldUnits: 2 });
    expect(spread.json().items.map((i: { unitMedians: number[] }) => i.unitMedians)).toEqual([[1], [1], [1]]);
    const r0Spread = (await get(`/api/orgs/${orgId}/rounds/${r0}/unit-spread`, admin)).json();
    expect(r0Spread.shownUnits).toBe(0);
  });

  it("gives a unit's trend only for rounds where the unit may be shown", async () => {
    const trend = (await get(`/api/orgs/${orgId}/departments/${dept.bu}/sheet-trend?templateId=${templateId}`, admin))
      .json()
      .rounds.map((r: { roundId: string; group: unknown; medians: unknown }) => [r.roundId, r.group, r.medians]);
    expect(trend).toEqual([
      [r0, withheld('below_threshold'), null],
      [r1, shown(4), [1, 1, 1]],
    ]);
    const ka = (await get(`/api/orgs/${orgId}/departments/${dept.ka}/sheet-trend?templateId=${templateId}`, admin))
      .json()
      .rounds.find((r: { roundId: string }) => r.roundId === r1);
    expect(ka).toMatchObject({ group: withheld('protects_others'), medians: null });
    const ka2 = (await get(`/api/orgs/${orgId}/departments/${dept.ka2}/sheet-trend?templateId=${templateId}`, admin))
      .json()
      .rounds.find((r: { roundId: string }) => r.roundId === r1);
    expect(ka2).toMatchObject({ group: withheld('below_threshold'), medians: null });
  });

  it('exports the group CSV with the same filters and no withheld counts', async () => {
    const levels = (row: string[]) => row.slice(3, 7);
    const whole = await exportCsv(r1, admin, '');
    expect(whole.response.statusCode).toBe(200);
    expect(whole.rows[1]?.slice(2, 7)).toEqual(['12', '3', '5', '4', '0']);

    const bu = await exportCsv(r1, admin, `&departmentId=${dept.bu}`);
    expect(bu.rows[1]?.slice(2, 7)).toEqual(['4', '3', '1', '0', '0']);

    for (const query of [
      `&departmentId=${dept.ka}`,
      `&departmentId=${dept.ka2}`,
      '&position=other',
      '&position=director',
      `&departmentId=${dept.bu}&position=staff`,
    ]) {
      const { response, rows } = await exportCsv(r1, admin, query);
      expect(response.statusCode, query).toBe(200);
      expect(rows).toHaveLength(4);
      for (const row of rows.slice(1)) {
        expect(row[2], query).toBe('Withheld to protect anonymity (k=3)');
        // Level counts, median, compared median, change, most important count: all empty.
        expect(
          [...levels(row), ...row.slice(7, 11)].every((cell) => cell === ''),
          `${query}: ${row}`,
        ).toBe(true);
      }
    }
  });
});

describe('who sees what', () => {
  it('lets nobody see individual answers in an anonymous round, platform admins included', async () => {
    for (const cookie of [admin, platformAdmin]) {
      const individual = await get(`/api/orgs/${orgId}/rounds/${r1}/responses`, cookie);
      expect(individual.statusCode).toBe(403);
      expect(individual.headers['content-type']).toContain('application/problem+json');
      expect(individual.json().code).toBe('round_anonymous');
      const exported = await get(`/api/orgs/${orgId}/rounds/${r1}/export?format=csv&kind=responses`, cookie);
      expect(exported.statusCode).toBe(403);
      expect(exported.json().code).toBe('round_anonymous');
      const xlsx = await get(`/api/orgs/${orgId}/rounds/${r1}/export?format=xlsx&kind=responses`, cookie);
      expect(xlsx.statusCode).toBe(403);
    }
    // The platform admin gets the same aggregates as any org admin, no more.
    expect((await results(r1, platformAdmin, `?departmentId=${dept.ka}`)).json().group).toEqual(
      withheld('protects_others'),
    );
    const staff = kaStaff[0] as Respondent;
    expect((await get(`/api/orgs/${orgId}/rounds/${r1}/responses`, staff.cookie)).statusCode).toBe(403);
    const staffExport = await get(`/api/orgs/${orgId}/rounds/${r1}/export?format=csv&kind=responses`, staff.cookie);
    expect(staffExport.statusCode).toBe(403);
    expect(staffExport.json().code).toBe('forbidden');
  });

  it('shows individual answers of a named round to an org admin and not to staff', async () => {
    const named = await createRound(t, orgId, admin, {
      templateId: (await importTemplate(t, orgId, admin)).templateId,
      title: '記名',
      anonymous: false,
    });
    for (const p of kaStaff) expect((await submit(t, orgId, named, p, 2)).statusCode).toBe(201);
    const listed = await get(`/api/orgs/${orgId}/rounds/${named}/responses`, admin);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toHaveLength(3);
    expect(listed.json()[0]).toMatchObject({ position: 'staff', departmentName: '総務課' });
    const csv = await get(`/api/orgs/${orgId}/rounds/${named}/export?format=csv&kind=responses&lang=en`, admin);
    expect(csv.statusCode).toBe(200);
    expect(parseCsv(csv.body)).toHaveLength(4);
    for (const p of kaStaff) {
      const refused = await get(`/api/orgs/${orgId}/rounds/${named}/responses`, p.cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('forbidden');
      const exported = await get(`/api/orgs/${orgId}/rounds/${named}/export?format=csv&kind=responses`, p.cookie);
      expect(exported.statusCode).toBe(403);
    }
    // A named round keeps the threshold on its aggregates.
    expect((await results(named, admin, '?position=staff')).json().group).toEqual(shown(3));
    expect((await results(named, admin, '?position=director')).json().group).toEqual(withheld('below_threshold'));
  });

  it('shows a named round live to people who manage sheets, and to everyone else once it closes', async () => {
    const named = await createRound(t, orgId, admin, { templateId, title: '記名・受付中', anonymous: false });
    for (const p of kaStaff) expect((await submit(t, orgId, named, p, 2)).statusCode).toBe(201);
    expect((await results(named, admin)).json().group).toEqual(shown(3));
    const staff = kaStaff[0] as Respondent;
    const live = (await results(named, staff.cookie)).json();
    expect(live.group).toEqual(withheld('round_open'));
    expectNoAggregates(live.items);
    expect(live.items.map((i: { mine: number }) => i.mine)).toEqual([2, 2, 2]);
    const liveCsv = await get(`/api/orgs/${orgId}/rounds/${named}/export?format=csv&lang=en`, staff.cookie);
    expect(liveCsv.statusCode).toBe(200);
    for (const row of parseCsv(liveCsv.body).slice(1)) expect(row.slice(3, 7).every((cell) => cell === '')).toBe(true);
    await closeRound(orgId, named, admin);
    expect((await results(named, staff.cookie)).json().group).toEqual(shown(3));
  });

  it('compares only with a round the caller may open', async () => {
    // A round for 人事課 only, which the staff of 総務課 are not in and did not answer.
    const elsewhere = await createRound(t, orgId, admin, {
      templateId,
      title: '人事課のみ',
      scopeKind: 'departments',
      departmentIds: [dept.ka2],
    });
    const staff = kaStaff[0] as Respondent;
    expect((await get(`/api/orgs/${orgId}/rounds/${elsewhere}`, staff.cookie)).statusCode).toBe(404);
    const refused = await results(r1, staff.cookie, `?compareTo=${elsewhere}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'querystring.compareTo' });
    // The admin may compare with it.
    const allowed = await results(r1, admin, `?compareTo=${elsewhere}`);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().compare.roundId).toBe(elsewhere);
    // A round the staff member answered can be compared with.
    expect((await results(r1, staff.cookie, `?compareTo=${r0}`)).statusCode).toBe(200);
  });

  it('refuses to reopen a closed anonymous round, while a named one may be reopened', async () => {
    const patch = (roundId: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${orgId}/rounds/${roundId}`,
        headers: { cookie: admin },
        payload,
      });
    const before = (await get(`/api/orgs/${orgId}/rounds/${r1}`, admin)).json();
    expect(before.status).toBe('closed');
    const reopened = await patch(r1, { closesOn: japanDate(t.clock.now(), 7) });
    expect(reopened.statusCode).toBe(400);
    expect(reopened.json().errors).toEqual([
      expect.objectContaining({ path: 'body.closesOn', code: 'round.anonymous_closed' }),
    ]);
    const after = (await get(`/api/orgs/${orgId}/rounds/${r1}`, admin)).json();
    expect(after).toEqual(before);
    // Its title may still change.
    expect((await patch(r1, { title: '今回（確定）' })).statusCode).toBe(200);

    const named = await createRound(t, orgId, admin, { templateId, title: '記名・再開', anonymous: false });
    await closeRound(orgId, named, admin);
    const again = await patch(named, { closesOn: japanDate(t.clock.now(), 7) });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('open');
  });

  it('shows a respondent their own levels when their group is withheld', async () => {
    const body = (await results(r1, ka2Staff.cookie, `?departmentId=${dept.ka2}`)).json();
    expect(body.group).toEqual(withheld('below_threshold'));
    expect(body.items.map((i: { mine: number }) => i.mine)).toEqual([2, 2, 2]);
    expect(body.items[0].nextMove).toMatchObject({ level: 3 });
    expect(body.items[0].distribution).toBeNull();
    const mine = await exportCsv(r1, ka2Staff.cookie, '&kind=mine');
    expect(mine.rows.slice(1).map((row) => row[2])).toEqual(['2', '2', '2']);
  });

  it('lets staff filter only by their own department and the ones above it', async () => {
    const staff = kaStaff[0] as Respondent;
    const body = (await results(r1, staff.cookie)).json();
    expect(body.departmentFilters.map((d: { id: string }) => d.id).sort()).toEqual([dept.bu, dept.ka].sort());
    expect((await results(r1, staff.cookie, `?departmentId=${dept.bu}`)).json().group).toEqual(shown(4));
    expect((await results(r1, staff.cookie, `?departmentId=${dept.ka}`)).json().group).toEqual(
      withheld('protects_others'),
    );
    for (const id of [dept.ka2, dept.kakari, other.departmentId]) {
      const refused = await results(r1, staff.cookie, `?departmentId=${id}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('not_found');
      const exported = await exportCsv(r1, staff.cookie, `&departmentId=${id}`);
      expect(exported.response.statusCode).toBe(404);
    }
    // Someone without a department may filter by none.
    const chief = chiefs[0] as Respondent;
    expect((await results(r1, chief.cookie)).json().departmentFilters).toEqual([]);
    expect((await results(r1, chief.cookie, `?departmentId=${dept.bu}`)).statusCode).toBe(404);
    // Unit views are for people who manage sheets.
    expect((await get(`/api/orgs/${orgId}/rounds/${r1}/unit-spread`, staff.cookie)).statusCode).toBe(403);
    const trend = await get(
      `/api/orgs/${orgId}/departments/${dept.ka}/sheet-trend?templateId=${templateId}`,
      staff.cookie,
    );
    expect(trend.statusCode).toBe(403);
  });

  it("never mixes one organisation's responses into another's, nor lets it see them", async () => {
    const b = (await get(`/api/orgs/${other.orgId}/rounds/${other.roundId}/results`, other.admin)).json();
    expect(b.group).toEqual(shown(3));
    expect(b.items[0].distribution).toEqual([0, 0, 3, 0]);
    expect(b.departmentFilters.map((d: { id: string }) => d.id)).toEqual([other.departmentId]);
    const a = (await results(r1, admin)).json();
    expect(a.group).toEqual(shown(12));
    expect(a.departmentFilters.map((d: { id: string }) => d.id)).not.toContain(other.departmentId);

    for (const url of [
      `/api/orgs/${orgId}/rounds/${r1}/results`,
      `/api/orgs/${orgId}/rounds/${r1}/unit-spread`,
      `/api/orgs/${orgId}/rounds/${r1}/responses`,
      `/api/orgs/${orgId}/rounds/${r1}/export?format=csv`,
      `/api/orgs/${orgId}/departments/${dept.bu}/sheet-trend?templateId=${templateId}`,
      // A's ids under B's organisation: the same not found as ids that do not exist.
      `/api/orgs/${other.orgId}/rounds/${r1}/results`,
      `/api/orgs/${other.orgId}/rounds/${r1}/unit-spread`,
      `/api/orgs/${other.orgId}/rounds/${r1}/export?format=csv`,
      `/api/orgs/${other.orgId}/departments/${dept.bu}/sheet-trend?templateId=${other.templateId}`,
    ]) {
      const refused = await get(url, other.admin);
      expect(refused.statusCode, url).toBe(404);
    }
    // A's round cannot be pulled in as B's comparison either.
    const compare = await get(`/api/orgs/${other.orgId}/rounds/${other.roundId}/results?compareTo=${r1}`, other.admin);
    expect(compare.statusCode).toBe(400);
    // B's template id in A's trend finds no rounds.
    const trend = await get(
      `/api/orgs/${orgId}/departments/${dept.bu}/sheet-trend?templateId=${other.templateId}`,
      admin,
    );
    expect(trend.json().rounds).toEqual([]);
  });
});

describe('bad input is refused whole', () => {
  const url = (roundId: string) => `/api/orgs/${orgId}/rounds/${roundId}/my-response`;
  const base = { position: 'staff', departmentId: null, mostImportantItemKey: null };
  const full = [
    { itemKey: 'vision', level: 2 },
    { itemKey: 'sharing', level: 2 },
    { itemKey: 'challenge', level: 2 },
  ];
  const storedResponses = async (roundId: string) =>
    t.database.db.select().from(sheetResponses).where(eq(sheetResponses.roundId, roundId));
  const storedAnswers = async (roundId: string) =>
    t.database.db.select().from(sheetAnswers).where(eq(sheetAnswers.roundId, roundId));
  const send = (method: 'POST' | 'PUT', roundId: string, who: Respondent, payload: Record<string, unknown>) =>
    t.app.inject({ method, url: url(roundId), headers: { cookie: who.cookie }, payload: { ...base, ...payload } });
  const expectProblem = (
    response: Awaited<ReturnType<typeof send>>,
    status: number,
    code: string,
    field?: { path: string; code: string },
  ) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    if (field) expect(response.json().errors).toContainEqual(expect.objectContaining(field));
  };

  let versioned: { templateId: string; roundId: string };
  beforeAll(async () => {
    // Version 2 of this template adds an item; the round asks version 1.
    const content = smallTemplate();
    const { templateId: id } = await importTemplate(t, orgId, admin, content);
    const next = structuredClone(content);
    next.sections[0]?.items.push({ key: 'extra', title: '追加', levels: next.sections[0].items[1]?.levels ?? [] });
    const saved = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/sheet-templates/${id}/versions`,
      headers: { cookie: admin },
      payload: { content: next },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    versioned = { templateId: id, roundId: await createRound(t, orgId, admin, { templateId: id, version: 1 }) };
  });

  it('refuses a level outside the item, an item not in the version, a duplicate, and stores none of it', async () => {
    const p = chiefs[0] as Respondent;
    const roundId = versioned.roundId;
    // A valid answer beside the bad one must not be stored either.
    expectProblem(
      await send('POST', roundId, p, {
        answers: [
          { itemKey: 'vision', level: 4 },
          { itemKey: 'sharing', level: 4 },
        ],
      }),
      400,
      'validation',
      { path: 'body.answers.1.level', code: 'response.level_out_of_range' },
    );
    expectProblem(
      await send('POST', roundId, p, { answers: [...full, { itemKey: 'extra', level: 1 }], submit: true }),
      400,
      'validation',
      { path: 'body.answers.3.itemKey', code: 'response.unknown_item' },
    );
    expectProblem(await send('POST', roundId, p, { answers: full, mostImportantItemKey: 'extra' }), 400, 'validation', {
      path: 'body.mostImportantItemKey',
      code: 'response.unknown_item',
    });
    expectProblem(
      await send('POST', roundId, p, { answers: [...full, { itemKey: 'vision', level: 1 }] }),
      400,
      'validation',
      { path: 'body.answers.3.itemKey', code: 'response.duplicate_item' },
    );
    for (const level of [0, 6, 1.5, -1]) {
      const response = await send('POST', roundId, p, { answers: [{ itemKey: 'vision', level }] });
      expectProblem(response, 400, 'validation');
    }
    expectProblem(
      await send('POST', roundId, p, { answers: full, departmentId: other.departmentId }),
      400,
      'validation',
      { path: 'body.departmentId', code: 'department.unknown' },
    );
    expect((await get(url(roundId), p.cookie)).statusCode).toBe(404);
    expect(await storedResponses(roundId)).toEqual([]);
    expect(await storedAnswers(roundId)).toEqual([]);
  });

  it('refuses a second response and a bad edit, keeping the first response as it was', async () => {
    const p = chiefs[1] as Respondent;
    const roundId = versioned.roundId;
    const first = await send('POST', roundId, p, { answers: full, mostImportantItemKey: 'vision', submit: true });
    expect(first.statusCode, first.body).toBe(201);
    const before = (await get(url(roundId), p.cookie)).json();

    const again = await send('POST', roundId, p, {
      answers: full.map((a) => ({ ...a, level: 1 })),
      submit: true,
    });
    expectProblem(again, 409, 'response_exists');
    const badEdit = await send('PUT', roundId, p, {
      answers: [
        { itemKey: 'vision', level: 1 },
        { itemKey: 'sharing', level: 1 },
        { itemKey: 'challenge', level: 4 },
      ],
      submit: true,
    });
    expectProblem(badEdit, 400, 'validation', { path: 'body.answers.2.level', code: 'response.level_out_of_range' });
    // A submitted response saved without submit must stay complete.
    const incomplete = await send('PUT', roundId, p, { answers: [{ itemKey: 'vision', level: 1 }] });
    expectProblem(incomplete, 400, 'validation', { path: 'body.items.sharing', code: 'response.level_required' });
    const unknown = await send('PUT', roundId, p, { answers: [...full, { itemKey: 'extra', level: 1 }] });
    expectProblem(unknown, 400, 'validation', { path: 'body.answers.3.itemKey', code: 'response.unknown_item' });

    const after = (await get(url(roundId), p.cookie)).json();
    expect(after).toEqual(before);
    expect(after.answers.map((a: { level: number }) => a.level)).toEqual([2, 2, 2]);
    const rows = await storedResponses(roundId);
    expect(rows).toHaveLength(1);
    expect(await storedAnswers(roundId)).toHaveLength(3);
  });

  it('refuses a threshold below 2 (or above 50) and creates no round', async () => {
    const count = async () =>
      (await t.database.db.select().from(sheetRounds).where(eq(sheetRounds.orgId, orgId))).length;
    const before = await count();
    for (const anonymityThreshold of [1, 0, -3, 2.5, 51, '3']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgId}/rounds`,
        headers: { cookie: admin },
        payload: {
          title: `k=${anonymityThreshold}`,
          templateId,
          version: 1,
          scopeKind: 'org',
          opensOn: japanDate(t.clock.now()),
          closesOn: japanDate(t.clock.now(), 3),
          anonymityThreshold,
        },
      });
      expectProblem(response, 400, 'validation');
      expect(response.json().errors[0].path, String(anonymityThreshold)).toBe('body.anonymityThreshold');
    }
    expect(await count()).toBe(before);
    // k = 2 is the least allowed, and it is kept.
    const k2 = await createRound(t, orgId, admin, { templateId, title: 'k=2', anonymityThreshold: 2 });
    expect((await get(`/api/orgs/${orgId}/rounds/${k2}`, admin)).json().anonymityThreshold).toBe(2);
  });

  it('refuses responses before a round opens and after it closes (also by the date), storing nothing', async () => {
    const scheduled = await createRound(t, orgId, admin, {
      templateId,
      title: '来週',
      opensOn: japanDate(t.clock.now(), 7),
      closesOn: japanDate(t.clock.now(), 14),
    });
    const p = chiefs[2] as Respondent;
    expectProblem(await send('POST', scheduled, p, { answers: full, submit: true }), 409, 'round_not_open');
    expect(await storedResponses(scheduled)).toEqual([]);

    const soon = await createRound(t, orgId, admin, {
      templateId,
      title: '明日まで',
      closesOn: japanDate(t.clock.now(), 1),
    });
    const early = chiefs[3] as Respondent;
    expect((await send('POST', soon, early, { answers: full, submit: true })).statusCode).toBe(201);
    t.clock.advance(3 * 86_400_000);
    expectProblem(await send('POST', soon, p, { answers: full, submit: true }), 409, 'round_closed');
    expectProblem(
      await send('PUT', soon, early, { answers: full.map((a) => ({ ...a, level: 1 })), submit: true }),
      409,
      'round_closed',
    );
    const rows = await storedResponses(soon);
    expect(rows.map((r) => r.userId)).toEqual([early.userId]);
    const answers = await t.database.db
      .select()
      .from(sheetAnswers)
      .where(and(eq(sheetAnswers.roundId, soon), eq(sheetAnswers.itemKey, 'vision')));
    expect(answers.map((a) => a.level)).toEqual([2]);
    // Closed by the date, a round of one response stays below k for its admin.
    expect((await results(soon, admin)).json().group).toEqual(withheld('below_threshold'));
  });
});
