import { beforeAll, describe, expect, test } from 'vitest';
import { InvitationPage } from './pages/invitation.page.js';
import { OutboxPage } from './pages/outbox.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { PlatformOrgsPage } from './pages/platform-orgs.page.js';
import { ShellPage } from './pages/shell.page.js';
import { apiAs, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_NPO, demo, uniqueEmail } from './support/demo.js';
import { expectCount, expectInnerText, expectValue, expectVisible } from './support/expect.js';
import { selectedOptionText } from './support/locators.js';

// 郡山市 is registered by this spec only: the national code can be taken once per server run.
const KORIYAMA = { name: '郡山市', lgCode: '072036' } as const;

describe('組織の登録', () => {
  const browser = useBrowser();
  let npoId = '';

  beforeAll(async () => {
    const platform = await apiAs(demo.platformAdmin.email);
    try {
      npoId = await platform.orgId(DEMO_NPO);
    } finally {
      await platform.dispose();
    }
  });

  test('運営の管理者が全国の自治体から郡山市を選んで登録すると一覧に載り、運営の送信メールにある招待から最初の管理者が参加できる', async () => {
    const adminEmail = uniqueEmail('koriyama-admin');
    const { context, page } = await browser.open();
    await logInContext(context, demo.platformAdmin.email);
    const orgs = new PlatformOrgsPage(page);
    await orgs.goto();

    await orgs.chooseMunicipality('郡山', KORIYAMA.lgCode);
    // Picking from the national list fills in the name, reading, code and type.
    await expectValue(orgs.dialogField('組織名'), KORIYAMA.name);
    await expectValue(orgs.dialogField('ふりがな'), 'こおりやまし');
    await expectValue(orgs.dialogField('団体コード'), KORIYAMA.lgCode);
    expect(await selectedOptionText(orgs.dialogField('団体区分'))).toBe('市');
    await orgs.finishRegistration(adminEmail);

    await expectVisible(orgs.toast(`組織「${KORIYAMA.name}」を登録しました。`));
    await expectInnerText(await orgs.orgCell(KORIYAMA.name, '種別'), '自治体');
    await expectInnerText(await orgs.orgCell(KORIYAMA.name, '団体コード'), KORIYAMA.lgCode);
    await expectInnerText(await orgs.orgCell(KORIYAMA.name, '団体区分'), '福島県 · 市');
    // Nobody has joined yet, and the platform admin is not a member, so the name is not a link.
    await expectInnerText(await orgs.orgCell(KORIYAMA.name, 'メンバー'), '0');
    await expectCount(orgs.orgRow(KORIYAMA.name).getByRole('link'), 0);

    // Nobody belongs to the new organisation yet, so its first invitation waits in the
    // platform organisation's outbox for the office to pass on.
    await new ShellPage(page).goToSection('送信メール', '送信メール');
    const outbox = new OutboxPage(page);
    await outbox.waitUntilLoaded();
    expect(new URL(page.url()).pathname).toBe(`/orgs/${npoId}/outbox`);
    const link = await outbox.readLink(adminEmail, `${KORIYAMA.name}への招待`, '/invite/');

    // The city's first administrator follows the link on their own computer.
    const firstAdmin = await browser.open();
    const invitation = new InvitationPage(firstAdmin.page);
    await invitation.open(link);
    await expectVisible(invitation.invitedBy(KORIYAMA.name));
    await invitation.signUp('郡山 改善', 'koriyama-kaizen-2026');
    const overview = new OverviewPage(firstAdmin.page);
    await overview.waitUntilLoaded(KORIYAMA.name);
    await overview.expectYour('役割', '組織管理者');
  });
});
