import { beforeAll, describe, expect, test } from 'vitest';
import { fakeExe, tinyPng } from './fixtures/tiny-files.js';
import { CaseAttachmentsSection } from './pages/case-attachments.page.js';
import { CaseDetailPage } from './pages/cases.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectText, expectVisible } from './support/expect.js';

const beforeAlt = '改善前の写真：before.png';
const afterAlt = '改善後の写真：after.png';

describe('事例の写真・資料', () => {
  const browser = useBrowser();
  let cityId = '';
  let npoId = '';

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const platform = await apiAs(demo.platformAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      npoId = await platform.orgId(DEMO_NPO);
    } finally {
      await admin.dispose();
      await platform.dispose();
    }
  });

  /** A draft shared with member organisations, reported by the demo staff member through the API. */
  async function reportDraft(title: string): Promise<string> {
    const staff = await apiAs(demo.staff.email);
    try {
      const created = await staff.post<{ id: string }>(`/api/orgs/${cityId}/cases`, {
        title,
        problem: '申請書の記入台が狭く、記入例も古かった。',
        action: '記入台を広げ、記入例を新しくした。',
        result: '書き直しが減った。',
        happenedOn: '2026-05-01',
        sharing: 'network',
      });
      return created.id;
    } finally {
      await staff.dispose();
    }
  }

  /** Submit, approve and publish through the API: this spec is about the photos, not the review. */
  async function publish(caseId: string): Promise<void> {
    for (const [email, action] of [
      [demo.staff.email, 'submit'],
      [demo.manager.email, 'approve'],
      [demo.orgAdmin.email, 'publish'],
    ] as const) {
      const session = await apiAs(email);
      try {
        await session.post(`/api/orgs/${cityId}/cases/${caseId}/review`, { action });
      } finally {
        await session.dispose();
      }
    }
  }

  test('報告者が改善前・改善後の写真を載せると並んで表示され、.exe を .png にしたものは日本語で断られ、他の組織の人にも写真が見える', async () => {
    const title = `記入台の改善 ${uniqueSuffix()}`;
    const caseId = await reportDraft(title);

    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.staff.email);
    const detail = new CaseDetailPage(page);
    await detail.goto(cityId, caseId, title);
    const attachments = new CaseAttachmentsSection(page);
    await expectText(attachments.region, '写真や資料は添付されていません。');

    await attachments.add('before.png', tinyPng(320, 200, [200, 60, 60], [240, 200, 200]), '改善前の写真');
    await expectVisible(attachments.side('改善前').getByRole('img', { name: beforeAlt, exact: true }));
    await expectVisible(detail.toast('「before.png」を添付しました。'));
    await attachments.add('after.png', tinyPng(320, 200, [40, 120, 60], [200, 240, 210]), '改善後の写真');
    await expectVisible(attachments.side('改善後').getByRole('img', { name: afterAlt, exact: true }));
    await expect.poll(() => attachments.imagesLoaded()).toBe(true);

    // A program renamed to .png is judged by its bytes and refused, in Japanese, at the file field.
    await attachments.add('invoice.png', fakeExe(), 'そのほかの写真');
    await expectText(attachments.error, 'このファイルは添付できません。');
    await expectCount(attachments.region.getByRole('img'), 2);

    // A third photo can be removed again, after confirming.
    await attachments.add('extra.png', tinyPng(40, 40, [90, 90, 200], [90, 90, 200]), 'そのほかの写真');
    const extra = attachments.image('そのほかの写真：extra.png');
    await expectVisible(extra);
    await attachments.region.getByRole('button', { name: '「extra.png」を削除', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: '「extra.png」を削除しますか？' });
    await confirm.getByRole('button', { name: '削除', exact: true }).click();
    await expectHidden(confirm);
    await expectCount(extra, 0);

    await expectNoAxeViolations(page, 'case page with photos');
    await saveScreenshot(page, 'case-attachments-desktop');
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'case-attachments-phone');
    // A4 portrait at 96 dpi is about 794 px wide.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'case-attachments-print');
    await page.emulateMedia({ media: 'screen' });

    // Once published and shared, another organisation's member sees the same photos (without the upload form).
    await publish(caseId);
    const other = await browser.open({ bypassCSP: true });
    await logInContext(other.context, demo.platformAdmin.email);
    const otherDetail = new CaseDetailPage(other.page);
    await otherDetail.goto(npoId, caseId, title);
    const shared = new CaseAttachmentsSection(other.page);
    await expectVisible(shared.image(beforeAlt));
    await expectVisible(shared.image(afterAlt));
    await expect.poll(() => shared.imagesLoaded()).toBe(true);
    await expectCount(shared.form, 0);
    await expectCount(shared.region.getByRole('button', { name: /を削除$/ }), 0);
    await expectNoAxeViolations(other.page, 'case page with photos (another organisation)');
  });
});
