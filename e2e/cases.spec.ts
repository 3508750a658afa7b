import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { CaseDetailPage, CaseFormPage, CaseSearchPage } from './pages/cases.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectFocused, expectPath, expectText, expectVisible } from './support/expect.js';

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('カイゼン事例', () => {
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

  /** A browser signed in as `email`, on the case page of `caseId`. */
  async function openCase(email: string, caseId: string, title: string) {
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, email);
    const detail = new CaseDetailPage(page);
    await detail.goto(cityId, caseId, title);
    return { page, detail };
  }

  test('職員が報告して提出し、所属長の差し戻し・再提出・承認、組織管理者の公開を経て、他の組織の人が「押印」で見つける（庁内限りの欄は見えない）', async () => {
    const title = `窓口の押印を廃止して申請書を1枚に ${uniqueSuffix()}`;
    const internalNote = `庁内だけの検討メモ ${uniqueSuffix()}`;

    // 1. The staff member reports the case and submits it.
    const staff = await browser.open({ bypassCSP: true });
    await logInContext(staff.context, demo.staff.email);
    const search = new CaseSearchPage(staff.page);
    await search.goto(cityId);
    await search.report.click();
    const form = new CaseFormPage(staff.page);
    await form.waitUntilLoaded();
    await expectNoAxeViolations(staff.page, 'case form');
    await form.title.fill(title);
    await form.problem.fill('転入の手続で、市民が同じ内容を3枚の申請書に書き、押印していた。');
    await form.action.fill('押印を廃止し、申請書を1枚に統合した。');
    await form.result.fill('待ち時間が平均15分短くなった。');
    await form.remaining.fill(internalNote);
    await form.internal('残課題・次の一手').check();
    await form.scene('職場 × 改善').check();
    await form.method('へらす').check();
    await form.sharing('会員自治体に共有').check();
    await form.addEffect.click();
    await form.fillEffect(1, { target: '100', actual: '120' });
    await form.addEffect.click();
    await form.fillEffect(2, { kind: 'その他', actual: '3' });

    // An 'other' effect needs to say what was measured: the summary names it and leads to the field.
    await form.saveDraft.click();
    await expectVisible(form.summary);
    await expectFocused(form.summary);
    await form.summary.getByRole('link', { name: /^効果 2：測ったもの/ }).click();
    await expectFocused(form.effect(2).getByLabel(/^測ったもの/));
    await form.fillEffect(2, { label: '書き直しの件数（1日あたり）' });
    await form.saveDraft.click();

    const detail = new CaseDetailPage(staff.page);
    await expectVisible(detail.heading(title));
    const caseId = detail.caseId();
    await expectVisible(detail.status('下書き'));
    await expectNoAxeViolations(staff.page, 'case page (draft)');
    await detail.button('提出する').click();
    await expectVisible(detail.status('提出済み（確認待ち）'));
    await expectCount(detail.button('提出する'), 0);

    // 2. The manager returns it with a comment; a return without one is refused at the field.
    const manager = await openCase(demo.manager.email, caseId, title);
    await manager.detail.button('差し戻す').click();
    const returning = manager.detail.dialog('事例を差し戻す');
    await returning.getByRole('button', { name: '差し戻す', exact: true }).click();
    await expectVisible(returning.getByText('入力してください。', { exact: true }));
    await returning.getByRole('button', { name: 'キャンセル', exact: true }).click();
    await manager.detail.act('差し戻す', '事例を差し戻す', { コメント: '効果の数字の根拠を書いてください。' });
    await expectVisible(manager.detail.status('差し戻し'));

    // 3. The staff member reads the comment, fixes the case and submits it again.
    await staff.page.reload();
    await expectVisible(detail.status('差し戻し'));
    await expectText(detail.history, '効果の数字の根拠を書いてください。');
    await staff.page.getByRole('link', { name: '編集', exact: true }).click();
    await expectVisible(form.saveChanges);
    await form.result.fill('待ち時間が平均15分短くなった（窓口の受付記録、4月〜6月の平均）。');
    await form.saveChanges.click();
    await expectVisible(detail.heading(title));
    await expectPath(staff.page, `/orgs/${cityId}/cases/${caseId}`);
    await detail.button('提出する').click();
    await expectVisible(detail.status('提出済み（確認待ち）'));

    // 4. The manager approves it with an opinion.
    await manager.page.reload();
    await expectVisible(manager.detail.heading(title));
    await manager.detail.act('承認する', '事例を承認する', { 所属長の意見: '他の窓口にも広げたい取り組みです。' });
    await expectVisible(manager.detail.status('承認済み'));
    await expectCount(manager.detail.button('公開する'), 0);

    // 5. The organisation's administrator publishes it.
    const admin = await openCase(demo.orgAdmin.email, caseId, title);
    await admin.detail.act('公開する', '事例を公開しますか？', {});
    await expectVisible(admin.detail.status('公開中'));
    await expectText(admin.page.getByRole('main'), internalNote);

    // 6. Someone of another organisation finds it by a two-character word, without the internal field.
    const other = await browser.open({ bypassCSP: true });
    await logInContext(other.context, demo.platformAdmin.email);
    const otherSearch = new CaseSearchPage(other.page);
    await otherSearch.goto(npoId);
    await otherSearch.search('押印');
    await expectVisible(otherSearch.hit(title));
    await expectVisible(otherSearch.results.locator('mark', { hasText: '押印' }).first());
    await expectNoAxeViolations(other.page, 'case search (another organisation)');
    await otherSearch.hit(title).click();
    const otherDetail = new CaseDetailPage(other.page);
    await expectVisible(otherDetail.heading(title));
    await expectText(other.page.getByRole('main'), '押印を廃止し、申請書を1枚に統合した。');
    expect(await other.page.getByRole('main').innerText()).not.toContain(internalNote);
    await expectVisible(other.page.getByText('共有先には表示されない項目です。', { exact: true }).first());
    await expectCount(otherDetail.button('編集'), 0);
    await expectCount(otherDetail.history, 0);
    await expectNoAxeViolations(other.page, 'case page (another organisation)');
    await saveScreenshot(other.page, 'cases-detail-other-org');
  });

  test('375pxの画面で、検索・報告フォーム・事例のページが横にスクロールしない', async () => {
    const { context, page } = await browser.open({ device: 'phone', bypassCSP: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await logInContext(context, demo.staff.email);
    const search = new CaseSearchPage(page);
    await search.goto(cityId, `?q=${encodeURIComponent('窓口')}`);
    await expectVisible(search.results.getByRole('listitem').first());
    expect(await sideways(page), 'search scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'case search (375 px)');
    await saveScreenshot(page, 'cases-search-phone');

    await search.results.getByRole('link').first().click();
    await expectVisible(page.getByRole('heading', { level: 2, name: '事例の情報' }));
    expect(await sideways(page), 'case page scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'cases-detail-phone');

    await page.goto(`/orgs/${cityId}/cases/new`);
    const form = new CaseFormPage(page);
    await form.waitUntilLoaded();
    await form.addEffect.click();
    expect(await sideways(page), 'form scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'cases-form-phone');
  });

  test('何も見つからないときは、探した言葉と次に試すことを表示する', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const search = new CaseSearchPage(page);
    await search.goto(cityId, '?from=others');
    await search.search('存在しない言葉ぴよ');
    await expectVisible(page.getByText('条件に合う事例は見つかりませんでした。', { exact: true }));
    await expectVisible(search.results.locator('.case-chip', { hasText: '存在' }).first());
    expect(new URL(page.url()).searchParams.get('q')).toBe('存在しない言葉ぴよ');
    expect(new URL(page.url()).searchParams.get('from')).toBe('others');
  });

  test('検索結果を CSV（BOM 付き UTF-8）と Excel でダウンロードできる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const search = new CaseSearchPage(page);
    await search.goto(cityId, '?from=own');
    await search.search('窓口');
    const csvLink = page.getByRole('link', { name: 'CSV（Excel で開けます）', exact: true });
    await expectVisible(csvLink);
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toContain('/cases/export?');
    expect(new URL(href, 'http://x').searchParams.get('q')).toBe('窓口');
    const csv = await context.request.get(href);
    expect(csv.status()).toBe(200);
    const body = await csv.body();
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body.toString('utf8')).toContain('件名');
    expect(body.toString('utf8')).toContain('窓口');
    const xlsxHref = await page.getByRole('link', { name: 'Excel（xlsx）', exact: true }).getAttribute('href');
    const xlsx = await context.request.get(xlsxHref ?? '');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  });

  test('英語の表示では検索と事例のページが英語になる', async () => {
    const { context, page } = await browser.open({ language: 'en', bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/cases`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Kaizen cases', exact: true }));
    await expectVisible(page.getByRole('link', { name: 'Report a case', exact: true }));
    await expectNoAxeViolations(page, 'case search (English)');
    await saveScreenshot(page, 'cases-search-en');
    await page.getByRole('region', { name: 'Search results' }).getByRole('link').first().click();
    await expectVisible(page.getByRole('heading', { level: 2, name: 'About the case' }));
    await saveScreenshot(page, 'cases-detail-en');
  });
  test('報告フォームで横展開元を言葉で探して選び（キーボードでも選べ、外せる）、元の事例には「この事例を参考にした事例」として載る', async () => {
    const source = '住民票の窓口で押印を廃止し、申請書を1枚に';
    const title = `隣の課の押印廃止をまねた ${uniqueSuffix()}`;
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.staff.email);
    await page.goto(`/orgs/${cityId}/cases/new`);
    const form = new CaseFormPage(page);
    await form.waitUntilLoaded();
    await form.title.fill(title);

    // Type, then pick with the mouse: the choice shows its title and organisation and can be removed.
    await form.adoptedFromSearch.fill('住民票の窓口で押印');
    const option = form.adoptedFromOptions.filter({ hasText: source }).first();
    await expectText(option, DEMO_CITY);
    await option.click();
    await expectText(page.locator('.case-adopted'), `${source} （${DEMO_CITY}）`);
    await page.getByRole('button', { name: '横展開元を外す', exact: true }).click();
    await expectText(page.locator('.case-adopted'), '選んでいません。');
    await expectFocused(form.adoptedFromSearch);

    // And with the keyboard alone.
    await form.adoptedFromSearch.fill('住民票の窓口で押印');
    await expectVisible(option);
    await form.adoptedFromSearch.press('ArrowDown');
    await form.adoptedFromSearch.press('Enter');
    await expectText(page.locator('.case-adopted'), source);
    await expectNoAxeViolations(page, 'case form with adopted from');
    await saveScreenshot(page, 'cases-form-adopted-from', { fullPage: false });
    await form.saveDraft.click();

    const detail = new CaseDetailPage(page);
    await expectVisible(detail.heading(title));
    const facts = page.getByRole('region', { name: '事例の情報' });
    await facts.getByRole('link', { name: source, exact: true }).click();
    await expectVisible(detail.heading(source));
    await expectVisible(
      page.getByRole('region', { name: '事例の情報' }).getByRole('link', { name: title, exact: true }),
    );
    await expectText(page.getByRole('region', { name: '事例の情報' }), 'この事例を参考にした事例');
  });
});
