import { afterAll, beforeAll, describe, test } from 'vitest';
import { OverviewPage } from './pages/overview.page.js';
import { SettingsPage } from './pages/settings.page.js';
import { ShellPage } from './pages/shell.page.js';
import { type ApiSession, apiAs, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectValue } from './support/expect.js';

interface OrgProfile {
  municipalityType: string | null;
  population: number | null;
}

describe('組織設定', () => {
  const browser = useBrowser();
  let admin: ApiSession | undefined;
  let cityId = '';
  let seeded: OrgProfile = { municipalityType: null, population: null };

  // デモ市 is shared by every spec: its profile goes back to what it was once this spec is done.
  beforeAll(async () => {
    const session = await apiAs(demo.orgAdmin.email);
    admin = session;
    cityId = await session.orgId(DEMO_CITY);
    const org = await session.get<OrgProfile>(`/api/orgs/${cityId}`);
    seeded = { municipalityType: org.municipalityType, population: org.population };
  });

  afterAll(async () => {
    if (!admin) return;
    await admin.patch(`/api/orgs/${cityId}`, seeded);
    await admin.dispose();
  });

  test('組織管理者が団体区分と人口を保存すると、概要の基本情報にその値が表示される', async () => {
    // A population no earlier run has left behind, so the overview cannot show a stale value.
    const population = 100_000 + Math.floor(Math.random() * 800_000);
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const settings = new SettingsPage(page);
    await settings.goto(cityId);

    await settings.saveProfile({ municipalityType: '中核市', population: String(population) });
    await expectValue(settings.population, String(population));

    await new ShellPage(page).goToSection('ホーム', DEMO_CITY);
    const overview = new OverviewPage(page);
    await overview.waitUntilLoaded(DEMO_CITY);
    await overview.expectProfile('団体区分', '中核市');
    await overview.expectProfile('人口', `${population.toLocaleString('ja-JP')}人`);

    // Saved on the server, not only in this page's cache.
    await page.reload();
    await overview.waitUntilLoaded(DEMO_CITY);
    await overview.expectProfile('人口', `${population.toLocaleString('ja-JP')}人`);
  });
});
