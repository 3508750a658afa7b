import { beforeAll, describe, expect, test } from 'vitest';
import { AnswerPage, RoundNewPage, RoundPage, RoundsPage } from './pages/rounds.page.js';
import { type ApiSession, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectCount, expectFocused, expectPath, expectText, expectValue, expectVisible } from './support/expect.js';

// Every spec run brings its own small sheet, so nothing here depends on the demo data's sheets or rounds.
const items = ['目標の共有', '仕事の見直し', '学び合い'] as const;

function sheetYaml(key: string, title: string): string {
  const item = (itemKey: string, itemTitle: string) => `      - key: ${itemKey}
        title: ${itemTitle}
        question: ${itemTitle}について、今の職場に近いものを選んでください。
        guidance: 理想ではなく、この1か月の実際の様子で選んでください。
        levels:
          - label: 個人任せ
            descriptor: 職場として取り組んでおらず、各自の判断に任されている。
          - label: 始まっている
            descriptor: 一部の人が取り組み始めているが、職場全体には広がっていない。
          - label: 定着している
            descriptor: 職場の決まった場で、全員が定期的に取り組んでいる。
          - label: 自分ごと
            descriptor: 職員が自分から提案し、やり方そのものを見直している。`;
  return `formatVersion: 1
key: ${key}
title:
  ja: ${title}
edition: workplace
variant: quick
sections:
  - key: workplace
    title: 職場の様子
    items:
${item('goals', items[0])}
${item('review', items[1])}
${item('learning', items[2])}
`;
}

interface Round {
  id: string;
  title: string;
  joinPath: string;
}

interface OutboxMail {
  to: string;
  text: string;
}

