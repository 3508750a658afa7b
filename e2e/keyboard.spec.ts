import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditPage } from './pages/audit.page.js';
import { DepartmentsPage } from './pages/departments.page.js';
import { InvitationPage } from './pages/invitation.page.js';
import { LoginPage } from './pages/login.page.js';
import { MembersPage } from './pages/members.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset.page.js';
import { PlatformOrgsPage } from './pages/platform-orgs.page.js';
import { ProfilePage } from './pages/profile.page.js';
import { SettingsPage } from './pages/settings.page.js';
import { SheetPage, SheetsPage } from './pages/sheets.page.js';
import { ShellPage } from './pages/shell.page.js';
import { type ApiSession, apiAs, createMember, findMailLink, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectFocused, expectHidden, expectPath, expectText, expectValue, expectVisible } from './support/expect.js';
import { chooseByKeys, pressEnterOn, tabTo, typeInto } from './support/keyboard.js';
import { field, selectedOptionText } from './support/locators.js';

// The journeys of signing in and running an organisation, each done once with the keyboard alone:
// Tab and Shift+Tab, Enter and Space, the arrow keys and typing. No click, no fill().

interface Department {
  id: string;
  name: string;
}

describe('キーボードだけの操作（ログインと組織の運営）', () => {
  const browser = useBrowser();
  let admin: ApiSession | undefined;
  let cityId = '';
  const departmentName = `鍵盤操作課${uniqueSuffix().slice(-5)}`;

  beforeAll(async () => {
    const session = await apiAs(demo.orgAdmin.email);
    admin = session;
    cityId = await session.orgId(DEMO_CITY);
  });

  // The department this spec adds is removed again, whatever step failed.
  afterAll(async () => {
    if (!admin) return;
    const departments = await admin.get<Department[]>(`/api/orgs/${cityId}/departments`);
    const added = departments.find((department) => department.name === departmentName);
    if (added) await admin.delete(`/api/orgs/${cityId}/departments/${added.id}`);
    await admin.dispose();
  });

  /** A colleague of one's own, so the demo logins keep their names and passwords for the other specs. */
  async function newColleague(label: string) {
    const person = {
      email: uniqueEmail(label),
      displayName: `鍵盤 ${label} ${uniqueSuffix().slice(-4)}`,
      password: 'keyboard-only-2026',
      role: 'staff' as const,
    };
    if (!admin) throw new Error('Not logged in.');
    await createMember(admin, cityId, person);
    return person;
  }

  test('キーボードだけでログインし、本文へ移動して、ユーザーメニューからログアウトできる', async () => {
    const { page } = await browser.open();
    const login = new LoginPage(page);
    await login.goto();
    const keyboard = page.keyboard;

    await typeInto(page, login.email, demo.orgAdmin.email);
    await keyboard.press('Tab');
    await expectFocused(login.password);
    await keyboard.type('kaizen-demo-2026');
    await keyboard.press('Enter');
    const overview = new OverviewPage(page);
    await overview.waitUntilLoaded(DEMO_CITY);

    // Logging in leads to the overview with the focus on its main region, where reading starts.
    await expectFocused(page.getByRole('main'));
    // On a page opened afresh, the first Tab reaches the skip link, which goes past the header and menu.
    await page.reload();
    await overview.waitUntilLoaded(DEMO_CITY);
    await keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '本文へ移動', exact: true });
    await expectFocused(skip);
    await keyboard.press('Enter');
    await expectFocused(page.getByRole('main'));

    const shell = new ShellPage(page);
    await pressEnterOn(page, shell.userMenuButton);
    const logout = page.getByRole('button', { name: 'ログアウト', exact: true }).filter({ visible: true });
    await pressEnterOn(page, logout, 5);
    await expectVisible(login.heading);
    await expectPath(page, '/login');
  });

  test('スマートフォンの幅では、メニューのボタンをEnterで開いてTabで項目に進み、Escapeで閉じる', async () => {
    const { context, page } = await browser.open({ device: 'phone' });
    await logInContext(context, demo.orgAdmin.email);
    await new OverviewPage(page).goto(cityId, DEMO_CITY);
    const shell = new ShellPage(page);

    await pressEnterOn(page, shell.menuButton);
    await expectVisible(shell.nav);
    await pressEnterOn(page, shell.navLink('部署'));
    await expectVisible(shell.heading('部署'));
    expect(await shell.nav.isVisible()).toBe(false);
  });

  test('Tab・Enter・入力だけで部署を追加でき、ダイアログを開くと最初の欄に、閉じると元のボタンにフォーカスが移る', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const departments = new DepartmentsPage(page);
    await departments.goto(cityId);
    const keyboard = page.keyboard;

    // Opening moves the focus into the dialog; Escape closes it and gives the focus back.
    await tabTo(page, departments.addButton);
    await keyboard.press('Enter');
    await expectVisible(departments.dialog);
    const nameField = field(departments.dialog, '部署名');
    await expectFocused(nameField);
    await keyboard.press('Escape');
    await expectHidden(departments.dialog);
    await expectFocused(departments.addButton);

    await keyboard.press('Enter');
    await expectFocused(nameField);
    await keyboard.type(departmentName);
    await keyboard.press('Tab');
    const level = field(departments.dialog, '区分');
    await expectFocused(level);
    await keyboard.press('ArrowDown');
    expect(await selectedOptionText(level)).toBe('課');
    await keyboard.press('Tab');
    const parent = field(departments.dialog, '上位部署');
    await expectFocused(parent);
    await keyboard.press('ArrowDown');
    expect(await selectedOptionText(parent)).toBe('総務部');
    const add = departments.dialog.getByRole('button', { name: '追加する', exact: true });
    await tabTo(page, add, 5);
    await keyboard.press('Enter');

    await expectHidden(departments.dialog);
    await expectVisible(departments.childOf('総務部', departmentName));
    await expectFocused(departments.addButton);
  });

  test('パスワードを忘れた人が、キーボードだけで再設定を依頼し、メールのリンクから新しいパスワードを決めてログインする', async () => {
    const person = await newColleague('reset');
    const { page } = await browser.open();
    const login = new LoginPage(page);
    await login.goto();
    await pressEnterOn(page, login.forgotPasswordLink);
    const forgot = new ForgotPasswordPage(page);
    await expectVisible(forgot.heading);
    await typeInto(page, forgot.email, person.email);
    await page.keyboard.press('Enter');
    await expectVisible(forgot.sentNotice);

    // Reset mails belong to no organisation; the platform organisation's outbox keeps them.
    const platform = await apiAs(demo.platformAdmin.email);
    const link = await findMailLink(platform, await platform.orgId(DEMO_NPO), person.email, '/reset-password/');
    await platform.dispose();
    const reset = new ResetPasswordPage(page);
    await reset.open(new URL(link).pathname);
    const newPassword = 'keyboard-new-2026';
    await typeInto(page, reset.password, newPassword);
    await typeInto(page, reset.confirmation, newPassword);
    await page.keyboard.press('Enter');
    await expectVisible(reset.doneNotice);

    await pressEnterOn(page, reset.loginLink);
    await expectVisible(login.heading);
    await typeInto(page, login.email, person.email);
    await typeInto(page, login.password, newPassword);
    await page.keyboard.press('Enter');
    await new OverviewPage(page).waitUntilLoaded(DEMO_CITY);
  });

  test('組織管理者がキーボードだけでメンバーを招待し、招待された人がリンクから参加し、その役割を変えられる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const members = new MembersPage(page);
    await members.goto(cityId);
    const email = uniqueEmail('keyboard-invitee');
    const name = `鍵盤 招待${uniqueSuffix().slice(-4)}`;

    await pressEnterOn(page, members.inviteButton);
    await expectVisible(members.dialog);
    await typeInto(page, field(members.dialog, 'メールアドレス'), email);
    await chooseByKeys(page, field(members.dialog, '役割'), '職員', 3);
    await chooseByKeys(page, field(members.dialog, '役職'), '職員', 3);
    await chooseByKeys(page, field(members.dialog, '部署'), '窓口係', 3);
    await pressEnterOn(page, members.dialog.getByRole('button', { name: '招待を送る', exact: true }), 5);
    await expectHidden(members.dialog);
    await expectVisible(members.invitationRow(email));

    // The invitee follows the mailed link on their own computer.
    if (!admin) throw new Error('Not logged in.');
    const link = await findMailLink(admin, cityId, email, '/invite/');
    const invitee = await browser.open();
    const invitation = new InvitationPage(invitee.page);
    await invitation.open(new URL(link).pathname);
    await typeInto(invitee.page, invitation.displayName, name);
    await typeInto(invitee.page, invitation.password, 'keyboard-invitee-2026', 3);
    await typeInto(invitee.page, invitation.confirmation, 'keyboard-invitee-2026', 3);
    await invitee.page.keyboard.press('Enter');
    await new OverviewPage(invitee.page).waitUntilLoaded(DEMO_CITY);

    // Back in the list, the administrator finds the newcomer and makes them a manager through 編集.
    await members.goto(cityId);
    await typeInto(page, members.search, name);
    await expectText(page.getByRole('status').filter({ hasText: '人が該当します。' }), '1人が該当します。');
    await pressEnterOn(page, page.getByRole('button', { name: `${name}さんを編集`, exact: true }));
    const dialog = page.getByRole('dialog', { name: `${name}さんの所属を編集`, exact: true });
    await expectVisible(dialog);
    await chooseByKeys(page, field(dialog, '役割'), '所属長', 3);
    await pressEnterOn(page, dialog.getByRole('button', { name: '保存する', exact: true }), 6);
    await expectHidden(dialog);
    await expectText(await members.memberCell(name, '役割'), '所属長');
  });

  test('二つの組織に所属する人が、キーボードだけで表示言語と組織を切り替える', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.navigator.email);
    await page.goto('/profile');
    const shell = new ShellPage(page);
    await expectVisible(shell.heading('プロフィール'));

    // The language is saved on the account too: wait for it, and switch back before leaving.
    const saved = () =>
      page.waitForResponse(
        (response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname === '/api/auth/me',
      );
    let saving = saved();
    await pressEnterOn(page, shell.languageButton('en'));
    const english = new ShellPage(page, 'en');
    await expectVisible(english.heading('Profile'));
    await saving;
    saving = saved();
    await pressEnterOn(page, english.languageButton('ja'));
    await expectVisible(shell.heading('プロフィール'));
    await saving;

    const before = await selectedOptionText(shell.orgSwitcher);
    const other = before.startsWith(DEMO_CITY) ? `${DEMO_NPO}（ナビゲーター）` : `${DEMO_CITY}（ナビゲーター）`;
    await chooseByKeys(page, shell.orgSwitcher, other);
    await new OverviewPage(page).waitUntilLoaded(other.replace('（ナビゲーター）', ''));
  });

  test('キーボードだけでプロフィールの表示名を変え、組織管理者は監査ログを操作の種類で絞り込める', async () => {
    const person = await newColleague('rename');
    const { context, page } = await browser.open();
    await logInContext(context, person.email, person.password);
    const profile = new ProfilePage(page);
    await profile.goto();
    const renamed = `${person.displayName}（改）`;
    await typeInto(page, profile.displayName, renamed);
    await page.keyboard.press('Enter');
    await expectVisible(profile.toast('プロフィールを保存しました。'));
    await expectText(new ShellPage(page).userMenuButton, renamed);

    const auditor = await browser.open();
    await logInContext(auditor.context, demo.orgAdmin.email);
    const audit = new AuditPage(auditor.page);
    await audit.goto(cityId);
    await chooseByKeys(auditor.page, audit.actionFilter, '招待の承諾');
    await pressEnterOn(auditor.page, audit.filters.getByRole('button', { name: '絞り込む', exact: true }));
    await audit.expectOnlyActions('招待の承諾');
  });

  test('組織管理者がキーボードだけで組織設定の人口を直して保存する', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const settings = new SettingsPage(page);
    await settings.goto(cityId);
    // Another spec sets the population; the same number is typed back, so nothing else changes.
    const population = await settings.population.inputValue();
    await typeInto(page, settings.population, population || '12345');
    await pressEnterOn(page, settings.save, 10);
    await expectVisible(settings.toast('組織の情報を保存しました。'));
  });

  test('運営の管理者がキーボードだけで全国の自治体から探して組織を登録する', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.platformAdmin.email);
    const orgs = new PlatformOrgsPage(page);
    await orgs.goto();
    await pressEnterOn(page, orgs.registerButton);
    await expectVisible(orgs.dialog);
    const search = orgs.dialog.getByRole('combobox', { name: '自治体を検索', exact: true });
    await typeInto(page, search, '会津若松');
    const suggestion = orgs.dialog.getByRole('option').filter({ hasText: '会津若松市' });
    await expectVisible(suggestion);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectValue(orgs.dialogField('組織名'), '会津若松市');
    await typeInto(page, field(orgs.dialog, '最初の管理者のメールアドレス'), uniqueEmail('aizu-admin'), 20);
    await pressEnterOn(page, orgs.dialog.getByRole('button', { name: '登録する', exact: true }), 5);
    await expectHidden(orgs.dialog);
    await expectVisible(orgs.toast('組織「会津若松市」を登録しました。'));
  });

  test('組織管理者がキーボードだけでサンプルからシートを作り、その版を読む', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const sheets = new SheetsPage(page);
    await sheets.goto(cityId);
    // Another spec copies 所属長編; a copied sample is not offered again.
    const sample = 'ステップアップシート 経営編（簡易版）サンプル';
    await pressEnterOn(page, sheets.copyButton(sample), 80);
    await expectVisible(sheets.template(sample));
    await pressEnterOn(page, sheets.template(sample).first(), 80);
    const sheet = new SheetPage(page);
    await sheet.waitUntilLoaded(sample);
    await tabTo(page, sheet.versionSelect);
  });
});
