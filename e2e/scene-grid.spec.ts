import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SceneGridPage } from './pages/scene-grid.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectCount, expectHidden, expectValue, expectVisible } from './support/expect.js';

const defaults = {
  stages: {
    individual: { ja: '個人', en: 'Individual' },
    workplace: { ja: '職場', en: 'Workplace' },
    government: { ja: '役所全体', en: 'Whole government' },
    region: { ja: '地域', en: 'Region' },
  },
  levels: {
    fix: { ja: '不具合解消', en: 'Fixing defects' },
    improvement: { ja: '改善', en: 'Improvement' },
    innovation: { ja: '革新', en: 'Innovation' },
  },
};

describe('改善活動の12場面', () => {
  const browser = useBrowser();
  let cityId = '';

  // デモ市 is shared by every spec: its grid goes back to the default labels, even after a failure.
  async function resetGrid(): Promise<void> {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      const response = await admin.http.put(`/api/orgs/${cityId}/scene-grid`, { data: defaults });
      expect(response.status()).toBe(200);
    } finally {
      await admin.dispose();
    }
  }
  beforeAll(resetGrid);
  afterAll(resetGrid);

  test('組織管理者が「役所全体」を「庁内全体」に変えると再読み込み後も表に表示され、既定に戻せる', async () => {
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const grid = new SceneGridPage(page);
    await grid.goto(cityId);
    await expectVisible(grid.stageHeader('役所全体'));
    await expectVisible(grid.levelHeader('不具合解消'));
    await expectNoAxeViolations(page, 'scene grid (org admin)');
    await saveScreenshot(page, 'scene-grid-desktop');

    await grid.rename('役所全体', '庁内全体');
    await expectVisible(grid.stageHeader('庁内全体'));

    // Saved on the server, not only drawn: the column keeps the new name after a reload.
    await page.reload();
    await grid.waitUntilLoaded();
    await expectVisible(grid.stageHeader('庁内全体'));
    await expectCount(grid.stageHeader('役所全体'), 0);
    await expectValue(grid.japaneseName('役所全体'), '庁内全体');
    await saveScreenshot(page, 'scene-grid-renamed');

    await grid.resetToDefault('役所全体');
    await expectVisible(grid.stageHeader('役所全体'));
    await page.reload();
    await grid.waitUntilLoaded();
    await expectVisible(grid.stageHeader('役所全体'));
    await expectCount(grid.stageHeader('庁内全体'), 0);
  });

  test('同じ名前を二つの列に付けると、その欄にエラーが表示され保存されない（375px）', async () => {
    const { context, page } = await browser.open({ device: 'phone' });
    await page.setViewportSize({ width: 375, height: 812 });
    await logInContext(context, demo.orgAdmin.email);
    const grid = new SceneGridPage(page);
    await grid.goto(cityId);

    await grid.japaneseName('個人').fill('職場');
    await grid.save.click();
    await expectVisible(
      grid.entry('個人').getByText('ほかのステージまたは変革レベルと同じ名前です。', { exact: false }),
    );
    expect(await grid.japaneseName('個人').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'scene-grid-phone-error');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, 'the form scrolls sideways at 375 px').toBeLessThanOrEqual(1);

    await page.reload();
    await grid.waitUntilLoaded();
    await expectCount(grid.stageHeader('個人'), 1);
  });

  test('職員は375pxの画面で12場面の表を見られ、名前の変更フォームは表示されない', async () => {
    const { context, page } = await browser.open({ device: 'phone', bypassCSP: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await logInContext(context, demo.staff.email);
    const grid = new SceneGridPage(page);
    await grid.goto(cityId);
    for (const label of ['個人', '職場', '役所全体', '地域']) await expectCount(grid.stageHeader(label), 1);
    for (const label of ['不具合解消', '改善', '革新']) await expectVisible(grid.levelHeader(label));
    await expectHidden(grid.renameSection);
    await expectCount(page.getByRole('textbox'), 0);

    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, 'the page scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'scene grid (staff, 375 px)');
    await saveScreenshot(page, 'scene-grid-phone');
  });

  test('英語の表示では12場面と名前の変更フォームが英語になる', async () => {
    const { context, page } = await browser.open({ language: 'en', bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const grid = new SceneGridPage(page, 'en');
    await grid.goto(cityId);
    await expectVisible(grid.stageHeader('Whole government'));
    await expectVisible(grid.levelHeader('Fixing defects'));
    await expectVisible(grid.japaneseName('Whole government'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'scene grid (English)');
    await saveScreenshot(page, 'scene-grid-desktop-en');
  });
});
