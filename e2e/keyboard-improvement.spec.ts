import { beforeAll, describe, expect, test } from 'vitest';
import { tinyPng } from './fixtures/tiny-files.js';
import { CareerPage } from './pages/career.page.js';
import { CaseAttachmentsSection } from './pages/case-attachments.page.js';
import { CaseImportPage } from './pages/case-import.page.js';
import { CaseStatsPage } from './pages/case-stats.page.js';
import { CaseDetailPage, CaseFormPage, CaseSearchPage } from './pages/cases.page.js';
import { PlanEditor, PlanPage, PlansListPage } from './pages/plans.page.js';
import { EventConsolePage, EventPhonePage } from './pages/presentation-event.page.js';
import { PublicCasePage, PublicCaseSearchPage } from './pages/public-cases.page.js';
import { ReportPage, ResultsPage } from './pages/results.page.js';
import { AnswerPage, RoundNewPage, RoundPage, RoundsPage } from './pages/rounds.page.js';
import { SceneGridPage } from './pages/scene-grid.page.js';
import { WorkshopConsolePage, WorkshopJoinPage, WorkshopsPage } from './pages/workshop.page.js';
import { apiAs, createMember, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueEmail, uniqueSuffix } from './support/demo.js';
import { expectCount, expectHidden, expectPath, expectText, expectVisible } from './support/expect.js';
import {
  checkRadioByKeys,
  chooseByKeys,
  pressEnterOn,
  pressSpaceOn,
  tabTo,
  typeDate,
  typeInto,
} from './support/keyboard.js';
import { field } from './support/locators.js';

// The journeys of the improvement work, each done once with the keyboard alone: answering a round,
// reading results, reporting and approving a case, finding one, adding photos, statistics, a live
// workshop, a presentation event, an action plan and the career map. No click, no fill(); a file is
// chosen in the dialog the keyboard opens.

const demoRound = { closed: '2026年度 上期 職場の立ち位置チェック', open: '2026年度 下期 職場の立ち位置チェック' };

