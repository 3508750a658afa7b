import { beforeAll, describe, expect, test } from 'vitest';
import { DepartmentsPage } from './pages/departments.page.js';
import { ShellPage } from './pages/shell.page.js';
import { apiAs, createMember, logInContext, sessionOf } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectVisible } from './support/expect.js';

describe('部署の管理', () => {
  const browser = useBrowser();
  let cityId = '';
  // A second org admin of デモ市 for the English part: the language choice is saved on the
  // account, so switching the demo admin to English could leak into other spec files.
  const englishAdmin = {
    email: uniqueEmail('dept-admin'),
    displayName: `部署 管理者${uniqueSuffix().slice(-4)}`,
    password: 'e2e-dept-admin-2026',
    role: 'org_admin' as const,
  };

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      await createMember(admin, cityId, englishAdmin);
    } finally {
      await admin.dispose();
    }
  });

  test('組織管理者が部の下に課を追加し、名前を変え、別の部へ移し、削除する', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const departments = new DepartmentsPage(page);
    await departments.goto(cityId);
    const suffix = uniqueSuffix().slice(-5);
    const created = `業務改善課${suffix}`;
    const renamed = `業務改革課${suffix}`;

    await departments.addUnder('総務部', created, 'division');
    await expectVisible(departments.childOf('総務部', created));

    await departments.rename(created, renamed);
    await expectHidden(departments.nameInTree(created));

    await departments.move(renamed, '市民部');
    await expectCount(departments.childOf('総務部', renamed), 0);

    // Still there after a reload: the change was saved, not only drawn.
    await page.reload();
    await departments.waitUntilLoaded();
    await expectVisible(departments.childOf('市民部', renamed));

    await departments.remove(renamed);
  });

  test('英語に切り替えると英語の表示で部署を編集でき、日本語に戻せる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, englishAdmin.email, englishAdmin.password);
    const japanese = new DepartmentsPage(page);
    await japanese.goto(cityId);

    const shell = await new ShellPage(page).switchLanguage('en');
    const english = new DepartmentsPage(page, 'en');
    await english.waitUntilLoaded();
    await expectVisible(shell.navLink('Departments'));

    const suffix = uniqueSuffix().slice(-5);
    await english.addUnder('都市整備部', `Planning${suffix}`, 'division');
    await english.rename(`Planning${suffix}`, `公園緑地課${suffix}`);
    await english.remove(`公園緑地課${suffix}`);

    const back = await shell.switchLanguage('ja');
    await japanese.waitUntilLoaded();
    await expectVisible(back.navLink('部署'));
    // The choice is kept for the next visit: in this browser and on the account.
    await page.reload();
    await japanese.waitUntilLoaded();
    expect((await sessionOf(context))?.locale).toBe('ja');
  });

  test('職員には部署の一覧だけが見え、追加・編集・削除のボタンはない', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const departments = new DepartmentsPage(page);
    await departments.goto(cityId);

    await expectVisible(departments.childOf('市民課', '窓口係'));
    await expectCount(departments.editingButtons, 0);
    await expectCount(departments.addButton, 0);
    await expectCount(new ShellPage(page).navLink('監査ログ'), 0);
  });
});
