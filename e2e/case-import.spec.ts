import { beforeAll, describe, expect, test } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { CaseImportPage } from './pages/case-import.page.js';
import { CaseSearchPage } from './pages/cases.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectText, expectVisible } from './support/expect.js';
import { selectedOptionText } from './support/locators.js';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('事例の一括取り込み', () => {
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

  async function openImport(device: 'desktop' | 'phone' = 'desktop') {
    const { context, page } = await browser.open({ bypassCSP: true, device });
    await logInContext(context, demo.orgAdmin.email);
    const search = new CaseSearchPage(page);
    await search.goto(cityId);
    await page.getByRole('link', { name: '事例の一括取り込み（xlsx・CSV）', exact: true }).click();
    const importPage = new CaseImportPage(page);
    await expectVisible(importPage.heading);
    return { page, importPage };
  }

  test('組織管理者が小さなxlsxを読み込み、列の対応とプレビューを確かめ、そのまま取り込んで検索で見つける', async () => {
    const suffix = uniqueSuffix();
    const title = `公用車の予約を共有カレンダーに ${suffix}`;
    const rows = [
      ['件名', '現状', '改善内容', '効果', '所属', '実施日', '分野', '手法', '削減時間', 'タグ'],
      [
        title,
        '紙の台帳で予約していた',
        '共有カレンダーで予約するようにした',
        '確認の電話がなくなった',
        '総務課',
        '2025/6/2',
        '内部事務',
        'かえる',
        30,
        'Smart',
      ],
      [
        `窓口の案内表示を大きく ${suffix}`,
        '案内が見えにくい',
        '表示を大きくした',
        '問い合わせが減った',
        '市民課',
        '令和7年5月1日',
        '窓口',
        'かえる',
        '',
        '',
      ],
    ];
    const file = await writeXlsxFile(rows.map((row) => row.map((value) => ({ value })))).toBuffer();

    const { page, importPage } = await openImport();
    await expectNoAxeViolations(page, 'case import: file');
    await importPage.choose('事例一覧.xlsx', file, xlsxMime);
    await expectVisible(importPage.previewTable);
    await expectText(importPage.previewTable, title);
    expect(await selectedOptionText(importPage.mapping('件名'))).toBe('1列目：件名');
    expect(await selectedOptionText(importPage.mapping('実施日'))).toBe('6列目：実施日');
    expect(await selectedOptionText(importPage.mapping('削減時間（時間/年）'))).toBe('9列目：削減時間');
    await expectNoAxeViolations(page, 'case import: mapping');
    await saveScreenshot(page, 'case-import-mapping');

    await importPage.checkAll.click();
    await expectVisible(importPage.allFine);
    expect(await importPage.progress.getAttribute('value')).toBe('2');
    await expectText(importPage.progressText, '2/2行を確認しました');
    await expectNoAxeViolations(page, 'case import: checked');
    await saveScreenshot(page, 'case-import-checked');
    await importPage.commit.click();
    await expectText(importPage.summary, '取り込んだ事例：2件');
    await expectText(importPage.summary, '取り込み済みのため飛ばした行：0件');
    await saveScreenshot(page, 'case-import-done');
    await importPage.toCases.click();

    const search = new CaseSearchPage(page);
    await expectVisible(search.heading);
    await search.search('公用車');
    await expectVisible(search.hit(title));
  });

  test('誤りのある行を含むCSVでは、その行と列の誤りを示し、1件も取り込まない（スマートフォン幅）', async () => {
    const suffix = uniqueSuffix();
    // More rows than one batch of checks: the error is found in the second batch.
    const good = Array.from({ length: 600 }, (_, i) => `正しい行 ${suffix} ${i + 1},2025-04-01,窓口`);
    const csv = ['件名,実施日,分野', ...good, `日付が誤っている行 ${suffix},2025-02-30,窓口`].join('\r\n');
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    const { page, importPage } = await openImport('phone');
    await importPage.choose('事例一覧.csv', file, 'text/csv');
    await expectVisible(importPage.previewTable);
    await saveScreenshot(page, 'case-import-mapping-phone');
    await importPage.checkAll.click();
    await expectVisible(importPage.rowErrors);
    await expectText(importPage.rowErrors, '602行目');
    await expectText(importPage.progressText, '601/601行を確認しました');
    await expectText(importPage.rowErrors, '実施日');
    await expectText(importPage.rowErrors, '日付として読み取れません');
    await expectVisible(page.getByRole('alert').filter({ hasText: '1件の誤りがあります' }));
    expect(await importPage.commit.count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'case import: row errors');
    await saveScreenshot(page, 'case-import-errors-phone');

    const admin = await apiAs(demo.orgAdmin.email);
    try {
      const found = await admin.get<{ total: number }>(
        `/api/orgs/${cityId}/cases?q=${encodeURIComponent(suffix)}&from=own`,
      );
      expect(found.total).toBe(0);
    } finally {
      await admin.dispose();
    }
  });

  test('読み込んだあとでページを離れても、途中の取り込みから続けられ、場面の列で12場面に置かれる', async () => {
    const suffix = uniqueSuffix();
    const title = `庁舎の照明をLEDに ${suffix}`;
    const fileName = `途中の一覧-${suffix}.csv`;
    const csv = ['件名,実施日,場面', `${title},2025/7/1,役所全体・改善`].join('\r\n');
    const { page, importPage } = await openImport();
    await importPage.choose(fileName, Buffer.from(csv, 'utf8'), 'text/csv');
    await expectVisible(importPage.previewTable);
    expect(await selectedOptionText(importPage.mapping('場面（例: 職場・改善）'))).toBe('3列目：場面');

    await page.reload();
    await expectVisible(importPage.heading);
    await expectVisible(importPage.unfinished(fileName));
    await expectText(importPage.unfinished(fileName), '1行（0行を確認済み）');
    await expectNoAxeViolations(page, 'case import: unfinished');
    await saveScreenshot(page, 'case-import-unfinished');
    await importPage.resume(fileName).click();
    await expectText(importPage.previewTable, title);
    expect(await selectedOptionText(importPage.mapping('場面（例: 職場・改善）'))).toBe('3列目：場面');
    await importPage.checkAll.click();
    await expectVisible(importPage.allFine);
    await importPage.commit.click();
    await expectText(importPage.summary, '取り込んだ事例：1件');

    const admin = await apiAs(demo.orgAdmin.email);
    try {
      const found = await admin.get<{ hits: { title: string; sceneId: string | null }[] }>(
        `/api/orgs/${cityId}/cases?q=${encodeURIComponent(suffix)}&from=own`,
      );
      expect(found.hits).toEqual([expect.objectContaining({ title, sceneId: 'government-improvement' })]);
      const unfinished = await admin.get<{ imports: { fileName: string }[] }>(`/api/orgs/${cityId}/case-imports`);
      expect(unfinished.imports.map((i) => i.fileName)).not.toContain(fileName);
    } finally {
      await admin.dispose();
    }
  });
});
