import { beforeAll, describe, test } from 'vitest';
import { InvitationPage } from './pages/invitation.page.js';
import { MembersPage } from './pages/members.page.js';
import { OutboxPage } from './pages/outbox.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ShellPage } from './pages/shell.page.js';
import { apiAs, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectCount, expectPath, expectText, expectVisible } from './support/expect.js';

describe('メンバーの招待', () => {
  const browser = useBrowser();
  let cityId = '';

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
    } finally {
      await admin.dispose();
    }
  });

  test('組織管理者が招待し、招待された人がメールのリンクから登録してデモ市に所属長として参加する', async () => {
    const email = uniqueEmail('invitee');
    const name = `招待 花子${uniqueSuffix().slice(-4)}`;
    const password = 'e2e-invitee-2026';

    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const members = new MembersPage(page);
    await members.goto(cityId);
    await members.invite({ email, role: '所属長', position: '課長', department: '市民課' });
    await expectText(members.invitationRow(email), '所属長');

    const outbox = new OutboxPage(page);
    await new ShellPage(page).goToSection('送信メール', '送信メール');
    const link = await outbox.readLink(email, `${DEMO_CITY}への招待`, '/invite/');

    // The invited person opens the link on their own computer.
    const newcomer = await browser.open();
    const invitation = new InvitationPage(newcomer.page);
    await invitation.open(link);
    await expectVisible(invitation.invitedBy(DEMO_CITY));
    await invitation.signUp(name, password);

    const overview = new OverviewPage(newcomer.page);
    await overview.waitUntilLoaded(DEMO_CITY);
    await expectPath(newcomer.page, /^\/orgs\/[^/]+$/);
    await overview.expectYour('役割', '所属長');
    await overview.expectYour('役職', '課長');
    await overview.expectYour('部署', '市民課');
    await expectVisible(new ShellPage(newcomer.page).userMenuButton.filter({ hasText: name }));

    // Back at the admin's desk: the newcomer is a member and no longer an open invitation.
    await members.goto(cityId);
    await expectText(members.memberRow(name), '所属長');
    await expectText(members.memberRow(name), email);
    await expectCount(members.invitationRow(email), 0);
  });
});
