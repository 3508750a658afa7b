import { beforeAll, describe, expect, test } from 'vitest';
import { OutboxPage } from './pages/outbox.page.js';
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

  test('運営の管理者が全国の自治体から郡山市を選んで登録すると一覧に載り、最初の管理者への招待は運営の送信メールには入らない', async () => {
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

    // The invitation mail belongs to the new organisation (its outbox, which only its members
    // read); the platform organisation's outbox shows its own mails and password resets only.
    await new ShellPage(page).goToSection('送信メール', '送信メール');
    const outbox = new OutboxPage(page);
    await outbox.waitUntilLoaded();
    await expectCount(outbox.mailsTo(adminEmail), 0);
    expect(new URL(page.url()).pathname).toBe(`/orgs/${npoId}/outbox`);
  });
});
