import { afterAll, describe, expect, test } from 'vitest';
import { CareerPage } from './pages/career.page.js';
import { apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot as shoot, useBrowser } from './support/browser.js';
import { demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectPath, expectText, expectVisible } from './support/expect.js';
import { expectA4, expectNoPdfText, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';

/** Today in Japan, as a date input wants it. */
const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

type Entry = { id: string; title: string };

describe('改善キャリアマップ', () => {
  const browser = useBrowser();
  const created: string[] = [];

  // The demo staff member's map is shared by every run against this server: what the spec added
  // goes, and the map is private again.
  afterAll(async () => {
    const staff = await apiAs(demo.staff.email);
    try {
      const map = await staff.get<{ entries: Entry[] }>('/api/me/career');
      for (const entry of map.entries.filter((e) => created.includes(e.title))) {
        await staff.http.delete(`/api/me/career/entries/${entry.id}`, { data: {} });
      }
      await staff.http.put('/api/me/career/shares', { data: { facilitatorIds: [] } });
    } finally {
      await staff.dispose();
    }
  });

  test('職員がマップを開き、地域ステージの越境プロジェクトを追加して年表と12場面で確かめ、ふりかえりを書き直して共有する', async () => {
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.staff.email);
    await page.goto('/');
    // It belongs to the person: reached from the menu whichever organisation is open.
    await page.getByRole('navigation').getByRole('link', { name: '改善キャリアマップ', exact: true }).click();
    await expectPath(page, '/career');
    const career = new CareerPage(page);
    await career.waitUntilLoaded();
    await expectText(career.heading, '改善キャリアマップ');

    // The cases she reported are on it by themselves, marked as cases, with a link to open them.
    const seededCase = career.item('住民票の窓口で押印を廃止し、申請書を1枚に');
    await expectText(seededCase, 'カイゼン事例');
    await expectVisible(seededCase.getByRole('link', { name: /^事例を見る/ }));
    await expectText(career.cell('region-improvement'), '0');

    const title = `地域の子育て支援ネットワークづくり ${uniqueSuffix()}`;
    created.push(title);
    await career.addEntry({
      kind: '越境活動',
      title,
      startedOn: today(),
      orgName: 'デモ市',
      departmentName: '子育て支援課',
      scene: '地域 × 改善',
      description: '保健センター・NPO・自治会と月1回の連絡会を始めた。',
      reflection: '庁外の人と目的を共有すると、仕事の見え方が変わった。',
    });
    await expectVisible(page.getByRole('status').getByText(`「${title}」を追加しました。`));

    // On the timeline, under this fiscal year with its 和暦, with where, scene and reflection.
    const item = career.item(title);
    await expectText(item, '越境活動');
    await expectText(item, 'デモ市 · 子育て支援課');
    await expectText(item, '地域 × 改善');
    await expectText(item, '庁外の人と目的を共有すると');
    await expectText(career.yearOf(title).getByRole('heading', { level: 3 }), /年度（令和\d+年度）/);
    // On the grid, and in words: the stage widened to the region.
    await expectText(career.cell('region-improvement'), '記録 1');
    await expectText(career.cell('region-improvement'), '事例 0');
    await expectText(career.growth, '「地域」まで広がりました');
    await expectVisible(career.growth.getByRole('img', { name: /^年度ごとの最も広いステージ：/ }));

    await career.editReflection(title, '次は役所全体の仕組みにして、他の課にも広げたい。');
    await expectText(career.item(title), '次は役所全体の仕組みにして、他の課にも広げたい。');
    await page.reload();
    await career.waitUntilLoaded();
    await expectText(career.item(title), '次は役所全体の仕組みにして、他の課にも広げたい。');

    // Private until she chooses a facilitator.
    await expectText(career.sharing, 'このマップは非公開です。');
    await expectText(career.sharing, '現在、誰とも共有していません。');
    await career.shareWith(demo.navigator.name);
    await expectText(career.sharing, `共有中：${demo.navigator.name}`);

    await expectNoAxeViolations(page, 'career map (staff)');
    await shoot(page, 'career-desktop');

    // The CSV opens in Excel: UTF-8 with a byte-order mark, the new entry in it.
    const csv = await page.request.get((await career.download('CSV（Excel用）').getAttribute('href')) ?? '');
    expect(csv.status()).toBe(200);
    const body = await csv.body();
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body.toString('utf8')).toContain(title);
    const json = await page.request.get((await career.download('JSON（持ち出し用）').getAttribute('href')) ?? '');
    expect((await json.json()).entries.some((e: Entry) => e.title === title)).toBe(true);

    // Printed on A4, without the buttons, sharing and downloads.
    await page.emulateMedia({ media: 'print' });
    await expectCount(page.getByRole('region', { name: '共有', exact: true }).filter({ visible: true }), 0);
    const pdf = await printToPdf(page, 'career-print');
    expectA4(pdf, 'portrait');
    expectPageCount(pdf, [1, 4]);
    expectPdfText(pdf, ['改善キャリアマップ', demo.staff.name], 1);
    expectPdfText(pdf, [title, '次は役所全体の仕組みにして、他の課にも広げたい。']);
    expectNoPdfText(pdf, ['CSV（Excel用）', '共有中：']);
  });

  test('スマートフォン（375px）でも横にはみ出さずに読め、アクセシビリティの問題がない', async () => {
    const { context, page } = await browser.open({ device: 'phone', bypassCSP: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await logInContext(context, demo.staff.email);
    const career = new CareerPage(page);
    await career.goto();
    await expectVisible(career.grid);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, 'the page scrolls sideways at 375 px').toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'career map (375 px)');
    await shoot(page, 'career-phone');
  });

  test('ナビゲーターは共有された人のマップを読み取り専用で開け、共有をやめられると開けなくなる', async () => {
    // The staff member keeps an entry with a reflection and shares her map with the navigator.
    const staff = await apiAs(demo.staff.email);
    const title = `係をまたぐ窓口改善の勉強会 ${uniqueSuffix()}`;
    created.push(title);
    const navigatorId = (
      await apiAs(demo.navigator.email).then(async (n) => {
        const me = await n.me();
        await n.dispose();
        return me;
      })
    ).id;
    try {
      await staff.post('/api/me/career/entries', {
        kind: 'project',
        title,
        startedOn: today(),
        sceneId: 'government-improvement',
        reflection: '他の課の悩みを聞けたのが収穫だった。',
      });
      const shares = await staff.http.put('/api/me/career/shares', { data: { facilitatorIds: [navigatorId] } });
      expect(shares.status()).toBe(200);

      const { context, page } = await browser.open({ bypassCSP: true });
      await logInContext(context, demo.navigator.email);
      await page.goto('/');
      await page.getByRole('navigation').getByRole('link', { name: '共有されたキャリアマップ', exact: true }).click();
      await expectPath(page, '/career/shared');
      await page.getByRole('link', { name: `${demo.staff.name}さんのマップを開く`, exact: true }).click();
      const career = new CareerPage(page);
      await career.waitUntilLoaded();
      await expectText(career.heading, `${demo.staff.name}さんの改善キャリアマップ`);
      await expectText(page.getByRole('status').first(), '閲覧のみで、変更はできません。');
      await expectText(career.item(title), '他の課の悩みを聞けたのが収穫だった。');
      // Read-only: no adding, editing, deleting or sharing.
      await expectCount(page.getByRole('button', { name: '記録を追加' }), 0);
      await expectCount(career.timeline.getByRole('button'), 0);
      await expectCount(career.sharing, 0);
      await expectNoAxeViolations(page, 'shared career map (navigator)');
      await shoot(page, 'career-shared');

      // Withdrawn: the map is no longer there for the navigator.
      await staff.http.put('/api/me/career/shares', { data: { facilitatorIds: [] } });
      await page.reload();
      await expectVisible(page.getByRole('alert'));
      await expectCount(career.item(title), 0);
    } finally {
      await staff.dispose();
    }
  });

  test('英語の表示でも、見出しから共有の説明まで英語になる', async () => {
    const { context, page } = await browser.open({ language: 'en', bypassCSP: true });
    await logInContext(context, demo.staff.email);
    await page.goto('/career');
    await expectText(page.getByRole('heading', { level: 1 }), 'Improvement career map');
    await expectVisible(page.getByRole('region', { name: 'Timeline', exact: true }));
    await expectText(page.getByRole('region', { name: 'Sharing', exact: true }), 'This map is private.');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'career map (English)');
    await shoot(page, 'career-desktop-en');
  });
});
