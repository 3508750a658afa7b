import { beforeAll, describe, test } from 'vitest';
import { LoginPage } from './pages/login.page.js';
import { OutboxPage } from './pages/outbox.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset.page.js';
import { apiAs, createMember, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectPath, expectText, expectVisible } from './support/expect.js';

describe('パスワードの再設定', () => {
  const browser = useBrowser();
  // A staff member of its own, so the demo staff login keeps its password for the other specs.
  const staff = {
    email: uniqueEmail('forgetful'),
    displayName: `窓口 忘子${uniqueSuffix().slice(-4)}`,
    password: 'e2e-old-password-2026',
    role: 'staff' as const,
  };
  let npoId = '';

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const platform = await apiAs(demo.platformAdmin.email);
    try {
      await createMember(admin, await admin.orgId(DEMO_CITY), staff);
      npoId = await platform.orgId(DEMO_NPO);
    } finally {
      await admin.dispose();
      await platform.dispose();
    }
  });

  test('職員が再設定を依頼し、運営の管理者が送信メールからリンクを伝え、職員が新しいパスワードでログインする', async () => {
    const newPassword = 'e2e-new-password-2026';

    const { page } = await browser.open();
    const login = new LoginPage(page);
    await login.goto();
    await login.forgotPasswordLink.click();
    const forgot = new ForgotPasswordPage(page);
    await expectVisible(forgot.heading);
    await forgot.requestLink(staff.email);

    // Reset mails belong to no organisation; the platform organisation's admins see them.
    const operator = await browser.open();
    await logInContext(operator.context, demo.platformAdmin.email);
    const outbox = new OutboxPage(operator.page);
    await outbox.goto(npoId);
    const link = await outbox.readLink(staff.email, 'パスワードの再設定', '/reset-password/');

    const reset = new ResetPasswordPage(page);
    await reset.open(link);
    await reset.setPassword(newPassword);
    await reset.loginLink.click();

    await expectVisible(login.heading);
    await login.logIn(staff.email, staff.password);
    await expectText(login.error, 'メールアドレスまたはパスワードが正しくありません。');
    await login.logIn(staff.email, newPassword);
    await new OverviewPage(page).waitUntilLoaded(DEMO_CITY);
    await expectPath(page, /^\/orgs\/[^/]+$/);
  });
});
