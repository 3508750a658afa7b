import { beforeAll, describe, expect, test } from 'vitest';
import { PlanDraftsPage, ReportPage, ResultsPage } from './pages/results.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo } from './support/demo.js';
import { expectCount, expectHidden, expectText, expectVisible } from './support/expect.js';
import { field } from './support/locators.js';

// The rounds the demo seed runs in デモ市 with the 職場編（簡易版） sheet (src/server/seed/demo-rounds.ts).
const rounds = {
  first: '2025年度 職場の立ち位置チェック',
  second: '2026年度 上期 職場の立ち位置チェック',
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
  const roundIds: Record<keyof typeof rounds, string> = { first: '', second: '' };

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
    await expectText(results.filters, '回答が3件未満の部署は、匿名性を守るため選べません。');
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

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
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
});
