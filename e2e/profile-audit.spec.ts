import { beforeAll, describe, test } from 'vitest';
import { AuditPage } from './pages/audit.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ProfilePage } from './pages/profile.page.js';
import { ShellPage } from './pages/shell.page.js';
import { apiAs, createMember, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectValue, expectVisible } from './support/expect.js';

describe('プロフィールと監査ログ', () => {
  const browser = useBrowser();
  // An org admin of its own, so renaming does not change the demo admin other specs look for.
  const auditor = {
    email: uniqueEmail('auditor'),
    displayName: `監査 太郎${uniqueSuffix().slice(-4)}`,
    password: 'e2e-auditor-2026',
    role: 'org_admin' as const,
  };
  let cityId = '';

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      await createMember(admin, cityId, auditor);
    } finally {
      await admin.dispose();
    }
  });

  test('プロフィール画面で表示名を変えると、画面上部の名前も変わり、再読み込み後も保たれる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, auditor.email, auditor.password);
    await new OverviewPage(page).goto(cityId, DEMO_CITY);
    const shell = new ShellPage(page);
    await shell.openProfile();
    const profile = new ProfilePage(page);
    await profile.waitUntilLoaded();
    const newName = `監査 次郎${uniqueSuffix().slice(-4)}`;

    await profile.changeDisplayName(newName);

    await expectVisible(shell.userMenuButton.filter({ hasText: newName }));
    await page.reload();
    await profile.waitUntilLoaded();
    await expectValue(profile.displayName, newName);
  });

  test('部署の追加・変更・削除が監査ログに残り、操作の種類で絞り込める', async () => {
    const suffix = uniqueSuffix().slice(-5);
    const first = `監査確認課${suffix}`;
    const second = `監査確定課${suffix}`;
    const api = await apiAs(auditor.email, auditor.password);
    let actorName = '';
    try {
      actorName = (await api.me()).displayName;
      const created = await api.post<{ id: string }>(`/api/orgs/${cityId}/departments`, {
        name: first,
        level: 'division',
        parentId: null,
      });
      await api.patch(`/api/orgs/${cityId}/departments/${created.id}`, { name: second });
      await api.delete(`/api/orgs/${cityId}/departments/${created.id}`);
    } finally {
      await api.dispose();
    }

    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const audit = new AuditPage(page);
    await audit.goto(cityId);
    await expectVisible(audit.rowWith('部署の追加', first, actorName));

    await audit.filterByAction('部署の変更');
    await audit.expectOnlyActions('部署の変更');
    await expectVisible(audit.rowWith(first, second, actorName));

    await audit.filterByAction('部署の追加');
    await audit.expectOnlyActions('部署の追加');
    await expectVisible(audit.rowWith(first));

    await audit.filterByAction('部署（すべて）');
    await audit.expectOnlyActions('部署の追加', '部署の変更', '部署の削除');
    await expectVisible(audit.rowWith('部署の削除', second));
  });
});
