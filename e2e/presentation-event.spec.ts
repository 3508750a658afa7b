import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  EventConsolePage,
  EventCreatePage,
  EventPhonePage,
  EventPresentPage,
} from './pages/presentation-event.page.js';
import { WorkshopsPage } from './pages/workshop.page.js';
import { anonymousApi, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectPath, expectText, expectValue, expectVisible } from './support/expect.js';
import { expectA4, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';

/** A picture in e2e/screenshots/ for people to look over. */
function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  return saveScreenshot(page, `presentation-event-${name}`, { fullPage });
}

const criteria = ['効果', '創意工夫', '横展開のしやすさ', '発表のわかりやすさ'];

describe('事例発表会', () => {
  const browser = useBrowser();

  test('主催者が開き、審査員と会場がスマートフォンで参加し、コメント・採点・投票・結果発表まで進む', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    await admin.dispose();

    // The facilitator opens an event with two presentations from the workshops list.
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const list = new WorkshopsPage(page);
    await list.goto(cityId);
    await page.getByRole('link', { name: '事例発表会を開く', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: '事例発表会を開く' }));
    const create = new EventCreatePage(page);
    for (const [index, label] of criteria.entries()) {
      await expectValue(create.form.getByLabel(new RegExp(`^評価項目${index + 1}`)), label);
    }
    await expectNoAxeViolations(page, 'presentation event form');
    const title = `E2E 事例発表会 ${uniqueSuffix()}`;
    const first = { title: '窓口の待ち時間を半分に', presenter: '市民課 窓口係' };
    const second = { title: '紙の申請をオンラインへ', presenter: '情報政策課' };
    await create.create({ title, presentations: [first, second] });
    await expectPath(page, new RegExp(`^/orgs/${cityId}/presentation-events/[0-9a-f-]+$`));
    const workshopId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    const console = new EventConsolePage(page);
    const code = await console.code();
    const judgePath = await console.judgePath();
    expect(judgePath).toMatch(new RegExp(`^/w/${code}\\?judge=[A-Z0-9]{8}$`));
    await expectText(console.programme, first.title);
    await expectText(console.programme, second.title);

    // The projector, in a second window of the facilitator.
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1366, height: 768 });
    await projector.goto(`/orgs/${cityId}/presentation-events/${workshopId}/present`);
    const present = new EventPresentPage(projector);
    await expectVisible(projector.getByRole('heading', { level: 1, name: '発表はまもなく始まります' }));

    // A judge comes by the judges' link; two people of the audience join by code.
    const judgePhone = await browser.open({ device: 'phone', bypassCSP: true });
    await judgePhone.page.goto(judgePath);
    const judge = new EventPhonePage(judgePhone.page);
    await expectValue(judge.judgeKeyField(), judgePath.split('=')[1] ?? '');
    await expectNoAxeViolations(judgePhone.page, 'presentation event join (judge)');
    await shoot(judgePhone.page, 'phone-join-judge');
    await judge.join({ nickname: '審査 花子', position: '課長' });
    await expectText(judgePhone.page.getByText('審査 花子さんとして審査員で参加しています'), '審査員');

    const audience: EventPhonePage[] = [];
    for (const nickname of ['さくら', 'たろう']) {
      const phone = await browser.open({ device: 'phone', bypassCSP: true });
      await phone.page.goto(`/w/${code}`);
      const person = new EventPhonePage(phone.page);
      await person.join({ nickname, position: '職員' });
      await expectText(phone.page.getByText(`${nickname}さんとして参加しています`), nickname);
      audience.push(person);
    }
    const [sakura, taro] = audience;
    if (!sakura || !taro) throw new Error('The audience did not join.');
    await expectText(console.count('audience'), '2人');
    await expectText(console.count('judges'), '1人');

    // The first presenter's time starts; the projector counts it down.
    await console.button('最初の発表へ').click();
    await expectText(console.stage, first.title);
    await console.button('時間を開始').click();
    await expectVisible(projector.getByRole('heading', { level: 1, name: first.title }));
    await expectText(present.timer(), /^[45]:\d\d$/);
    await expectText(sakura.page.getByRole('status').filter({ hasText: '発表中' }), first.title);

    // Comments arrive live on the console and the projector; the anonymous one as 匿名.
    const named = 'とても分かりやすい発表でした';
    const secret = '数字で効果が見えて良いと思います';
    await sakura.comment(named);
    await expectText(sakura.commentForm.getByRole('status'), '投稿しました');
    await taro.comment(secret, { anonymous: true });
    await expectText(console.comment(named), 'さくら');
    await expectText(console.comment(secret), '匿名');
    await expectText(present.comment(named), 'さくら');
    await expectText(present.comment(secret), '匿名');
    expect(await present.comment(secret).innerText()).not.toContain('たろう');
    await expectText(taro.comments, named);
    await shoot(projector, 'projector-comments', false);
    await shoot(page, 'console-comments');

    // The facilitator hides one: it leaves the phones and the projector.
    await console
      .comment(named)
      .getByRole('button', { name: /^非表示/ })
      .click();
    await expectText(console.comment(named), '非表示中');
    await expectHidden(taro.comments.getByText(named));
    await expectHidden(present.comment(named));
    await expectVisible(taro.comments.getByText(secret));
    await expectNoAxeViolations(page, 'presentation event console');

    // After a reload, the cookie brings a participant back.
    await taro.page.reload();
    await expectText(taro.page.getByText('たろうさんとして参加しています'), 'たろう');
    await expectVisible(taro.comments.getByText(secret));

    // The judge scores both presentations; the console counts them.
    const firstForm = await judge.score(
      first.title,
      { 効果: 5, 創意工夫: 4, 横展開のしやすさ: 5, 発表のわかりやすさ: 4 },
      '効果が大きい',
    );
    await expectText(firstForm.getByRole('status'), '保存しました');
    const secondForm = await judge.score(
      second.title,
      { 効果: 3, 創意工夫: 3, 横展開のしやすさ: 4, 発表のわかりやすさ: 3 },
      '',
    );
    await expectText(secondForm.getByRole('status'), '保存しました');
    await expectCount(judge.scoring.getByText('✓ 採点済み'), 2);
    await expectNoAxeViolations(judgePhone.page, 'presentation event judge phone');
    await shoot(judgePhone.page, 'phone-judge-scoring');
    await expectText(console.programmeRow(first.title), '審査 1/1人');
    await expectText(console.programmeRow(second.title), '審査 1/1人');

    // On to the next presentation, then the audience vote.
    await console.button('次の発表へ').click();
    await expectVisible(projector.getByRole('heading', { level: 1, name: second.title }));
    await expectText(sakura.page.getByRole('status').filter({ hasText: '発表中' }), second.title);
    await console.button('投票を始める').click();
    await expectText(projector.getByRole('status').filter({ hasText: '投票受付中' }), '0人が投票しました');
    expect(await judge.vote.count()).toBe(0);
    for (const person of [sakura, taro]) {
      await person.vote.getByRole('radio', { name: new RegExp(second.title) }).check();
      await person.vote.getByRole('button', { name: '投票', exact: true }).click();
      await expectText(person.vote.getByRole('status'), '投票しました');
    }
    await expectNoAxeViolations(sakura.page, 'presentation event audience phone');
    await shoot(sakura.page, 'phone-audience-vote');
    await expectText(projector.getByRole('status').filter({ hasText: '投票受付中' }), '2人が投票しました');
    await expectText(console.count('voted'), '2人');
    await shoot(projector, 'projector-vote', false);

    // The results are announced after a confirmation; every screen shows the rankings.
    await console.button('結果を発表').click();
    const dialog = page.getByRole('dialog', { name: '結果を発表しますか？' });
    await dialog.getByRole('button', { name: '結果を発表', exact: true }).click();
    await expectText(console.results, '結果を発表しました');
    await expectVisible(projector.getByRole('heading', { level: 1, name: '結果発表' }));
    const judgesRanking = projector.getByRole('region', { name: '審査員評価' });
    const voteRanking = projector.getByRole('region', { name: '会場投票' });
    await expectText(judgesRanking.getByRole('listitem').first(), '1位');
    await expectText(judgesRanking.getByRole('listitem').first(), first.title);
    await expectText(voteRanking.getByRole('listitem').first(), second.title);
    await expectText(voteRanking.getByRole('listitem').first(), '2票');
    await shoot(projector, 'projector-results', false);
    for (const phone of [sakura, judge]) {
      await expectText(
        phone.results.getByRole('region', { name: '審査員評価' }).getByRole('listitem').first(),
        first.title,
      );
      await expectText(
        phone.results.getByRole('region', { name: '会場投票' }).getByRole('listitem').first(),
        second.title,
      );
    }
    await expectText(judge.scoring, '結果発表の後は採点できません。');
    await shoot(sakura.page, 'phone-results');
    await shoot(page, 'console-results');

    // The results page: accessible, on one or two A4 pages, and as a CSV with a BOM.
    await page.getByRole('link', { name: '結果のページ（印刷・ダウンロード）', exact: true }).click();
    await expectPath(page, `/orgs/${cityId}/presentation-events/${workshopId}/results`);
    const table = page.getByRole('table', { name: '審査員評価' });
    await expectText(table.getByRole('row').nth(1), first.title);
    await expectText(table.getByRole('row').nth(1), '18.0 / 20');
    await expectText(page.getByRole('region', { name: new RegExp(`^1\\. ${first.title}`) }), secret);
    expect(await page.getByText(named).count()).toBe(0);
    await expectNoAxeViolations(page, 'presentation event results');
    await shoot(page, 'results-page');
    const csv = await page.request.get(
      (await page.getByRole('link', { name: 'CSVでダウンロード', exact: true }).getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const pdf = await printToPdf(page, 'presentation-event-results-print');
    expectA4(pdf, 'portrait');
    expectPageCount(pdf, [1, 2]);
    expectPdfText(pdf, [title, '審査員評価', first.title, '18.0 / 20'], 1);

    // The list names the kind and leads back to the console.
    await page.emulateMedia({ media: 'screen' });
    await list.goto(cityId);
    const row = page.getByRole('row').filter({ hasText: title });
    await expectText(row, '事例発表会');
    await row.getByRole('link', { name: title }).click();
    await expectPath(page, `/orgs/${cityId}/presentation-events/${workshopId}`);
  });

  test('審査員コードが違うと、その欄に日本語で理由が表示される', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/presentation-events`, {
      title: `E2E 審査員コード ${uniqueSuffix()}`,
      minutes: 5,
      criteria: ['効果'],
      presentations: [{ title: '発表', presenter: '総務課' }],
    });
    await admin.dispose();
    const { page } = await browser.open({ device: 'phone', bypassCSP: true });
    await page.goto(`/w/${opened.code}?judge=ZZZZ2222`);
    const phone = new EventPhonePage(page);
    await phone.join({ nickname: 'まちがい', position: '職員' });
    await expectText(page.locator('.field__error'), '審査員コードが違います');
    expect(await phone.judgeKeyField().getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'presentation event join with a wrong judge key');
    // Without a key the same person joins the audience.
    await phone.judgeKeyField().fill('');
    await page.getByRole('button', { name: '参加する', exact: true }).click();
    await expectText(page.getByText('まちがいさんとして参加しています'), 'まちがい');
  });

  test('プログラムを編集して発表を足せ、コメントのある発表は消せないと表示される', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/presentation-events`, {
      title: `E2E プログラム ${uniqueSuffix()}`,
      criteria: ['効果'],
      presentations: [{ title: '最初の発表', presenter: '総務課' }],
    });
    const view = await admin.get<{ presentations: { id: string }[] }>(
      `/api/orgs/${cityId}/presentation-events/${opened.id}`,
    );
    await admin.dispose();
    const person = await anonymousApi();
    await person.post('/api/workshops/join', { code: opened.code, nickname: 'ひとこと', position: 'staff' });
    await person.post(`/api/presentation-events/${opened.id}/comments`, {
      presentationId: view.presentations[0]?.id,
      body: '楽しみです',
    });
    await person.dispose();

    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/presentation-events/${opened.id}`);
    const console = new EventConsolePage(page);
    await console.programme.getByRole('button', { name: 'プログラムを編集', exact: true }).click();
    const rows = console.programme.getByRole('group', { name: '発表のプログラム', exact: true });
    await rows.getByRole('button', { name: '発表を追加', exact: true }).click();
    const added = rows.getByRole('group', { name: '発表2', exact: true });
    await added.getByLabel(/^タイトル/).fill('追加した発表');
    await added.getByLabel(/^発表者/).fill('企画課');
    // Moved to the top, the new one presents first.
    await rows.getByRole('button', { name: /^上へ\s*（発表2）/ }).click();
    await console.button('プログラムを保存').click();
    await expectText(console.programme.getByRole('status'), 'プログラムを保存しました');
    await expectText(console.programme.getByRole('listitem').first(), '追加した発表');

    // The first presentation has a comment: removing it is refused at the programme.
    await console.programme.getByRole('button', { name: 'プログラムを編集', exact: true }).click();
    await rows.getByRole('button', { name: /^削除\s*（発表2）/ }).click();
    await console.button('プログラムを保存').click();
    await expectText(rows, 'コメントや採点・投票がある発表は削除できません。');
    await expectNoAxeViolations(page, 'presentation event programme editor');
  });

  test('発表にカイゼン事例をつなぐと、プログラムからその事例を開ける', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const opened = await admin.post<{ id: string }>(`/api/orgs/${cityId}/presentation-events`, {
      title: `E2E 事例つなぎ ${uniqueSuffix()}`,
      criteria: ['効果'],
      presentations: [{ title: '窓口の改善', presenter: '市民課' }],
    });

    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/presentation-events/${opened.id}`);
    const console = new EventConsolePage(page);
    await console.programme.getByRole('button', { name: 'プログラムを編集', exact: true }).click();
    const row = console.programme.getByRole('group', { name: '発表1', exact: true });
    await row.getByRole('combobox', { name: /^発表する事例（任意）/ }).fill('窓口');
    const option = page.getByRole('listbox', { name: '事例の候補', exact: true }).getByRole('option').first();
    const picked = (await option.locator('.combobox__name').textContent()) ?? '';
    await option.click();
    await expectText(row, picked);
    // The title and presenter typed before stay as they were.
    await expectValue(row.getByLabel(/^タイトル/), '窓口の改善');
    await console.button('プログラムを保存').click();
    await expectText(console.programme.getByRole('status'), 'プログラムを保存しました');
    const link = console.programme.getByRole('link', { name: /^発表する事例を見る/ });
    await link.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: picked }));

    const view = await admin.get<{ presentations: { caseId: string | null }[] }>(
      `/api/orgs/${cityId}/presentation-events/${opened.id}`,
    );
    expect(view.presentations[0]?.caseId).toMatch(/^[0-9a-f-]{36}$/);
    await admin.dispose();
  });

  test('英語でも参加でき、審査員の画面に採点の欄が並ぶ', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/presentation-events`, {
      title: `E2E English ${uniqueSuffix()}`,
      minutes: 3,
      criteria: ['Effect', 'Ingenuity'],
      presentations: [{ title: 'Shorter queues', presenter: 'Citizens desk' }],
    });
    const view = await admin.get<{ judgeKey: string; presentations: { id: string }[] }>(
      `/api/orgs/${cityId}/presentation-events/${opened.id}`,
    );
    const eventPath = `/api/orgs/${cityId}/presentation-events/${opened.id}`;
    await admin.patch(eventPath, { currentPresentationId: view.presentations[0]?.id });
    const { page } = await browser.open({ device: 'phone', language: 'en', bypassCSP: true });
    // The phone's clock is under the test's control, to reach the end of the presenter's time at once.
    await page.clock.install();
    await page.goto(`/w/${opened.code}?judge=${view.judgeKey}`);
    await expectValue(page.getByLabel(/^Judges’ key \(judges only\)/), view.judgeKey);
    await page.getByLabel(/^Nickname/).fill('Alex');
    await page.getByLabel(/^Position/).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expectText(page.getByText('You joined as Alex, a judge'), 'Alex');
    const scoring = page.getByRole('region', { name: 'Scoring', exact: true });
    await expectVisible(scoring.getByRole('group', { name: 'Ingenuity', exact: true }));
    await expectText(page.getByRole('timer').or(page.locator('[data-clock]')), '3:00 (not started)');
    await expectNoAxeViolations(page, 'presentation event judge phone (en)');
    await shoot(page, 'phone-judge-en');

    // The time runs out: the phone says so in words.
    await admin.patch(eventPath, { timer: 'start' });
    await admin.dispose();
    await expectText(page.getByRole('timer'), /^[23]:\d\d$/);
    await page.clock.fastForward('03:05');
    await expectText(page.locator('[data-clock="over"]'), 'Time is up');
    await shoot(page, 'phone-time-up-en', false);
  });
});
