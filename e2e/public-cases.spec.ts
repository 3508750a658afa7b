import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { tinyPng } from './fixtures/tiny-files.js';
import { LoginPage } from './pages/login.page.js';
import { PublicCasePage, PublicCaseSearchPage } from './pages/public-cases.page.js';
import { apiAs } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectPath, expectText, expectVisible } from './support/expect.js';

/** Public published cases of the demo data (src/server/seed/demo-cases.ts) that contain 窓口. */
const publicCounterCase = '窓口の呼出し番号をスマホで確認できるように';
const publicNurseryCase = '保育所の入所申込をオンラインで受付';
/** Published but shared only with member organisations: never on the public pages. */
const networkCase = '住民票の窓口で押印を廃止し、申請書を1枚に';

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Whether every image on the page has loaded its picture (a refused file leaves it broken). */
async function imagesLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0));
}

describe('公開されている改善事例（ログインなし）', () => {
  const browser = useBrowser();
  const photoCase = { id: '', title: `来庁者アンケートを紙から二次元コードへ ${uniqueSuffix()}` };

  beforeAll(async () => {
    // A public case with an after photo, reported and published through the API: the review is not this spec's subject.
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      const cityId = await admin.orgId(DEMO_CITY);
      const created = await admin.post<{ id: string }>(`/api/orgs/${cityId}/cases`, {
        title: photoCase.title,
        problem: 'アンケート用紙の集計に毎月まる一日かかっていた。',
        action: '用紙をやめ、二次元コードから答えられるようにした。',
        result: '集計の手間がなくなった。',
        happenedOn: '2026-05-01',
        sharing: 'public',
      });
      photoCase.id = created.id;
      const upload = await admin.http.post(`/api/orgs/${cityId}/cases/${created.id}/attachments`, {
        multipart: {
          file: { name: 'after.png', mimeType: 'image/png', buffer: tinyPng(320, 200, [40, 120, 60], [200, 240, 210]) },
          role: 'after',
        },
      });
      expect(upload.status(), await upload.text()).toBe(201);
      for (const action of ['submit', 'approve', 'publish'])
        await admin.post(`/api/orgs/${cityId}/cases/${created.id}/review`, { action });
    } finally {
      await admin.dispose();
    }
  });

  test('ログイン画面のリンクから公開事例を開き、「窓口」で探すと強調された結果と絞り込みが出て、事例を開いても編集や確認の操作はない', async () => {
    const { page } = await browser.open({ bypassCSP: true });
    const login = new LoginPage(page);
    await login.goto();
    await saveScreenshot(page, 'public-cases-login');
    await page.getByRole('link', { name: '公開されている改善事例を見る', exact: true }).click();

    const search = new PublicCaseSearchPage(page);
    await expectVisible(search.heading);
    await expectPath(page, '/public/cases');
    expect(await page.title()).toBe('公開されている改善事例 | カイゼンナビ');

    await search.search('窓口');
    await expectPath(page, '/public/cases');
    expect(new URL(page.url()).searchParams.get('q')).toBe('窓口');
    await expectVisible(search.hit(publicCounterCase));
    await expectVisible(search.hit(publicNurseryCase));
    await expectVisible(search.results.locator('mark', { hasText: '窓口' }).first());
    // Cases shared only with member organisations stay out of the public search.
    await expectHidden(search.hit(networkCase));
    // The facets count over the public matches; there is no status or own/others to choose.
    await expectVisible(search.facet('分野'));
    await expectCount(search.facet('分野').getByRole('option', { name: '窓口（1）', exact: true }), 1);
    await expectCount(page.getByLabel('状態', { exact: true }), 0);
    await expectCount(page.getByRole('radio'), 0);
    await expectNoAxeViolations(page, 'public case search');
    await saveScreenshot(page, 'public-cases-search-desktop');

    await search.hit(publicCounterCase).click();
    const detail = new PublicCasePage(page);
    await expectVisible(detail.heading(publicCounterCase));
    await expectPath(page, /^\/public\/cases\/[^/]+$/);
    expect(await page.title()).toBe(`${publicCounterCase} | カイゼンナビ`);
    await expectVisible(detail.main.getByText('呼出し番号をウェブで公開し、スマホで待ち状況を見られるようにした。'));
    await expectVisible(detail.main.getByRole('table'));
    // Read only: printing is the one thing to do; no edit, review, publish or delete, no review history.
    await expectCount(detail.main.getByRole('button'), 1);
    await expectVisible(detail.main.getByRole('button', { name: '印刷する', exact: true }));
    await expectCount(detail.main.getByRole('link', { name: /編集/ }), 0);
    await expectCount(page.getByRole('region', { name: '確認の記録' }), 0);
    await expectNoAxeViolations(page, 'public case page');
    await saveScreenshot(page, 'public-case-desktop');

    await detail.back.click();
    await expectVisible(search.hit(publicCounterCase));
  });

  test('公開事例の写真はログインなしで表示され、スマートフォンの幅でも横にはみ出さない', async () => {
    const { page } = await browser.open({ bypassCSP: true, device: 'phone' });
    // The narrowest phone the pages are made for.
    await page.setViewportSize({ width: 375, height: 812 });
    const detail = new PublicCasePage(page);
    await detail.goto(photoCase.id, photoCase.title);
    const photo = detail.attachments.getByRole('img', { name: '改善後の写真：after.png', exact: true });
    await expectVisible(photo);
    await expect.poll(() => imagesLoaded(page)).toBe(true);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'public case page (phone)');
    await saveScreenshot(page, 'public-case-phone');

    const search = new PublicCaseSearchPage(page);
    await search.goto(`?q=${encodeURIComponent('窓口')}`);
    await expectVisible(search.hit(publicCounterCase));
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'public-cases-search-phone');
  });

  test('英語を選んだ人には、ログイン画面のリンクも公開事例のページも英語で出る', async () => {
    const { page } = await browser.open({ language: 'en' });
    await page.goto('/login');
    await page.getByRole('link', { name: 'See public kaizen cases', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Public kaizen cases', exact: true }));
    expect(await page.title()).toBe('Public kaizen cases | Kaizen Navi');
    await expectVisible(page.getByRole('link', { name: 'Staff: log in', exact: true }));
    await saveScreenshot(page, 'public-cases-search-en');
  });

  test('公開されていない事例のアドレスでは、見つからないと伝える', async () => {
    const { page } = await browser.open();
    await page.goto('/public/cases/00000000-0000-4000-8000-000000000000');
    await expectText(page.getByRole('heading', { level: 1 }), '事例が見つかりません');
  });
});
