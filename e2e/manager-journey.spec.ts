import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ResultsPage } from './pages/results.page.js';
import { AnswerPage } from './pages/rounds.page.js';
import { type ApiSession, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectText, expectVisible } from './support/expect.js';

interface Item {
  key: string;
  title: string;
  levels: { label: string; descriptor: string }[];
}

/**
 * The manager's whole journey with the sample 職場編（簡易版）: answer all ten items, then, once
 * the round has closed, see their own levels against the group's median on the radar and the
 * next move for every item.
 */
describe('所属長のステップアップシート', () => {
  const browser = useBrowser();
  let admin: ApiSession;
  let cityId = '';
  let templateId = '';
  let version = 1;
  let items: Item[] = [];

  beforeAll(async () => {
    admin = await apiAs(demo.orgAdmin.email);
    cityId = await admin.orgId(DEMO_CITY);
    const templates = await admin.get<{ id: string; sourceSampleKey: string | null; latestVersion: number }[]>(
      `/api/orgs/${cityId}/sheet-templates`,
    );
    const quick = templates.find((t) => t.sourceSampleKey === 'workplace-quick');
    if (!quick) throw new Error('the demo city has no copy of 職場編（簡易版）');
    templateId = quick.id;
    version = quick.latestVersion;
    const versions = await admin.get<{ version: number; content: { sections: { items: Item[] }[] } }[]>(
      `/api/orgs/${cityId}/sheet-templates/${templateId}/versions`,
    );
    const content = versions.find((v) => v.version === version)?.content;
    items = content?.sections.flatMap((s) => s.items) ?? [];
  });
  afterAll(() => admin.dispose());

  test('所属長が職場編（簡易版）に答え、終了後にレーダーで自分と全体の中央値を見比べ、項目ごとの次の一手を読む', async () => {
    expect(items).toHaveLength(10);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const title = `E2E 所属長の立ち位置チェック ${uniqueSuffix()}`;
    const { id: roundId } = await admin.post<{ id: string }>(`/api/orgs/${cityId}/rounds`, {
      title,
      templateId,
      version,
      scopeKind: 'org',
      opensOn: today,
      closesOn: '2099-12-31',
    });
    // Two colleagues answer through the API, so the group reaches the threshold of three.
    const staff = await apiAs(demo.staff.email);
    try {
      for (const [who, level] of [
        [admin, 2],
        [staff, 1],
      ] as const) {
        await who.post(`/api/orgs/${cityId}/rounds/${roundId}/my-response`, {
          position: who === admin ? 'subsection_chief' : 'staff',
          departmentId: null,
          mostImportantItemKey: items[0]?.key ?? null,
          answers: items.map((item) => ({ itemKey: item.key, level })),
          submit: true,
        });
      }
    } finally {
      await staff.dispose();
    }

    const { context, page } = await browser.open();
    await logInContext(context, demo.manager.email);
    const answer = new AnswerPage(page);
    await answer.goto(cityId, roundId);
    await expectText(answer.progress, '0 / 10 項目に回答済み');
    // Every item at level 3, one at the top: chosen with the keyboard, as a radio group works.
    for (const [i, item] of items.entries()) {
      const level = i === 0 ? 4 : 3;
      await answer.level(item.title, 1).focus();
      for (let step = 1; step < level; step++) await page.keyboard.press('ArrowDown');
      expect(await answer.level(item.title, level).isChecked(), item.title).toBe(true);
    }
    await answer.mostImportant(items[1]?.title ?? '').click();
    await expectText(answer.progress, '10 / 10 項目に回答済み');
    await answer.submitButton.click();
    await expectVisible(answer.done);

    await admin.post(`/api/orgs/${cityId}/rounds/${roundId}/close`, {});
    const results = new ResultsPage(page);
    await results.goto(cityId, roundId, title);
    await expectText(results.summary, '3件');
    await expectVisible(results.radarChart);
    await expectText(results.radar, '自分の回答');
    await expectText(results.radar, '全体の中央値');
    // The median of 2, 1 and 3 is 2: the next move is the descriptor of level 3, for every item.
    for (const item of items.slice(1)) {
      await expectText(results.nextMove(item.title), item.levels[2]?.descriptor ?? '');
    }
    await expectVisible(results.carryButton(items[1]?.title ?? ''));
    await expectNoAxeViolations(page, 'manager results');
    await saveScreenshot(page, 'manager-results');
  });
});