/** A sheet of two items, brought by this spec so its round depends on no other. */
function sheetYaml(key: string, title: string): string {
  const item = (itemKey: string, itemTitle: string) => `      - key: ${itemKey}
        title: ${itemTitle}
        question: ${itemTitle}について、今の職場に近いものを選んでください。
        levels:
          - label: 個人任せ
            descriptor: 職場として取り組んでいない。
          - label: 始まっている
            descriptor: 一部の人が取り組み始めている。
          - label: 定着している
            descriptor: 全員が定期的に取り組んでいる。`;
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
${item('goals', '目標の共有')}
${item('learning', '学び合い')}
`;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());

describe('キーボードだけの操作（改善の取り組み）', () => {
  const browser = useBrowser();
  let cityId = '';
  let sheetTitle = '';

  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      cityId = await admin.orgId(DEMO_CITY);
      const suffix = uniqueSuffix();
      sheetTitle = `鍵盤で答えるシート ${suffix}`;
      await admin.post(`/api/orgs/${cityId}/sheet-templates/import`, {
        format: 'yaml',
        text: sheetYaml(`e2e-keyboard-${suffix}`, sheetTitle),
      });
    } finally {
      await admin.dispose();
    }
  });

  /** A colleague of one's own, so the demo staff member's plans and career map stay as other specs expect. */
  async function newColleague(label: string) {
    const person = {
      email: uniqueEmail(label),
      displayName: `鍵盤 ${label} ${uniqueSuffix().slice(-4)}`,
      password: 'keyboard-only-2026',
      role: 'staff' as const,
    };
    const admin = await apiAs(demo.orgAdmin.email);
    try {
      await createMember(admin, cityId, person);
    } finally {
      await admin.dispose();
    }
    return person;
  }

  test('組織管理者がキーボードだけで実施を作り、職員がキーボードだけで全項目に答えて提出する', async () => {
    const manager = await browser.open();
    await logInContext(manager.context, demo.orgAdmin.email);
    const rounds = new RoundsPage(manager.page);
    await rounds.goto(cityId);
    await pressEnterOn(manager.page, rounds.newButton);
    const form = new RoundNewPage(manager.page);
    await expectVisible(form.heading);
    const title = `鍵盤で答える実施 ${uniqueSuffix()}`;
    await typeInto(manager.page, field(form.form, '実施名'), title);
    await chooseByKeys(manager.page, field(form.form, 'シート'), sheetTitle, 5);
    await pressEnterOn(manager.page, manager.page.getByRole('button', { name: '実施を作成する', exact: true }), 30);
    const round = new RoundPage(manager.page);
    await expectVisible(round.heading(title));
    const roundId = new URL(manager.page.url()).pathname.split('/').pop() ?? '';

    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const answer = new AnswerPage(page);
    await answer.goto(cityId, roundId);
    await expectText(answer.progress, '0 / 2 項目に回答済み');
    await answer.changeAndWaitForSave(() => checkRadioByKeys(page, answer.level('目標の共有', 2)));
    await answer.changeAndWaitForSave(() => checkRadioByKeys(page, answer.level('学び合い', 3)));
    await expectText(answer.progress, '2 / 2 項目に回答済み');
    await pressEnterOn(page, answer.submitButton);
    await expectVisible(answer.done);
  });

  test('組織管理者がキーボードだけで結果を部署で絞り込み、印刷用レポートを開く', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const admin = await apiAs(demo.orgAdmin.email);
    const list = await admin.get<{ id: string; title: string }[]>(`/api/orgs/${cityId}/rounds`);
    await admin.dispose();
    const roundId = list.find((r) => r.title === demoRound.closed)?.id ?? '';
    const results = new ResultsPage(page);
    await results.goto(cityId, roundId, demoRound.closed);
    await chooseByKeys(page, field(results.filters, '部署'), '窓口係');
    await expectText(results.radar, '窓口係の中央値');
    await pressEnterOn(page, results.downloads.getByRole('link', { name: '印刷用レポート', exact: true }), 120);
    const report = new ReportPage(page);
    await expectVisible(page.getByRole('heading', { level: 1, name: demoRound.closed, exact: true }));
    await expectVisible(report.printButton);
    await expectText(page.getByRole('main'), '窓口係');
  });

  test('職員がキーボードだけで事例を報告して提出し、所属長がキーボードだけで承認する', async () => {
    const staff = await browser.open();
    await logInContext(staff.context, demo.staff.email);
    const search = new CaseSearchPage(staff.page);
    await search.goto(cityId);
    await pressEnterOn(staff.page, search.report);
    const form = new CaseFormPage(staff.page);
    await form.waitUntilLoaded();
    const title = `鍵盤で報告した窓口の改善 ${uniqueSuffix()}`;
    const page = staff.page;
    await typeInto(page, form.title, title);
    await typeInto(page, form.problem, '申請書の記入例が分かりにくく、書き直しが多かった。');
    await typeInto(page, form.action, '記入例を大きな字で作り直し、記載台に掲示した。');
    await typeInto(page, form.result, '書き直しが半分になった。');
    await checkRadioByKeys(page, form.scene('職場 × 改善'));
    await pressEnterOn(page, form.saveDraft, 120);
    const detail = new CaseDetailPage(page);
    await expectVisible(detail.heading(title));
    const caseId = detail.caseId();
    await pressEnterOn(page, detail.button('提出する'));
    await expectVisible(detail.status('提出済み（確認待ち）'));

    const manager = await browser.open();
    await logInContext(manager.context, demo.manager.email);
    const review = new CaseDetailPage(manager.page);
    await review.goto(cityId, caseId, title);
    await pressEnterOn(manager.page, review.button('承認する'));
    const dialog = review.dialog('事例を承認する');
    await expectVisible(dialog);
    await typeInto(manager.page, field(dialog, '所属長の意見'), '記載台の改善は他の窓口にも広げたい。', 5);
    await pressEnterOn(manager.page, dialog.getByRole('button', { name: '承認する', exact: true }), 5);
    await expectHidden(dialog);
    await expectVisible(review.status('承認済み'));
  });

  test('ログインしない人がキーボードだけで公開事例を探して開き、検索に戻る', async () => {
    const { page } = await browser.open();
    const search = new PublicCaseSearchPage(page);
    await search.goto();
    await typeInto(page, search.query, '窓口');
    await page.keyboard.press('Enter');
    const hit = search.hit('窓口の呼出し番号をスマホで確認できるように');
    await expectVisible(hit);
    await pressEnterOn(page, hit, 80);
    const opened = new PublicCasePage(page);
    await expectVisible(opened.heading('窓口の呼出し番号をスマホで確認できるように'));
    await pressEnterOn(page, opened.back, 80);
    await expectVisible(search.heading);
  });

  test('報告者がキーボードだけで写真を選んで事例に載せる', async () => {
    const staffApi = await apiAs(demo.staff.email);
    const title = `鍵盤で写真を載せる事例 ${uniqueSuffix()}`;
    const created = await staffApi.post<{ id: string }>(`/api/orgs/${cityId}/cases`, {
      title,
      problem: '掲示物が古くなっていた。',
      action: '掲示物を作り直した。',
      result: '問い合わせが減った。',
      happenedOn: today(),
    });
    await staffApi.dispose();
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    await new CaseDetailPage(page).goto(cityId, created.id, title);
    const attachments = new CaseAttachmentsSection(page);
    // Enter on the file field opens the system's file dialog; the file is chosen there.
    const chooser = page.waitForEvent('filechooser');
    await pressSpaceOn(page, attachments.file, 80);
    await (await chooser).setFiles({
      name: 'after.png',
      mimeType: 'image/png',
      buffer: tinyPng(120, 80, [40, 120, 60], [200, 240, 210]),
    });
    await chooseByKeys(page, attachments.role, '改善後の写真', 3);
    await pressEnterOn(page, attachments.upload, 5);
    await expectVisible(attachments.side('改善後').getByRole('img'));
  });

  test('組織管理者がキーボードだけで事例の一覧（CSV）を選んで確かめ、下書きとして取り込む', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const importPage = new CaseImportPage(page);
    await importPage.goto(cityId);
    const title = `鍵盤で取り込んだ事例 ${uniqueSuffix()}`;
    const csv = ['件名,実施日,分野', `${title},2026-05-01,窓口`].join('\r\n');
    const chooser = page.waitForEvent('filechooser');
    await pressSpaceOn(page, importPage.file, 80);
    await (await chooser).setFiles({ name: '事例一覧.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await pressEnterOn(page, importPage.read, 5);
    await expectText(importPage.previewTable, title);
    await pressEnterOn(page, importPage.checkAll, 120);
    await expectVisible(importPage.allFine);
    await checkRadioByKeys(page, importPage.status('下書きにする'), 20);
    await pressEnterOn(page, importPage.commit, 20);
    await expectText(importPage.summary, '取り込んだ事例：1件');
  });

  test('組織管理者がキーボードだけで12場面の名前を変え、既定に戻す', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const grid = new SceneGridPage(page);
    await grid.goto(cityId);
    try {
      await typeInto(page, grid.japaneseName('革新'), '変革', 120);
      await pressEnterOn(page, grid.save, 120);
      await expectVisible(grid.toast());
      await expectVisible(grid.levelHeader('変革'));
      await pressEnterOn(page, grid.entry('革新').getByRole('button', { name: '既定に戻す：革新', exact: true }), 120);
      await pressEnterOn(page, grid.save, 120);
      await expectVisible(grid.levelHeader('革新'));
    } finally {
      // Whatever failed, the other specs find the default names.
      const admin = await apiAs(demo.orgAdmin.email);
      await admin.http.put(`/api/orgs/${cityId}/scene-grid`, {
        data: { levels: { innovation: { ja: '革新', en: 'Innovation' } } },
      });
      await admin.dispose();
    }
  });

  test('職員がキーボードだけで事例の統計の年度を切り替える', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    const stats = new CaseStatsPage(page);
    await stats.goto(cityId);
    const years = (await stats.yearSelect.locator('option').allInnerTexts()).map((y) => y.trim());
    const previous = years[1];
    if (!previous) throw new Error('The statistics offer only one fiscal year.');
    await chooseByKeys(page, stats.yearSelect, previous);
    await stats.waitForYear(previous);
  });

  test('ファシリテーターがキーボードだけでワークショップを開き、参加者はキーボードだけで参加して答え、最後はロックする', async () => {
    const facilitator = await browser.open();
    await logInContext(facilitator.context, demo.orgAdmin.email);
    const page = facilitator.page;
    const list = new WorkshopsPage(page);
    await list.goto(cityId);
    const title = `鍵盤ワークショップ ${uniqueSuffix()}`;
    await chooseByKeys(page, field(list.form, 'もとにする実施'), demoRound.open, 80);
    await typeInto(page, field(list.form, 'ワークショップ名'), title, 5);
    await checkRadioByKeys(page, list.form.getByRole('radio', { name: '職位別', exact: true }), 5);
    await pressEnterOn(page, list.form.getByRole('button', { name: 'ワークショップを開く', exact: true }), 10);
    const console = new WorkshopConsolePage(page);
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    const code = await console.code();

    const phone = await browser.open({ device: 'phone' });
    await phone.page.goto('/w');
    await typeInto(phone.page, phone.page.getByLabel(/^参加コード/), code);
    await phone.page.keyboard.press('Enter');
    await expectPath(phone.page, `/w/${code}`);
    await typeInto(phone.page, field(phone.page, 'ニックネーム'), '鍵盤さん');
    await chooseByKeys(phone.page, field(phone.page, '職位'), '職員', 3);
    await pressEnterOn(phone.page, phone.page.getByRole('button', { name: '参加する', exact: true }), 5);
    await expectText(phone.page.getByText('鍵盤さんさんとして参加しています'), '鍵盤さん');
    const participant = new WorkshopJoinPage(phone.page);
    const card = participant.card('めざす姿と目標の共有');
    await checkRadioByKeys(phone.page, card.getByRole('radio', { name: /^段階2 / }));
    await expectText(card.getByRole('status'), '保存しました');
    // The demo round is anonymous: the console tells how many answered, not who.
    await expectText(console.progress, 'この項目の回答は1人です。');

    await pressSpaceOn(page, console.spread.getByRole('checkbox', { name: '参加者に分布を見せる' }), 80);
    await pressEnterOn(page, console.lock.getByRole('button', { name: 'ロックする', exact: true }), 80);
    const dialog = page.getByRole('dialog', { name: 'ワークショップをロックしますか？' });
    await pressEnterOn(page, dialog.getByRole('button', { name: 'ロックする', exact: true }), 5);
    await expectText(console.lock, 'このワークショップはロックされています。');
  });

  test('審査員と会場の人がキーボードだけで事例発表会に参加し、採点・コメント・投票をする', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const title = `鍵盤の事例発表会 ${uniqueSuffix()}`;
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/presentation-events`, {
      title,
      minutes: 5,
      criteria: ['効果', '創意工夫'],
      presentations: [
        { title: '窓口の待ち時間を半分に', presenter: '市民課 窓口係' },
        { title: '紙の申請をオンラインへ', presenter: '情報政策課' },
      ],
    });
    const { judgeKey } = await admin.get<{ judgeKey: string }>(`/api/orgs/${cityId}/presentation-events/${opened.id}`);
    await admin.dispose();

    const facilitator = await browser.open();
    await logInContext(facilitator.context, demo.orgAdmin.email);
    await facilitator.page.goto(`/orgs/${cityId}/presentation-events/${opened.id}`);
    const console = new EventConsolePage(facilitator.page);
    await expectVisible(facilitator.page.getByRole('heading', { level: 1, name: title }));

    const join = async (path: string, nickname: string) => {
      const phone = await browser.open({ device: 'phone' });
      await phone.page.goto(path);
      await typeInto(phone.page, field(phone.page, 'ニックネーム'), nickname);
      await chooseByKeys(phone.page, field(phone.page, '職位'), '職員', 3);
      await pressEnterOn(phone.page, phone.page.getByRole('button', { name: '参加する', exact: true }), 5);
      await expectText(phone.page.getByText(`${nickname}さんとして`), nickname);
      return new EventPhonePage(phone.page);
    };
    const judge = await join(`/w/${opened.code}?judge=${judgeKey}`, '審査 鍵盤');
    const audience = await join(`/w/${opened.code}`, '会場 鍵盤');

    await pressEnterOn(facilitator.page, console.button('最初の発表へ'), 80);
    await expectText(console.stage, '窓口の待ち時間を半分に');

    const first = '窓口の待ち時間を半分に';
    await pressEnterOn(
      judge.page,
      judge.scoring
        .getByRole('listitem')
        .filter({ hasText: first })
        .getByRole('button', { name: /^採点する/ }),
      80,
    );
    const scoreForm = judge.scoring.getByRole('form', { name: `「${first}」の採点` });
    for (const [criterion, point] of [
      ['効果', '5'],
      ['創意工夫', '4'],
    ] as const) {
      await checkRadioByKeys(
        judge.page,
        scoreForm.getByRole('group', { name: criterion, exact: true }).getByRole('radio', { name: point, exact: true }),
      );
    }
    await pressEnterOn(judge.page, scoreForm.getByRole('button', { name: '保存', exact: true }), 10);
    await expectText(scoreForm.getByRole('status'), '保存しました');

    await typeInto(audience.page, field(audience.commentForm, 'コメント'), '記入例の工夫が参考になりました', 80);
    await pressEnterOn(audience.page, audience.commentForm.getByRole('button', { name: '投稿する', exact: true }), 5);
    await expectText(audience.commentForm.getByRole('status'), '投稿しました');
    await expectText(console.comment('記入例の工夫が参考になりました'), '会場 鍵盤');

    await pressEnterOn(facilitator.page, console.button('投票を始める'), 80);
    await checkRadioByKeys(audience.page, audience.vote.getByRole('radio', { name: new RegExp(first) }), 80);
    await pressEnterOn(audience.page, audience.vote.getByRole('button', { name: '投票', exact: true }), 10);
    await expectText(audience.vote.getByRole('status'), '投票しました');
    await expectText(console.count('voted'), '1人');
  });

  test('職員がキーボードだけでアクションプランを作り、時点版として保存する', async () => {
    const person = await newColleague('plan');
    const { context, page } = await browser.open();
    await logInContext(context, person.email, person.password);
    const plans = new PlansListPage(page);
    await plans.goto(cityId);
    await pressEnterOn(page, plans.newPlan);
    await expectVisible(page.getByRole('heading', { level: 1, name: '新しいプラン', exact: true }));
    const title = `鍵盤で作るプラン ${uniqueSuffix()}`;
    await typeInto(page, field(page, 'プランの名前'), title);
    await typeInto(page, field(page, 'ゴール'), '窓口の待ち時間を減らす', 5);
    await checkRadioByKeys(page, page.getByRole('radio', { name: /^守り/ }), 5);
    await typeDate(page, field(page, '開始日'), today(), 5);
    await pressEnterOn(page, page.getByRole('button', { name: '手順を追加する', exact: true }), 10);
    const step = new PlanEditor(page).step(1);
    await expectVisible(step);
    await typeInto(page, field(step, '何をするか'), '待ち時間を1週間はかる', 5);
    await pressEnterOn(page, page.getByRole('button', { name: '下書きとして保存する', exact: true }), 80);
    const plan = new PlanPage(page);
    await expectVisible(plan.heading(title));

    await pressEnterOn(page, plan.freezePanel.getByRole('button', { name: '時点版として保存', exact: true }), 80);
    const dialog = page.getByRole('dialog', { name: /時点版）として保存しますか？$/ });
    await expectVisible(dialog);
    await typeInto(page, field(dialog, 'メモ（いつ・どこで発表したか）'), '係会で発表', 5);
    await pressEnterOn(page, dialog.getByRole('button', { name: '時点版として保存する', exact: true }), 5);
    await expectHidden(dialog);
    await expectText(plan.versions, '第1版');
  });

  test('職員がキーボードだけでキャリアマップに記録を加え、ナビゲーターと共有する', async () => {
    const person = await newColleague('career');
    const { context, page } = await browser.open();
    await logInContext(context, person.email, person.password);
    const career = new CareerPage(page);
    await career.goto();
    await pressEnterOn(page, career.addButton, 80);
    await expectVisible(career.dialog.getByRole('heading', { name: '記録を追加' }));
    const title = `鍵盤で記録した勉強会 ${uniqueSuffix()}`;
    await chooseByKeys(page, field(career.dialog, '種別'), '越境活動', 5);
    await typeInto(page, field(career.dialog, '件名'), title, 5);
    await typeDate(page, field(career.dialog, '開始日'), today(), 5);
    await checkRadioByKeys(page, career.dialog.getByRole('radio', { name: '地域 × 改善', exact: true }), 10);
    await pressEnterOn(page, career.dialog.getByRole('button', { name: '追加する', exact: true }), 20);
    await expectHidden(career.dialog);
    await expectVisible(career.item(title));

    await pressSpaceOn(page, career.sharing.getByRole('checkbox', { name: new RegExp(`^${demo.navigator.name}`) }), 80);
    await pressEnterOn(page, career.sharing.getByRole('button', { name: '共有の設定を保存', exact: true }), 5);
    await expectText(career.sharing, `共有中：${demo.navigator.name}`);
    expect(await career.sharing.getByRole('checkbox').count()).toBeGreaterThan(0);
  });

  test('英語の画面でも、キーボードだけで事例を探せる', async () => {
    const { context, page } = await browser.open({ language: 'en' });
    await logInContext(context, demo.staff.email);
    await page.goto(`/orgs/${cityId}/cases`);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Kaizen cases', exact: true }));
    await typeInto(page, field(page, 'Keywords'), '窓口');
    await page.keyboard.press('Enter');
    await expectCount(
      page
        .getByRole('region', { name: /^Search results/ })
        .getByRole('link')
        .first(),
      1,
    );
    await tabTo(
      page,
      page
        .getByRole('region', { name: /^Search results/ })
        .getByRole('link')
        .first(),
      80,
    );
  });
});
