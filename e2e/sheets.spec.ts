import { beforeAll, describe, expect, test } from 'vitest';
import { SheetPage, SheetsPage } from './pages/sheets.page.js';
import { apiAs, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectCount, expectText, expectVisible } from './support/expect.js';
import { selectedOptionText } from './support/locators.js';

// The only spec that copies the 所属長編（簡易版）sample into デモ市 (the demo data already holds the 職場編).
const sampleTitle = 'ステップアップシート 所属長編（簡易版）サンプル';
const firstItem = '所属の使命と目標を示す';

// Only one level where an item needs 3 to 5: the server names the line it is on.
const brokenYaml = `formatVersion: 1
key: e2e-broken-sheet
title:
  ja: 取り込めないシート
edition: workplace
variant: quick
sections:
  - key: direction
    title: 方向性
    items:
      - key: vision
        title: めざす姿
        levels:
          - label: 個人任せ
            descriptor: 職場としての目標は言葉になっていない。
`;

describe('ステップアップシート', () => {
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

  test('組織管理者がサンプルから複製して読み、壊れたファイルの問題を見て、直したファイルを第2版として取り込む', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const sheets = new SheetsPage(page);
    await sheets.goto(cityId);

    await sheets.copySample(sampleTitle);
    // A copied sample is not offered again.
    await expectCount(sheets.copyButton(sampleTitle), 0);

    await sheets.template(sampleTitle).click();
    const sheet = new SheetPage(page);
    await sheet.waitUntilLoaded(sampleTitle);
    await expectVisible(sheet.item(firstItem));
    await expectCount(sheet.levels(firstItem), 4);
    await expectText(sheet.levels(firstItem).first(), '段階1');
    expect(await selectedOptionText(sheet.versionSelect)).toBe('第1版');
    const yamlHref = await sheet.yamlLink.getAttribute('href');
    expect(yamlHref).toMatch(/\/versions\/1\/export\?format=yaml$/);
    expect(await sheet.yamlLink.getAttribute('download')).not.toBeNull();

    await sheets.goto(cityId);
    await sheets.importFile('broken.yaml', brokenYaml);
    await expectVisible(sheets.problems.first());
    await expectText(sheets.problems.first(), /\d+行目/);

    // The exported file, reworded, comes back as the same template's next version.
    const exported = await page.request.get(yamlHref ?? '');
    expect(exported.ok()).toBe(true);
    const edited = (await exported.text()).replace(`title: ${firstItem}`, 'title: 所属の使命と目標を職員に示す');
    await sheets.importFile('unit-head-quick.yaml', edited);
    await sheet.waitUntilLoaded(sampleTitle);
    await expectVisible(sheet.item('所属の使命と目標を職員に示す'));
    expect(await selectedOptionText(sheet.versionSelect)).toBe('第2版');
    await expectCount(sheet.versionSelect.getByRole('option'), 2);
  });

  test('職員は一覧を読めるが、複製や取り込みはできない', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const sheets = new SheetsPage(page);
    await sheets.goto(cityId);
    await expectVisible(sheets.template(sampleTitle));
    await expectCount(sheets.samples, 0);
    await expectCount(sheets.importForm, 0);
    await expectCount(sheets.managingControls, 0);
  });
});
