import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCase } from '../../../../test/cases.js';
import { createDepartment, createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { CaseStats } from '../../../shared/cases/stats-schema.js';
import { currentFiscalYear, monthsOf } from './service.js';

let t: TestApp;
let city: Awaited<ReturnType<typeof createOrgWithAdmin>>;
let staff: { cookie: string; userId: string };
let counter: { id: string; name: string };
let ict: { id: string; name: string };
let awardedId: string;

const statsUrl = (orgId: string, query = '') => `/api/orgs/${orgId}/case-stats${query}`;

async function getStats(cookie: string, orgId: string, fiscalYear?: number): Promise<CaseStats> {
  const response = await t.app.inject({
    method: 'GET',
    url: statsUrl(orgId, fiscalYear ? `?fiscalYear=${fiscalYear}` : ''),
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A case a staff member reports and submits alone, which the admin approves and publishes. */
async function publishAsStaff(body: Record<string, unknown>) {
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${city.org.id}/cases`,
    headers: { cookie: staff.cookie },
    payload: body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  for (const [action, cookie] of [
    ['submit', staff.cookie],
    ['approve', city.cookie],
    ['publish', city.cookie],
  ] as const) {
    const step = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${city.org.id}/cases/${id}/review`,
      headers: { cookie },
      payload: { action },
    });
    expect(step.statusCode, step.body).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  city = await createOrgWithAdmin(t, { name: '統計市' });
  counter = await createDepartment(t, city.org.id, { name: '市民課' });
  ict = await createDepartment(t, city.org.id, { name: '情報政策課' });
  const member = await createMember(t, { orgId: city.org.id, role: 'staff', departmentId: counter.id });
  staff = { cookie: await logIn(t, member.user.email), userId: member.user.id };
  // A third member who reports nothing.
  await createMember(t, { orgId: city.org.id, role: 'staff' });

  // 2026年度: three published cases, from its first day to its last.
  awardedId = await publishCase(t, city.org.id, city.cookie, {
    title: '窓口の押印廃止',
    happenedOn: '2026-04-01',
    departmentId: counter.id,
    sceneId: 'workplace-improvement',
    policyField: 'counter',
    method: 'stop',
    effects: [
      { kind: 'hours_per_year', target: 100, actual: 120 },
      { kind: 'yen_per_year', target: 50000 },
    ],
  });
  await publishAsStaff({
    title: 'RPAで入力を自動化',
    happenedOn: '2026-05-20',
    departmentId: ict.id,
    sceneId: 'workplace-improvement',
    policyField: 'ict',
    method: 'ict',
    effects: [
      { kind: 'hours_per_year', target: 300, actual: 280.5 },
      { kind: 'yen_per_year', target: 1000000, actual: 1200000 },
      { kind: 'other', label: 'オンライン申請の割合', unit: '%', target: 50, actual: 60 },
    ],
  });
  await publishCase(t, city.org.id, city.cookie, {
    title: '年度末の書類整理',
    happenedOn: '2027-03-31',
    effects: [{ kind: 'paper_sheets', actual: 3000 }],
  });
  // The day before 2026年度 began: 2025年度.
  await publishCase(t, city.org.id, city.cookie, {
    title: '前年度の改善',
    happenedOn: '2026-03-31',
    departmentId: counter.id,
    sceneId: 'individual-fix',
    policyField: 'counter',
    method: 'reduce',
    effects: [{ kind: 'hours_per_year', actual: 40 }],
  });
  // 2022年度 is inside the five years that end in 2026年度.
  await publishCase(t, city.org.id, city.cookie, {
    title: '4年前の改善',
    happenedOn: '2022-10-01',
    effects: [{ kind: 'yen_per_year', actual: 7000 }],
  });
  // Drafts and cases under review are not counted.
  const draft = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${city.org.id}/cases`,
    headers: { cookie: staff.cookie },
    payload: { title: '下書き', happenedOn: '2026-06-01', sceneId: 'region-innovation', departmentId: counter.id },
  });
  expect(draft.statusCode).toBe(201);

  const award = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${city.org.id}/cases/${awardedId}/awards`,
    headers: { cookie: city.cookie },
    payload: { fiscalYear: 2026, name: '市長表彰' },
  });
  expect(award.statusCode, award.body).toBe(200);
});
afterAll(() => t.close());

