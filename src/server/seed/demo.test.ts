import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { organizations } from '../db/schema/organizations.js';
import { reminderHandlers } from '../features/plans/reminders.js';
import { JobWorker } from '../lib/jobs.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { DEMO_CASE_TITLES, DEMO_TOWN_NAME } from './demo-cases.js';
import { DEMO_ROUND_TITLES } from './demo-rounds.js';

let t: TestApp;
let cityId: string;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.clock.now());
  const [city] = await t.database.db.select().from(organizations).where(eq(organizations.name, 'デモ市'));
  cityId = city?.id ?? '';
  cookie = await logIn(t, 'admin@demo.kaizen-navi.jp', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('demo data', () => {
  it('has two closed rounds with results to compare, and an open one the demo manager has not answered', async () => {
    const list = await t.app.inject({ method: 'GET', url: `/api/orgs/${cityId}/rounds`, headers: { cookie } });
    const rounds = list.json() as { id: string; title: string; status: string; responseCount: number }[];
    const byTitle = new Map(rounds.map((r) => [r.title, r]));
    expect(byTitle.get(DEMO_ROUND_TITLES.first)?.status).toBe('closed');
    expect(byTitle.get(DEMO_ROUND_TITLES.second)?.status).toBe('closed');
    expect(byTitle.get(DEMO_ROUND_TITLES.open)?.status).toBe('open');

    const second = byTitle.get(DEMO_ROUND_TITLES.second);
    const results = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${cityId}/rounds/${second?.id}/results`,
      headers: { cookie },
    });
    const body = results.json();
    expect(body.group.withheld).toBe(false);
    expect(body.group.responseCount).toBeGreaterThanOrEqual(25);
    expect(body.compare.title).toBe(DEMO_ROUND_TITLES.first);
    expect(body.items.every((i: { median: number | null; previous: unknown }) => i.median !== null && i.previous)).toBe(
      true,
    );
    expect(body.gaps.length).toBeGreaterThan(0);
    // Some units are big enough to show, some are not.
    const filters = body.departmentFilters as { withheld: boolean }[];
    expect(filters.some((f) => f.withheld)).toBe(true);
    expect(filters.some((f) => !f.withheld)).toBe(true);

    const manager = await logIn(t, 'manager@demo.kaizen-navi.jp', DEMO_PASSWORD);
    const open = byTitle.get(DEMO_ROUND_TITLES.open);
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${cityId}/rounds/${open?.id}/my-response`,
      headers: { cookie: manager },
    });
    expect(mine.statusCode).toBe(404);
  });

  it("has published cases to search, another town's shared ones among them, and one awaiting review", async () => {
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${cityId}/cases?q=${encodeURIComponent('窓口')}`,
      headers: { cookie },
    });
    const body = search.json() as { total: number; hits: { title: string; orgName: string }[] };
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.hits.some((h) => h.orgName === DEMO_TOWN_NAME && h.title === DEMO_CASE_TITLES.townCounter)).toBe(true);

    const waiting = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${cityId}/cases?status=submitted`,
      headers: { cookie },
    });
    expect((waiting.json() as { hits: { title: string }[] }).hits.map((h) => h.title)).toEqual([
      DEMO_CASE_TITLES.submitted,
    ]);
  });

  it('gives the staff member a career map with entries and the cases she reported, shared with nobody', async () => {
    const staff = await logIn(t, 'staff@demo.kaizen-navi.jp', DEMO_PASSWORD);
    const map = (await t.app.inject({ method: 'GET', url: '/api/me/career', headers: { cookie: staff } })).json();
    expect(map.entries.map((e: { kind: string }) => e.kind)).toEqual(['seminar', 'role']);
    expect(map.cases.length).toBeGreaterThanOrEqual(2);
    expect(map.cases.some((c: { title: string }) => c.title === DEMO_CASE_TITLES.submitted)).toBe(false);
    expect(map.shares).toEqual([]);
  });

  it("has the staff member's presented plan, shared with the navigator, whose follow-up reminder goes out on the first run", async () => {
    const staff = await logIn(t, 'staff@demo.kaizen-navi.jp', DEMO_PASSWORD);
    const mine = await t.app.inject({ method: 'GET', url: `/api/orgs/${cityId}/plans`, headers: { cookie: staff } });
    const [plan] = (mine.json() as { plans: { id: string; status: string; versions: number; overdueSteps: number }[] })
      .plans;
    expect(plan).toMatchObject({ status: 'presented', versions: 1, overdueSteps: 1 });
    const navigator = await logIn(t, 'navigator@demo.kaizen-navi.jp', DEMO_PASSWORD);
    const shared = await t.app.inject({
      method: 'GET',
      url: '/api/me/facilitated-plans',
      headers: { cookie: navigator },
    });
    expect((shared.json() as { plans: { id: string }[] }).plans.map((p) => p.id)).toEqual([plan?.id]);
    const worker = new JobWorker(t.deps.db, reminderHandlers(t.deps.mailer), t.clock.now);
    expect(await worker.runDue()).toBe(2);
    const mails = await t.mailsTo('staff@demo.kaizen-navi.jp');
    expect(mails.map((m) => m.subject).some((s) => s.includes('フォローアップ'))).toBe(true);
  });
});
