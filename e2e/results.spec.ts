import { beforeAll, describe, expect, test } from 'vitest';
import { PlanDraftsPage, pageOverflowX, ReportPage, ResultsPage, UnitTrendPage } from './pages/results.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectCount, expectHidden, expectText, expectVisible } from './support/expect.js';
import { field } from './support/locators.js';
import { expectA4, expectNoPdfText, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';

// The rounds the demo seed runs in デモ市 with the 職場編（簡易版） sheet (src/server/seed/demo-rounds.ts).
const rounds = {
  first: '2025年度 職場の立ち位置チェック',
  second: '2026年度 上期 職場の立ち位置チェック',
  // Anonymous and still taking answers.
  open: '2026年度 下期 職場の立ち位置チェック',
} as const;
const firstItem = 'めざす姿と目標の共有';
// 改善推進係 has two colleagues: fewer than the threshold of three.
const smallDepartment = '改善推進係';

interface RoundRow {
  id: string;
  title: string;
}

describe('シートの結果', () => {
  const browser = useBrowser();
  let cityId = '';
  const roundIds: Record<keyof typeof rounds, string> = { first: '', second: '', open: '' };

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      const list = await admin.get<RoundRow[]>(`/api/orgs/${cityId}/rounds`);
      for (const key of Object.keys(rounds) as (keyof typeof rounds)[]) {
        const round = list.find((r) => r.title === rounds[key]);
        if (!round) throw new Error(`The demo seed has no round ${rounds[key]}.`);
        roundIds[key] = round.id;
      }
    } finally {
      await admin.dispose();
    }
  });

  test('組織管理者が上期の結果で回答数・レーダー・分布・役職の差を見て、2025年度と比べ、小さな部署は伏せられていると分かる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);

    await expectText(results.summary, /回答数\s*\d+件/);
    await expectVisible(results.radarChart);
    await expectCount(results.distributionBars, 10);
    expect(await results.distributionBars.first().getAttribute('aria-label')).toMatch(
      new RegExp(`^${firstItem}の回答の分布: 段階1: \\d+件`),
    );
    // Gaps: largest first, each side named by position with its median.
    const gapRows = results.gaps.getByRole('row');
    await expectVisible(gapRows.nth(1));
    await expectText(gapRows.nth(1), /(課長|係長|職員|部長) \d\.\d/);
    const gaps = await results.gaps
      .getByRole('cell')
      .filter({ hasText: /^\d\.\d$/ })
      .allInnerTexts();
    expect(gaps.map(Number)).toEqual([...gaps.map(Number)].sort((a, b) => b - a));

    await results.compareWith(rounds.first);
    await expectText(results.changes, `比較している実施: ${rounds.first}`);
    const row = results.row(results.changes, firstItem);
    await expectText(row, /\d\.\d\s+\d\.\d\s+[↑↓→]/);
    await expectText(row, /(\+|−|±)\d/);
    expect(new URL(page.url()).searchParams.get('compareTo')).toBe(roundIds.first);

    // Units appear only as nameless dots.
    await expectVisible(results.spread.getByRole('img').first());
    await expectCount(results.spread.getByText(smallDepartment, { exact: true }), 0);

    // A department under the threshold cannot be chosen, and a shared link to it shows why, not numbers.
    const option = results.departmentSelect.getByRole('option', { name: new RegExp(`^\\s*${smallDepartment}`) });
    expect(await option.isDisabled()).toBe(true);
    await expectText(results.filters, '回答が3件未満の部署や役職は、匿名性を守るため選べません。');
    const smallId = await option.getAttribute('value');
    await page.goto(`/orgs/${cityId}/rounds/${roundIds.second}/results?departmentId=${smallId}`);
    await expectVisible(results.withheldNote(results.summary));
    await expectText(results.distributions, '回答が3件未満のため、匿名性を守るために表示していません。');
    await expectCount(results.distributionBars, 0);
    // No group median and no answer of the admin's own: no next move is made up.
    await expectText(results.nextMoves, '次の一手を示せません');
    await expectCount(results.nextMoves.getByRole('button'), 0);
    await saveScreenshot(page, 'results-withheld');
  });

  test('印刷用レポートは A4 に収まり、印刷ボタンと画面の枠は紙に出ない', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const report = new ReportPage(page);
    await report.goto(cityId, roundIds.second, rounds.second);
    await expectVisible(report.printButton);
    await saveScreenshot(page, 'results-report-screen');

    await page.emulateMedia({ media: 'print' });
    await expectHidden(report.printButton);
    await expectHidden(page.getByRole('navigation', { name: 'メインメニュー' }));
    const text = await page.getByRole('main').innerText();
    expect(text).toContain(rounds.second);
    expect(text).toContain('次の一手');
    expect(text).toContain('目標が職場の言葉で書かれて掲示・共有され');
    expect(text).toMatch(/印刷日\s*\d{4}年\d{1,2}月\d{1,2}日（令和\d+年）/);
    await saveScreenshot(page, 'results-report-print');

    const pdf = await printToPdf(page, 'results-report-pdf');
    expectA4(pdf, 'portrait');
    expectPageCount(pdf, [1, 4]);
    expectPdfText(pdf, ['結果レポート', rounds.second, '市民からの信頼'], 1);
    expectPdfText(pdf, ['次の一手', '目標が職場の言葉で書かれて掲示・共有され']);
    expectNoPdfText(pdf, ['印刷する']);
    // Each printed page is numbered at its foot: 1 / 3.
    pdf.pages.forEach((printed, index) => {
      expect(printed.text).toContain(`${index + 1} / ${pdf.pages.length}`);
    });
  });

  test('受付中の匿名の実施では、どの欄も「受付中だから」という本当の理由を示し、回答数は表示する', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.open, rounds.open);

    await expectText(results.summary, /回答数\s*現時点で\d+件（受付中）/);
    await expectVisible(results.roundOpenNote(results.distributions));
    // Positions: the open round is the reason, not a lack of answers.
    await expectVisible(results.roundOpenNote(results.gaps));
    await expectCount(results.gaps.getByText(/件未満/), 0);
    await expectCount(results.gaps.getByRole('table'), 0);
    await expectVisible(results.roundOpenNote(results.spread));
    await expectCount(results.spread.getByText(/件未満/), 0);
    // Nothing can be filtered until it closes, and the options say why.
    const staff = results.positionSelect.getByRole('option', { name: '職員（受付中のため選べません）', exact: true });
    expect(await staff.isDisabled()).toBe(true);
    await expectText(results.filters, '受付中は集計を表示しないため、締め切るまで部署や役職では絞り込めません。');
    await saveScreenshot(page, 'results-open-round');

    const report = new ReportPage(page);
    await report.goto(cityId, roundIds.open, rounds.open);
    await expectText(page.getByRole('main'), /回答数\s*非表示（受付中のため、締め切り後に表示）/);
  });

  test('部署で絞り込むと、レーダーの線はその部署の中央値と示し、部署ごとのばらつきは組織全体の図だと断る', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);
    await expectText(results.radarLegend.first(), '全体の中央値');
    await results.filterByDepartment('窓口係');
    await expectText(results.radar, '窓口係の中央値');
    await expectCount(results.radar.getByText('全体の中央値'), 0);
    await expectText(results.nextMoves, '窓口係の中央値の一つ上の段階です。');
    await expectText(
      results.spread,
      'この図は、上の絞り込み（部署・役職）に関係なく、組織全体の部署のばらつきを示しています。',
    );
  });

  test('375 px の電話では、レポートと部署の推移の画面は横にはみ出さず、表だけが横に動く', async () => {
    const { context, page } = await browser.open({ device: 'phone' });
    await page.setViewportSize({ width: 375, height: 812 });
    await logInContext(context, demo.orgAdmin.email);
    const report = new ReportPage(page);
    await report.goto(cityId, roundIds.second, rounds.second);
    await expectVisible(report.itemsTable);
    expect(await pageOverflowX(page)).toBe(0);
    expect(await report.itemsTable.getAttribute('tabindex')).toBe('0');
    expect(await report.itemsTable.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await saveScreenshot(page, 'results-report-phone');

    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);
    await results.spread.getByText('部署ごとの推移を見る').click();
    await results.spread.getByRole('link', { name: '窓口係の推移', exact: true }).click();
    const trend = new UnitTrendPage(page);
    await expectVisible(trend.heading('窓口係'));
    await expectVisible(trend.tableBox);
    expect(await pageOverflowX(page)).toBe(0);
    expect(await trend.tableBox.getAttribute('tabindex')).toBe('0');
    // The axis names months as people read them, and the page leads back to the results it came from.
    expect(await trend.charts.getByRole('img').first().getAttribute('aria-label')).toMatch(/\d{4}年\d{1,2}月 /);
    await saveScreenshot(page, 'results-trend-phone');
    await page.getByRole('link', { name: '結果の画面へ戻る', exact: true }).click();
    await expectVisible(results.heading(rounds.second));
  });

  test('次の一手をアクションプランの下書きに入れ、下書きの画面でメモを書く', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);
    // Staff see the results but not how units spread.
    await expectCount(results.spread, 0);

    const move = results.nextMove(firstItem);
    const descriptor = await move.locator('.next-move__descriptor').innerText();
    await results.carryButton(firstItem).click();
    await expectText(move, '下書きに追加しました。');
    await move.getByRole('link', { name: '次の一手の下書きを見る', exact: true }).click();

    const drafts = new PlanDraftsPage(page);
    await expectVisible(drafts.heading);
    const carried = drafts.move(rounds.second, firstItem);
    await expectText(carried, descriptor);
    await drafts.note(carried).fill('6月の係会で目標を掲示し、月1回の打合せで進み具合を確かめる。');
    await carried.getByRole('button', { name: `メモを保存する: ${firstItem}`, exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'メモを保存しました。' }), 'メモを保存しました。');

    await page.reload();
    await expectVisible(drafts.heading);
    expect(await drafts.note(drafts.move(rounds.second, firstItem)).inputValue()).toContain('6月の係会');
    // Carried once: the results say so instead of offering it again.
    await results.goto(cityId, roundIds.second, rounds.second);
    await expectText(results.nextMove(firstItem), '下書きに入っています。');
  });

  test('部署の推移はその部署だけを示す', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);
    await results.spread.getByText('部署ごとの推移を見る').click();
    await results.spread.getByRole('link', { name: '窓口係の推移', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: '窓口係の推移', exact: true }));
    await expectVisible(page.getByRole('region', { name: '項目ごとの推移', exact: true }).getByRole('img').first());
    const table = page.getByRole('region', { name: '数値で見る推移', exact: true });
    await expectText(table, rounds.first);
    await expectText(table, rounds.second);
    expect(await field(page.getByRole('main'), 'シート').inputValue()).not.toBe('');
  });

  test('結果・レポート・下書き・推移の画面はアクセシビリティの基準を満たす', async () => {
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);
    await expectVisible(results.spread.getByRole('img').first());
    await expectNoAxeViolations(page, 'results');

    await new ReportPage(page).goto(cityId, roundIds.second, rounds.second);
    await expectNoAxeViolations(page, 'report');

    await new PlanDraftsPage(page).goto(cityId);
    await expectNoAxeViolations(page, 'plan drafts');

    await results.goto(cityId, roundIds.second, rounds.second);
    await results.spread.getByText('部署ごとの推移を見る').click();
    await results.spread.getByRole('link', { name: '窓口係の推移', exact: true }).click();
    await expectVisible(page.getByRole('region', { name: '数値で見る推移', exact: true }));
    await expectNoAxeViolations(page, 'unit trend');
  });

  test('英語の画面でも結果を読める', async () => {
    const { context, page } = await browser.open({ language: 'en', device: 'phone' });
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/rounds/${roundIds.second}/results`);
    await expectVisible(page.getByRole('heading', { level: 1, name: `Results: ${rounds.second}`, exact: true }));
    await expectVisible(page.getByRole('region', { name: 'How positions see it differently', exact: true }));
    await saveScreenshot(page, 'results-en-phone');
  });
  test('結果のページに、弱い3項目それぞれに効きそうな公開中の事例が、APIの答えどおりに並ぶ', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    let expected: { title: string; cases: { id: string; title: string; orgName: string }[] }[] = [];
    try {
      const answer = await admin.get<{ basis: string | null; items: typeof expected }>(
        `/api/orgs/${cityId}/rounds/${roundIds.second}/case-suggestions`,
      );
      expect(answer.basis).toBe('group');
      expected = answer.items;
    } finally {
      await admin.dispose();
    }
    // The demo seed's published cases answer at least one of the weakest items.
    expect(expected).toHaveLength(3);
    expect(expected.some((item) => item.cases.length > 0)).toBe(true);

    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const results = new ResultsPage(page);
    await results.goto(cityId, roundIds.second, rounds.second);
    await expectText(results.caseSuggestions, '全体の中央値が低い3つの項目');
    for (const item of expected) {
      const card = results.caseSuggestions.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 3, name: item.title, exact: true }),
      });
      await expectVisible(card);
      if (item.cases.length === 0) await expectText(card, 'この項目に合う公開中の事例は、まだ見つかりません。');
      for (const hit of item.cases) {
        await expectVisible(card.getByRole('link', { name: hit.title, exact: true }));
        await expectText(card, hit.orgName);
      }
    }
    await expectNoAxeViolations(page, 'results with case suggestions');
    await results.caseSuggestions.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'results-case-suggestions', { fullPage: false });
    const first = expected.find((item) => item.cases.length > 0)?.cases[0];
    if (!first) throw new Error('No suggested case to open.');
    await results.caseSuggestions.getByRole('link', { name: first.title, exact: true }).first().click();
    await expectVisible(page.getByRole('heading', { level: 1, name: first.title, exact: true }));
  });
});
