import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CaseStats } from '../src/shared/cases/stats-schema.js';
import { CaseStatsPage } from './pages/case-stats.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectCount, expectInnerText, expectText, expectVisible } from './support/expect.js';

/** The fiscal year as the page names it: 2026年度（令和8年度）. */
const jaYear = (year: number) => `${year}年度（令和${year - 2018}年度）`;

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('事例の統計', () => {
  const browser = useBrowser();
  let cityId = '';
  let current: CaseStats;
  let previous: CaseStats;

  // The expected numbers come from the API at the start: other journeys may publish cases in デモ市
  // on the same server, and the seed places its cases by days before the day it ran.
  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      current = await admin.get<CaseStats>(`/api/orgs/${cityId}/case-stats`);
      previous = await admin.get<CaseStats>(`/api/orgs/${cityId}/case-stats?fiscalYear=${current.fiscalYear - 1}`);
    } finally {
      await admin.dispose();
    }
    // デモ市 publishes cases from 15 to 420 days back, so the year before this one always has some.
    expect(previous.totalCases).toBeGreaterThan(0);
  });

  test('組織管理者がデモ市の統計を開き、未開拓の場面を確かめ、年度を切り替えてCSVをダウンロードする', async () => {
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const stats = new CaseStatsPage(page);
    await stats.goto(cityId);
    const thisYear = jaYear(current.fiscalYear);
    await stats.waitForYear(thisYear);
    await expectVisible(page.getByText(`組織：${DEMO_CITY}`, { exact: true }));
    await expectVisible(page.getByText('公開済みの事例だけを数えています', { exact: false }));
    await expectInnerText(stats.figure('cases'), `${current.totalCases}件`);

    // No demo case is placed on 個人 × 革新: it is the next frontier, said in words.
    await expectVisible(stats.heatMap(thisYear));
    await expectText(stats.sceneCell(thisYear, 'individual-innovation'), '未開拓');
    await expectCount(stats.frontierCells(thisYear), current.scenes.filter((s) => s.count === 0).length);
    await expectNoAxeViolations(page, 'case statistics (this year)');
    await saveScreenshot(page, 'case-stats-desktop');

    // The year before: its own heading, numbers and heat map, kept in the address.
    const lastYear = jaYear(previous.fiscalYear);
    await stats.chooseYear(lastYear);
    expect(new URL(page.url()).searchParams.get('fiscalYear')).toBe(String(previous.fiscalYear));
    await expectInnerText(stats.figure('cases'), `${previous.totalCases}件`);
    await expectCount(stats.frontierCells(lastYear), previous.scenes.filter((s) => s.count === 0).length);
    const placed = previous.scenes.find((s) => s.count > 0);
    if (placed) await expectText(stats.sceneCell(lastYear, placed.sceneId), `${placed.count}件`);

    const download = await stats.download('csv');
    expect(download.suggestedFilename()).toBe(`事例の統計_${previous.fiscalYear}年度.csv`);
    const bytes = readFileSync((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['概要', '項目,値']);
    expect(lines).toContain(`事例数,${previous.totalCases}`);
    expect(lines).toContain('ステージ,変革レベル,件数,未開拓');

    // On paper: A4 width, without the select and the buttons.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'case-stats-print');
  });

  test('375pxの画面でも横にスクロールせずに統計とヒートマップを読める', async () => {
    const { context, page } = await browser.open({ device: 'phone', bypassCSP: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await logInContext(context, demo.staff.email);
    const stats = new CaseStatsPage(page);
    await stats.goto(cityId, current.fiscalYear);
    const thisYear = jaYear(current.fiscalYear);
    await stats.waitForYear(thisYear);
    await expectVisible(stats.heatMap(thisYear));
    await expectText(stats.sceneCell(thisYear, 'individual-innovation'), '未開拓');
    expect(await sideways(page), 'the page scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    // The 4 × 3 grid fits too: its box does not scroll on its own, so no cell is out of reach.
    const heatOverflow = await stats
      .heatMap(thisYear)
      .evaluate((table) =>
        table.parentElement ? table.parentElement.scrollWidth - table.parentElement.clientWidth : 0,
      );
    expect(heatOverflow, 'the heat map scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'case statistics (375 px)');
    await saveScreenshot(page, 'case-stats-phone');
  });

  test('英語の表示では見出し・ヒートマップ・未開拓の表示が英語になる', async () => {
    const { context, page } = await browser.open({ language: 'en', bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const stats = new CaseStatsPage(page, 'en');
    await stats.goto(cityId, current.fiscalYear);
    const thisYear = `FY${current.fiscalYear} (Reiwa ${current.fiscalYear - 2018})`;
    await stats.waitForYear(thisYear);
    await expectInnerText(stats.figure('cases'), String(current.totalCases));
    await expectText(stats.sceneCell(thisYear, 'individual-innovation'), 'Not yet tried');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'case statistics (English)');
    await saveScreenshot(page, 'case-stats-desktop-en');

    await page.setViewportSize({ width: 375, height: 812 });
    expect(await sideways(page), 'the English page scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'case-stats-phone-en');
  });
});