describe('case statistics', () => {
  it("counts a fiscal year's published cases by department, month, scene, field and method", async () => {
    const stats = await getStats(city.cookie, city.org.id, 2026);
    expect(stats.fiscalYear).toBe(2026);
    expect(stats.totalCases).toBe(3);
    expect(stats.byDepartment).toEqual([
      { departmentId: counter.id, departmentName: '市民課', count: 1 },
      { departmentId: ict.id, departmentName: '情報政策課', count: 1 },
      { departmentId: null, departmentName: null, count: 1 },
    ]);
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth[0]).toEqual({ year: 2026, month: 4, count: 1 });
    expect(stats.byMonth[1]).toEqual({ year: 2026, month: 5, count: 1 });
    expect(stats.byMonth[11]).toEqual({ year: 2027, month: 3, count: 1 });
    expect(stats.byMonth.reduce((sum, m) => sum + m.count, 0)).toBe(3);

    expect(stats.scenes).toHaveLength(12);
    expect(stats.scenes.find((s) => s.sceneId === 'workplace-improvement')?.count).toBe(2);
    // The draft placed on region × innovation leaves it empty: still the next frontier.
    expect(stats.scenes.filter((s) => s.count === 0)).toHaveLength(11);
    expect(stats.unplacedCases).toBe(1);

    expect(stats.byPolicyField.find((f) => f.policyField === 'counter')?.count).toBe(1);
    expect(stats.byPolicyField.find((f) => f.policyField === 'welfare')?.count).toBe(0);
    expect(stats.byPolicyField.at(-1)).toEqual({ policyField: null, count: 1 });
    expect(stats.byMethod).toEqual([
      { method: 'stop', count: 1 },
      { method: 'reduce', count: 0 },
      { method: 'change', count: 0 },
      { method: 'ict', count: 1 },
      { method: null, count: 1 },
    ]);
  });

  it('adds up effects per kind: actual and target sums and the cases that have each', async () => {
    const stats = await getStats(city.cookie, city.org.id, 2026);
    const byKind = Object.fromEntries(stats.effects.map((e) => [e.kind, e]));
    expect(stats.effects.map((e) => e.kind)).toEqual([
      'hours_per_year',
      'yen_per_year',
      'paper_sheets',
      'waiting_minutes',
      'satisfaction',
      'other',
    ]);
    expect(byKind.hours_per_year).toEqual({ kind: 'hours_per_year', cases: 2, actual: 400.5, target: 400 });
    expect(byKind.yen_per_year).toEqual({ kind: 'yen_per_year', cases: 2, actual: 1200000, target: 1050000 });
    expect(byKind.paper_sheets).toEqual({ kind: 'paper_sheets', cases: 1, actual: 3000, target: null });
    expect(byKind.waiting_minutes).toEqual({ kind: 'waiting_minutes', cases: 0, actual: null, target: null });
    // Each `other` effect has its own unit: counted, never summed.
    expect(byKind.other).toEqual({ kind: 'other', cases: 1, actual: null, target: null });
  });

  it("shares of staff who reported: distinct reporters among today's members", async () => {
    const stats = await getStats(city.cookie, city.org.id, 2026);
    // The admin and the staff member reported; the third member did not.
    expect(stats.participation).toEqual({ reporters: 2, members: 3 });
    const before = await getStats(city.cookie, city.org.id, 2025);
    expect(before.participation).toEqual({ reporters: 1, members: 3 });
  });

  it('lists the awards of the year and a five-year trend ending in the chosen year', async () => {
    const stats = await getStats(city.cookie, city.org.id, 2026);
    expect(stats.awards).toEqual([
      { caseId: awardedId, title: '窓口の押印廃止', name: '市長表彰', departmentName: '市民課' },
    ]);
    expect(stats.trend).toEqual([
      { fiscalYear: 2022, count: 1, hoursPerYear: 0, yenPerYear: 7000 },
      { fiscalYear: 2023, count: 0, hoursPerYear: 0, yenPerYear: 0 },
      { fiscalYear: 2024, count: 0, hoursPerYear: 0, yenPerYear: 0 },
      { fiscalYear: 2025, count: 1, hoursPerYear: 40, yenPerYear: 0 },
      { fiscalYear: 2026, count: 3, hoursPerYear: 400.5, yenPerYear: 1200000 },
    ]);
    expect(stats.yearsWithCases).toEqual([2026, 2025, 2022]);
    expect((await getStats(city.cookie, city.org.id, 2025)).awards).toEqual([]);
  });

  it('puts 2026-03-31 in 2025年度 and 2026-04-01 in 2026年度', async () => {
    const before = await getStats(city.cookie, city.org.id, 2025);
    expect(before.totalCases).toBe(1);
    expect(before.byMonth.at(-1)).toEqual({ year: 2026, month: 3, count: 1 });
    expect(before.scenes.find((s) => s.sceneId === 'individual-fix')?.count).toBe(1);
    expect(monthsOf(2025)[0]).toEqual({ year: 2025, month: 4 });
    expect(monthsOf(2025)[11]).toEqual({ year: 2026, month: 3 });
    // 15:30 UTC on 31 March is already 1 April in Japan.
    expect(currentFiscalYear(new Date('2027-03-31T14:59:00Z'))).toBe(2026);
    expect(currentFiscalYear(new Date('2027-03-31T15:00:00Z'))).toBe(2027);
  });

  it('opens on the current fiscal year in Japan when none is asked for', async () => {
    const stats = await getStats(city.cookie, city.org.id);
    expect(stats.fiscalYear).toBe(currentFiscalYear(t.clock.now()));
  });

  it('gives an empty year zeros everywhere, with all 12 scenes and 12 months', async () => {
    const stats = await getStats(city.cookie, city.org.id, 2030);
    expect(stats.totalCases).toBe(0);
    expect(stats.byDepartment).toEqual([]);
    expect(stats.byMonth.map((m) => m.count)).toEqual(Array(12).fill(0));
    expect(stats.scenes.map((s) => s.count)).toEqual(Array(12).fill(0));
    expect(stats.unplacedCases).toBe(0);
    expect(stats.participation).toEqual({ reporters: 0, members: 3 });
    expect(stats.effects.every((e) => e.cases === 0 && e.actual === null)).toBe(true);
    expect(stats.byPolicyField.every((f) => f.policyField !== null && f.count === 0)).toBe(true);
    expect(stats.awards).toEqual([]);
    expect(stats.trend.map((y) => y.fiscalYear)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(stats.trend[0]?.count).toBe(3);
  });

  it('refuses a fiscal year that is not a year', async () => {
    for (const query of ['?fiscalYear=26', '?fiscalYear=abc', '?fiscalYear=2026.5', '?year=2026']) {
      const response = await t.app.inject({
        method: 'GET',
        url: statsUrl(city.org.id, query),
        headers: { cookie: city.cookie },
      });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it("never counts another organisation's cases, and its admin gets 404", async () => {
    const other = await createOrgWithAdmin(t, { name: '隣町' });
    await publishCase(t, other.org.id, other.cookie, {
      title: '隣町の改善',
      happenedOn: '2026-06-01',
      sceneId: 'region-innovation',
      sharing: 'network',
      effects: [{ kind: 'hours_per_year', actual: 999 }],
    });
    const stats = await getStats(city.cookie, city.org.id, 2026);
    expect(stats.totalCases).toBe(3);
    expect(stats.scenes.find((s) => s.sceneId === 'region-innovation')?.count).toBe(0);
    expect(stats.effects[0]?.actual).toBe(400.5);
    const own = await getStats(other.cookie, other.org.id, 2026);
    expect(own.totalCases).toBe(1);
    expect(own.participation).toEqual({ reporters: 1, members: 1 });

    for (const url of [statsUrl(city.org.id), `/api/orgs/${city.org.id}/case-stats/export?format=xlsx`]) {
      const blocked = await t.app.inject({ method: 'GET', url, headers: { cookie: other.cookie } });
      expect(blocked.statusCode, url).toBe(404);
      expect(blocked.json().code).toBe('not_found');
    }
  });

  it("counts a renamed department under today's name and leaves out reporters who have left", async () => {
    const own = await createOrgWithAdmin(t, { name: '改組市' });
    const unit = await createDepartment(t, own.org.id, { name: '旧名課' });
    const leaver = await createMember(t, { orgId: own.org.id, role: 'staff' });
    const leaverCookie = await logIn(t, leaver.user.email);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${own.org.id}/cases`,
      headers: { cookie: leaverCookie },
      payload: { title: '去った人の改善', happenedOn: '2026-07-01', departmentId: unit.id },
    });
    const caseId = created.json().id as string;
    for (const [action, cookie] of [
      ['submit', leaverCookie],
      ['approve', own.cookie],
      ['publish', own.cookie],
    ] as const) {
      const step = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${own.org.id}/cases/${caseId}/review`,
        headers: { cookie },
        payload: { action },
      });
      expect(step.statusCode, step.body).toBe(200);
    }
    expect((await getStats(own.cookie, own.org.id, 2026)).participation).toEqual({ reporters: 1, members: 2 });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${own.org.id}/departments/${unit.id}`,
      headers: { cookie: own.cookie },
      payload: { name: '新名課' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${own.org.id}/members/${leaver.membership.id}`,
      headers: { cookie: own.cookie },
      payload: {},
    });
    expect(removed.statusCode, removed.body).toBeLessThan(300);

    const stats = await getStats(own.cookie, own.org.id, 2026);
    expect(stats.byDepartment).toEqual([{ departmentId: unit.id, departmentName: '新名課', count: 1 }]);
    // The case still counts; the person who left is no longer among the members, nor the reporters.
    expect(stats.totalCases).toBe(1);
    expect(stats.participation).toEqual({ reporters: 0, members: 1 });
  });

  it('lets staff see the statistics and asks for a login without a session', async () => {
    expect((await getStats(staff.cookie, city.org.id, 2026)).totalCases).toBe(3);
    const anonymous = await t.app.inject({ method: 'GET', url: statsUrl(city.org.id) });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('case statistics export', () => {
  const exportUrl = (query: string) => `/api/orgs/${city.org.id}/case-stats/export?${query}`;

  it('writes the same numbers as CSV in UTF-8 with a BOM, with Japanese headings', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: exportUrl('fiscalYear=2026&format=csv&lang=ja'),
      headers: { cookie: city.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('事例の統計_2026年度.csv'));
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['概要', '項目,値', '年度,2026']);
    expect(lines).toContain('事例数,3');
    expect(lines).toContain('参加率（%）,66.7');
    expect(lines).toContain('部署,件数');
    expect(lines).toContain('市民課,1');
    expect(lines).toContain('部署なし,1');
    expect(lines).toContain('2027年3月,1');
    expect(lines).toContain('時間の削減,時間/年,2,400.5,400');
    expect(lines).toContain('職場,改善,2,');
    expect(lines).toContain('地域,革新,0,未開拓');
    expect(lines).toContain('市長表彰,窓口の押印廃止,市民課');
    expect(lines).toContain('2026,3,400.5,1200000');
  });

  it('writes English headings when asked, or when the browser prefers English', async () => {
    const asked = await t.app.inject({
      method: 'GET',
      url: exportUrl('fiscalYear=2026&lang=en'),
      headers: { cookie: city.cookie },
    });
    const text = asked.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFSummary\r\nItem,Value\r\n')).toBe(true);
    expect(text).toContain('Participation (%),66.7');
    expect(text).toContain('Region,Innovation,0,Not yet tried');
    expect(asked.headers['content-disposition']).toContain('case-statistics_FY2026.csv');
    const preferred = await t.app.inject({
      method: 'GET',
      url: exportUrl('fiscalYear=2026'),
      headers: { cookie: city.cookie, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(preferred.rawPayload.toString('utf8')).toContain('By department');
  });

  it('writes an xlsx workbook with one sheet per table', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: exportUrl('fiscalYear=2026&format=xlsx&lang=ja'),
      headers: { cookie: city.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const zip = response.rawPayload;
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    // Zip entry names are stored as plain text: nine tables, nine worksheets.
    expect(zip.includes('xl/worksheets/sheet9.xml')).toBe(true);
    expect(zip.includes('xl/worksheets/sheet10.xml')).toBe(false);
  });

  it('refuses an unknown format or language', async () => {
    for (const query of ['format=pdf', 'lang=fr']) {
      const response = await t.app.inject({ method: 'GET', url: exportUrl(query), headers: { cookie: city.cookie } });
      expect(response.statusCode, query).toBe(400);
    }
  });
});
