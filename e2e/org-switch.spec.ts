import { describe, expect, test } from 'vitest';
import { LoginPage } from './pages/login.page.js';
import { MembersPage } from './pages/members.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ShellPage } from './pages/shell.page.js';
import { logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo } from './support/demo.js';
import { expectPath, expectVisible } from './support/expect.js';

describe('組織の切り替え', () => {
  const browser = useBrowser();

  test('二つの組織に所属するナビゲーターが、もう一方の組織に切り替えられ、再読み込みしても選んだ組織のまま', async () => {
    const { page } = await browser.open();
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(demo.navigator.email);

    const shell = new ShellPage(page);
    const overview = new OverviewPage(page);
    await expectPath(page, /^\/orgs\/[^/]+$/);
    const first = await shell.currentOrgOption();
    const [from, to] = first.startsWith(DEMO_CITY) ? [DEMO_CITY, DEMO_NPO] : [DEMO_NPO, DEMO_CITY];
    await overview.waitUntilLoaded(from);

    await shell.switchOrg(to);

    await overview.waitUntilLoaded(to);
    expect(await shell.currentOrgOption()).toBe(`${to}（ナビゲーター）`);
    const chosenPath = new URL(page.url()).pathname;

    await page.reload();
    await overview.waitUntilLoaded(to);
    expect(await shell.currentOrgOption()).toBe(`${to}（ナビゲーター）`);

    // The home address opens the organisation chosen last, not the first one.
    await page.goto('/');
    await overview.waitUntilLoaded(to);
    await expectPath(page, chosenPath);
  });

  test('メンバー一覧を見ながら切り替えると、切り替えた先の組織のメンバー一覧が開く', async () => {
    const { context, page } = await browser.open();
    const me = await logInContext(context, demo.navigator.email);
    const city = me.memberships.find((m) => m.orgName === DEMO_CITY);
    if (!city) throw new Error('The navigator should belong to デモ市.');
    const members = new MembersPage(page);
    await members.goto(city.orgId);
    await expectVisible(members.memberRow(demo.orgAdmin.name));

    await new ShellPage(page).switchOrg(DEMO_NPO);

    await members.waitUntilLoaded();
    await expectPath(page, /^\/orgs\/[^/]+\/members$/);
    await expectVisible(members.memberRow(demo.platformAdmin.name));
  });
});