describe('シートの実施と回答', () => {
  const browser = useBrowser();
  let cityId = '';
  let templateId = '';
  let sheetTitle = '';

  /** A round of the spec's sheet for the whole organisation, open from today. */
  async function startRound(admin: ApiSession, title: string): Promise<Round> {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const { id } = await admin.post<{ id: string }>(`/api/orgs/${cityId}/rounds`, {
      title,
      templateId,
      version: 1,
      scopeKind: 'org',
      opensOn: today,
      closesOn: '2099-12-31',
    });
    const detail = await admin.get<{ joinPath: string }>(`/api/orgs/${cityId}/rounds/${id}`);
    return { id, title, joinPath: detail.joinPath };
  }

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      const suffix = uniqueSuffix();
      sheetTitle = `E2E 実施用シート ${suffix}`;
      const created = await admin.post<{ templateId: string }>(`/api/orgs/${cityId}/sheet-templates/import`, {
        format: 'yaml',
        text: sheetYaml(`e2e-rounds-${suffix}`, sheetTitle),
      });
      templateId = created.templateId;
    } finally {
      await admin.dispose();
    }
  });

  test('組織管理者が実施を作成し、リンクをコピーして、メールで案内する', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    await context.grantPermissions(['clipboard-write']);
    // The app's pages may write to the clipboard but not read it (Permissions-Policy), so the test
    // keeps what the page wrote.
    await context.addInitScript(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return write(text);
      };
    });
    const title = `E2E 作成した実施 ${uniqueSuffix()}`;

    const rounds = new RoundsPage(page);
    await rounds.goto(cityId);
    await rounds.newButton.click();
    const form = new RoundNewPage(page);
    await form.fill({ title, sheet: sheetTitle });
    // Today and two weeks later in Japan, k = 3 and anonymous are the defaults.
    const opensOn = await page.getByLabel('開始日').inputValue();
    expect(opensOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByRole('checkbox', { name: '匿名で実施する' }).isChecked()).toBe(true);
    await expectValue(page.getByLabel(/^匿名性のしきい値/), '3');
    await form.create();

    const round = new RoundPage(page);
    await expectVisible(round.heading(title));
    await expectPath(page, new RegExp(`^/orgs/${cityId}/rounds/[0-9a-f-]+$`));
    const link = await round.link.inputValue();
    expect(link).toMatch(new RegExp(`^https?://[^/]+/orgs/${cityId}/rounds/join\\?token=\\S+$`));
    await round.copyButton.click();
    await expectText(page.getByText('リンクをコピーしました。'), 'リンクをコピーしました。');
    expect(await page.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(link);
    await expectNoAxeViolations(page, 'round page');

    const stranger = uniqueEmail('not-a-member');
    await round.inviteByEmail([demo.staff.email, stranger], 'ご協力をお願いします。');
    await expectText(round.dialog.getByRole('status'), '1人にメールを送りました。');
    await expectText(round.dialog.getByRole('listitem'), `${stranger}: 組織のメンバーではありません`);
    await round.dialog.getByRole('button', { name: '閉じる', exact: true }).first().click();

    // The mail leads the staff member to the round's answer page, with the message.
    const roundId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      await expect
        .poll(async () => {
          const mails = await admin.get<OutboxMail[]>(`/api/orgs/${cityId}/outbox?limit=100`);
          return mails.find((m) => m.to === demo.staff.email && m.text.includes(`/rounds/${roundId}/answer`))?.text;
        })
        .toContain('ご協力をお願いします。');
    } finally {
      await admin.dispose();
    }

    // The new round is listed with its count for people who manage sheets.
    await rounds.goto(cityId);
    await expectVisible(rounds.all.getByRole('link', { name: title, exact: true }));
  });

  test('職員が回答する: 下書きが自動保存され、未回答の項目を示し、提出後も終了までは変更でき、終了後は変更できない', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const staffApi = await apiAs(demo.staff.email);
    try {
      const round = await startRound(admin, `E2E 回答する実施 ${uniqueSuffix()}`);
      const { context, page } = await browser.open();
      await logInContext(context, demo.staff.email);

      // The round's link leads straight to the answer page.
      const answer = new AnswerPage(page);
      const watched = answer.watchNetwork();
      await page.goto(round.joinPath);
      await expectPath(page, `/orgs/${cityId}/rounds/${round.id}/answer`);
      await expectText(answer.progress, '0 / 3 項目に回答済み');
      await expectNoAxeViolations(page, 'answer page');
      // Before the first save there is no response to load: the page does not ask (no 404 in the console).
      expect(watched.myResponseRequests).toEqual([]);
      expect(watched.consoleErrors).toEqual([]);

      await answer.changeAndWaitForSave(async () => {
        await answer.level(items[0], 2).check();
        await answer.comment(items[0]).fill('月1回の打合せで確認しています。');
      });
      await expectText(answer.progress, '1 / 3 項目に回答済み');

      // A reload finds the draft where it was left.
      await page.reload();
      expect(await answer.level(items[0], 2).isChecked()).toBe(true);
      expect(watched.myResponseRequests.filter((request) => request.startsWith('GET'))).toEqual(['GET 200']);
      expect(watched.consoleErrors).toEqual([]);
      await expectValue(answer.comment(items[0]), '月1回の打合せで確認しています。');

      // The arrow keys move between the levels of an item, as in any radio group.
      await answer.level(items[0], 2).focus();
      await page.keyboard.press('ArrowDown');
      expect(await answer.level(items[0], 3).isChecked()).toBe(true);

      // Submitting with items left open names them and puts the focus on the first one.
      await answer.submitButton.click();
      await expectVisible(answer.errorSummary);
      await expectText(answer.errorSummary, items[1]);
      await expectText(answer.errorSummary, items[2]);
      await expectFocused(answer.level(items[1], 1));

      await answer.level(items[1], 1).check();
      await answer.level(items[2], 4).check();
      await answer.mostImportant(items[2]).click();
      expect(await answer.mostImportant(items[2]).getAttribute('aria-pressed')).toBe('true');
      await answer.submitButton.click();
      await expectVisible(answer.done);
      await expectVisible(page.getByRole('link', { name: '結果を見る', exact: true }));

      const submitted = await staffApi.get<{ status: string; mostImportantItemKey: string | null }>(
        `/api/orgs/${cityId}/rounds/${round.id}/my-response`,
      );
      expect(submitted.status).toBe('submitted');
      expect(submitted.mostImportantItemKey).toBe('learning');

      // Until the round closes the answers can change; a change is saved and stays submitted.
      await page.getByRole('button', { name: '回答を見直す', exact: true }).click();
      await answer.changeAndWaitForSave(() => answer.level(items[0], 4).check());
      const changed = await staffApi.get<{ status: string; answers: { itemKey: string; level: number }[] }>(
        `/api/orgs/${cityId}/rounds/${round.id}/my-response`,
      );
      expect(changed.status).toBe('submitted');
      expect(changed.answers.find((a) => a.itemKey === 'goals')?.level).toBe(4);

      // The list shows the round as submitted, with the way back to the answers.
      const rounds = new RoundsPage(page);
      await rounds.goto(cityId);
      await expectVisible(rounds.answerLink('回答を見直す', round.title));

      // After close the answers are shown, not offered for change, and the server refuses changes.
      await admin.post(`/api/orgs/${cityId}/rounds/${round.id}/close`, {});
      await answer.goto(cityId, round.id);
      await expectVisible(page.getByText('この実施は終了しました', { exact: true }));
      await expectCount(page.getByRole('radio'), 0);
      await expectText(page.getByRole('main'), '段階4 自分ごと');
      const refused = await staffApi.http.put(`/api/orgs/${cityId}/rounds/${round.id}/my-response`, {
        data: { position: 'staff', departmentId: null, mostImportantItemKey: null, answers: [], submit: false },
      });
      expect(refused.status()).toBe(409);
      expect((await refused.json()).code).toBe('round_closed');
    } finally {
      await admin.dispose();
      await staffApi.dispose();
    }
  });

  test('対象外の部署の職員には、回答できないことをはっきり示す', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      // A top-level department that neither holds the staff member's department nor sits above it.
      const departments = await admin.get<{ id: string; parentId: string | null }[]>(`/api/orgs/${cityId}/departments`);
      const [member] = await admin.get<{ email: string; departmentId: string | null }[]>(
        `/api/orgs/${cityId}/members?q=${encodeURIComponent(demo.staff.email)}`,
      );
      const parentOf = new Map(departments.map((d) => [d.id, d.parentId]));
      const above = new Set<string>();
      for (let id = member?.departmentId ?? null; id; id = parentOf.get(id) ?? null) above.add(id);
      const elsewhere = departments.find((d) => d.parentId === null && !above.has(d.id));
      if (!elsewhere) throw new Error('The demo city needs a second top-level department for this test.');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
      const { id } = await admin.post<{ id: string }>(`/api/orgs/${cityId}/rounds`, {
        title: `E2E 他部署の実施 ${uniqueSuffix()}`,
        templateId,
        version: 1,
        scopeKind: 'departments',
        departmentIds: [elsewhere.id],
        opensOn: today,
        closesOn: '2099-12-31',
      });

      const { context, page } = await browser.open();
      await logInContext(context, demo.staff.email);
      await new AnswerPage(page).goto(cityId, id);
      await expectVisible(page.getByText('この実施には回答できません', { exact: true }));
      await expectCount(page.getByRole('radio'), 0);
    } finally {
      await admin.dispose();
    }
  });

  test('リンクが無効なときは、その旨と一覧への道を示す', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    await page.goto(`/orgs/${cityId}/rounds/join?token=this-token-does-not-exist`);
    await expectVisible(page.getByText('このリンクは使えません', { exact: true }));
    await expectVisible(page.getByRole('link', { name: '実施の一覧へ', exact: true }));
  });

  test('スマートフォンの幅（375px）でも横にはみ出さず、進み具合が画面上部に残る', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      const round = await startRound(admin, `E2E スマートフォンの実施 ${uniqueSuffix()}`);
      const { context, page } = await browser.open({ device: 'phone' });
      // The narrowest phones in common use: 375 CSS pixels.
      await page.setViewportSize({ width: 375, height: 812 });
      await logInContext(context, demo.manager.email);
      const answer = new AnswerPage(page);
      await answer.goto(cityId, round.id);
      await expectText(answer.progress, '0 / 3 項目に回答済み');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      await answer.changeAndWaitForSave(() => answer.level(items[2], 3).tap());
      expect(await answer.level(items[2], 3).isChecked()).toBe(true);
      // Far down the page the progress is still in view.
      const top = await answer.progress.evaluate((element) => element.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(200);
      await expectText(answer.progress, '1 / 3 項目に回答済み');
      await expectNoAxeViolations(page, 'answer page (phone)');

      // Without a connection the save fails, the choice stays, and saving again works once it is back.
      await context.setOffline(true);
      await answer.level(items[1], 2).tap();
      await expectText(answer.saveStatus, '保存できませんでした。入力内容はこの画面に残っています。');
      expect(await answer.level(items[1], 2).isChecked()).toBe(true);
      await context.setOffline(false);
      await answer.changeAndWaitForSave(() =>
        page.getByRole('button', { name: 'もう一度保存する', exact: true }).tap(),
      );
      await expectText(answer.progress, '2 / 3 項目に回答済み');
    } finally {
      await admin.dispose();
    }
  });
});
