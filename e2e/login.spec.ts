import { describe, test } from 'vitest';
import { LoginPage } from './pages/login.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ShellPage } from './pages/shell.page.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectPath, expectText, expectVisible } from './support/expect.js';

describe('ログイン', () => {
  const browser = useBrowser();

  test('パスワードを間違えると、日本語で理由が表示される', async () => {
    const { page } = await browser.open();
    const login = new LoginPage(page);
    await login.goto();

    await login.logIn(demo.orgAdmin.email, 'not-the-password');

    await expectText(login.error, 'メールアドレスまたはパスワードが正しくありません。');
    await expectPath(page, '/login');
  });

  test('組織管理者がログインするとデモ市の概要が開き、ログアウトするとログイン画面に戻る', async () => {
    const { page } = await browser.open();
    const login = new LoginPage(page);
    await login.goto();

    await login.logIn(demo.orgAdmin.email);

    const overview = new OverviewPage(page);
    await overview.waitUntilLoaded(DEMO_CITY);
    await expectPath(page, /^\/orgs\/[^/]+$/);
    await overview.expectYour('役割', '組織管理者');

    await new ShellPage(page).logOut();

    await expectVisible(login.heading);
    await expectPath(page, '/login');
    // The session is really gone: a page behind the login sends the person back to the form.
    await page.goto('/profile');
    await expectVisible(login.heading);
    await expectPath(page, '/login');
  });
});
