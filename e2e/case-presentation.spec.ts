import { beforeAll, describe, expect, test } from 'vitest';
import { tinyPng } from './fixtures/tiny-files.js';
import { CasePresentationPage } from './pages/case-presentation.page.js';
import { CaseDetailPage } from './pages/cases.page.js';
import { type ApiSession, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectText, expectVisible } from './support/expect.js';
import { expectA4, expectNoPdfText, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';

// A published demo case of デモ市 with effects and a cost (src/server/seed/demo-cases.ts).
const demoCase = 'RPAで給与・旅費の入力作業を自動化';

interface CaseHit {
  id: string;
  title: string;
}

/** Uploads a photo through the API, as the form does (multipart, field `file`). */
async function upload(session: ApiSession, path: string, name: string, role: string, buffer: Buffer): Promise<void> {
  const response = await session.http.post(path, {
    multipart: { file: { name, mimeType: 'image/png', buffer }, role },
  });
  if (!response.ok()) throw new Error(`upload ${name} answered ${response.status()}: ${await response.text()}`);
}

describe('発表用1枚資料', () => {
  const browser = useBrowser();
  let cityId = '';
  let npoId = '';
  let demoCaseId = '';

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const platform = await apiAs(demo.platformAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      npoId = await platform.orgId(DEMO_NPO);
      const found = await admin.get<{ hits: CaseHit[] }>(
        `/api/orgs/${cityId}/cases?q=${encodeURIComponent(demoCase)}&limit=5`,
      );
      const hit = found.hits.find((h) => h.title === demoCase);
      if (!hit) throw new Error(`The demo seed has no case ${demoCase}.`);
      demoCaseId = hit.id;
    } finally {
      await admin.dispose();
      await platform.dispose();
    }
  });

  test('事例のページから開くと、経緯・改善前後・効果・費用・次の一手が1枚に並び、A4横1枚のPDFになる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const detail = new CaseDetailPage(page);
    await detail.goto(cityId, demoCaseId, demoCase);
    await page.getByRole('link', { name: '発表用1枚資料', exact: true }).click();

    const slide = new CasePresentationPage(page);
    await expectVisible(slide.heading(demoCase));
    await expectText(slide.facts, 'デモ市');
    await expectText(slide.facts, '行革係');
    await expectText(slide.facts, /年度\s*\d{4}年度（令和\d+年度）/);
    await expectText(slide.facts, /場面\s*\S+/);
    await expectText(slide.facts, /分野\s*ICT・デジタル/);
    await expectText(slide.facts, /手法\s*ICT/);
    await expectText(slide.before, '紙の申請を職員が手で財務システムに入力していた');
    await expectText(slide.after.getByRole('heading', { level: 3 }).first(), '改善策');
    await expectText(slide.after, 'ＲＰＡのシナリオを作り');
    await expectText(slide.after, '入力作業が年間600時間減り');
    await expectText(slide.effects, '600時間/年');
    await expectText(slide.effects, '1,200,000円/年');
    await expectText(slide.cost, '480,000円・ＲＰＡのライセンス（年額）');
    await expectText(slide.remaining, '他課の定型入力');
    await expectText(page.getByRole('main'), '全文は事例のページ');
    // Headings go h1 → h2 → h3, without a skipped level.
    const levels = await page
      .getByRole('main')
      .locator('h1, h2, h3')
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect((levels[i] ?? 0) - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    await expectVisible(slide.printButton);
    await expectNoAxeViolations(page, 'one-page presentation');
    await saveScreenshot(page, 'case-presentation-screen');

    // On paper: only the sheet, on one landscape A4 page.
    await page.emulateMedia({ media: 'print' });
    await expectHidden(slide.printButton);
    await expectHidden(page.getByRole('navigation', { name: 'メインメニュー' }));
    const pdf = await printToPdf(page, 'case-presentation-print', { marginMm: 10 });
    expectPageCount(pdf, 1);
    expectA4(pdf, 'landscape');
    expectPdfText(pdf, [demoCase, '改善前', '改善後', '効果', '600時間/年', '1,200,000円/年', '他課の定型入力']);
    expectNoPdfText(pdf, ['印刷・PDF保存']);
  });

  test('長い文章と写真のある事例も1枚に収まり、写真には名前の代替テキストがつき、他の組織には庁内限りの欄が出ない', async () => {
    const title = `窓口の申請書を1枚にまとめた ${uniqueSuffix()}`;
    const long = (text: string, size = 3900) => text.repeat(Math.ceil(size / text.length)).slice(0, size);
    const staff = await apiAs(demo.staff.email);
    let caseId = '';
    try {
      const created = await staff.post<{ id: string }>(`/api/orgs/${cityId}/cases`, {
        title,
        problem: long('申請書が2枚に分かれ、住所と氏名を二度書く必要があった。'),
        action: long('2枚の様式を1枚にまとめ、記入例を掲示した。'),
        result: long('書き直しが減り、待ち時間が短くなった。'),
        remaining: long('戸籍の様式にも広げる。', 1900),
        costYen: 12000,
        costNote: '記入例の印刷代',
        happenedOn: '2026-05-01',
        sceneId: 'workplace-improvement',
        policyField: 'counter',
        method: 'change',
        sharing: 'network',
        internalFields: ['remaining', 'cost'],
        effects: Array.from({ length: 7 }, (_, index) => ({
          kind: 'other',
          label: `効果 ${index + 1}`,
          unit: '件',
          target: 10 * (index + 1),
          actual: 12 * (index + 1),
        })),
      });
      caseId = created.id;
      const path = `/api/orgs/${cityId}/cases/${caseId}/attachments`;
      await upload(staff, path, 'before.png', 'before', tinyPng(320, 200, [200, 60, 60], [240, 200, 200]));
      await upload(staff, path, 'after.png', 'after', tinyPng(320, 200, [40, 120, 60], [200, 240, 210]));
      await upload(staff, path, 'counter.png', 'photo', tinyPng(200, 200, [60, 60, 200], [200, 200, 240]));
    } finally {
      await staff.dispose();
    }

    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const slide = new CasePresentationPage(page);
    await slide.goto(cityId, caseId, title);
    await expectVisible(slide.before.getByRole('img', { name: '改善前の写真：before.png', exact: true }));
    await expectVisible(slide.after.getByRole('img', { name: '改善後の写真：after.png', exact: true }));
    await expectVisible(slide.photos.getByRole('img', { name: 'そのほかの写真：counter.png', exact: true }));
    await expect.poll(() => slide.imagesLoaded()).toBe(true);
    // Four effects fit; the rest are counted.
    await expectCount(slide.effects.getByRole('row'), 5);
    await expectText(slide.effects, 'ほか3件の効果は事例のページにあります。');
    await expectText(slide.cost, '12,000円');
    expect(await slide.clampedTexts()).toBe(4);
    await expectNoAxeViolations(page, 'one-page presentation with photos');
    await saveScreenshot(page, 'case-presentation-long-screen');

    await page.emulateMedia({ media: 'print' });
    expect(await slide.clampedTexts()).toBe(4);
    const pdf = await printToPdf(page, 'case-presentation-long-print', { marginMm: 10 });
    expectPageCount(pdf, 1);
    expectA4(pdf, 'landscape');
    expectPdfText(pdf, [title, '12,000円', 'ほか3件の効果は事例のページにあります。']);

    // Published and read by another organisation: what was marked internal is not on its sheet either.
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
    const other = await browser.open();
    await logInContext(other.context, demo.platformAdmin.email);
    const shared = new CasePresentationPage(other.page);
    await shared.goto(npoId, caseId, title);
    await expectText(shared.remaining, '共有先には表示されない項目です。');
    await expectCount(shared.remaining.getByText('戸籍の様式', { exact: false }), 0);
    await expectCount(shared.cost.getByText('12,000', { exact: false }), 0);
    await expectVisible(shared.before.getByRole('img', { name: '改善前の写真：before.png', exact: true }));
  });

  test('電話では改善前の下に改善後が並び、横にはみ出さない。英語でもすべての見出しが英語になる', async () => {
    const { context, page } = await browser.open({ device: 'phone', language: 'en' });
    await logInContext(context, demo.staff.email);
    await page.goto(`/orgs/${cityId}/cases/${demoCaseId}/presentation`);
    await expectVisible(page.getByRole('heading', { level: 1, name: demoCase, exact: true }));
    await expectVisible(page.getByRole('button', { name: 'Print or save as PDF', exact: true }));
    for (const name of ['Before', 'After', 'Effects', 'Cost', 'Remaining issues and next step']) {
      await expectVisible(page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }));
    }
    const before = await page.getByRole('region', { name: /^Before/ }).boundingBox();
    const after = await page.getByRole('region', { name: 'After', exact: true }).boundingBox();
    expect(before && after && after.y >= before.y + before.height).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'case-presentation-phone');
  });
});
