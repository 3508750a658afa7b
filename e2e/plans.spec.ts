import { describe, expect, test } from 'vitest';
import { FollowupPage, PlanEditor, PlanPage, PlansListPage } from './pages/plans.page.js';
import { anonymousApi, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectPath, expectText, expectVisible } from './support/expect.js';
import { field } from './support/locators.js';
import { expectA4, expectNoPdfText, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';

// A demo round of the city, on which a workshop can be opened.
const demoRound = '2026年度 下期 職場の立ち位置チェック';

/** A day in Japan, `days` from today, as date inputs and the API write it. */
function dayFromToday(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(date);
}

/** The same day `months` later, clamped to the month's end (as the server schedules follow-ups). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

describe('アクションプラン', () => {
  const browser = useBrowser();

  test('職員がプランを作り、時点版にし、フォローアップで見直して第2版にし、版を比べ、完成版にする', async () => {
    const staff = await apiAs(demo.staff.email);
    const cityId = await staff.orgId(DEMO_CITY);
    await staff.dispose();
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.staff.email);

    const list = new PlansListPage(page);
    await list.goto(cityId);
    await expectVisible(page.getByRole('navigation').getByRole('link', { name: 'アクションプラン', exact: true }));
    await expectNoAxeViolations(page, 'plan list');
    await list.newPlan.click();
    await expectVisible(page.getByRole('heading', { level: 1, name: '新しいプラン', exact: true }));

    // Three steps; the second is due before the plan starts.
    const title = `E2E 窓口の待ち時間を減らす ${uniqueSuffix()}`;
    const today = dayFromToday(0);
    const editor = new PlanEditor(page);
    await editor.fillBasics({ title, goal: '5年後に、自分の市で改善をリードする', aim: '守り', startsOn: today });
    await editor.addStep(1, { text: '待ち時間を1週間はかる', owner: '窓口係', dueOn: dayFromToday(30) });
    const second = await editor.addStep(2, { text: '係で結果を話し合う', owner: '係長', dueOn: dayFromToday(-10) });
    await editor.addStep(3, { text: '番号札の案内を変える', dueOn: dayFromToday(90) });
    await second.getByRole('checkbox', { name: '手順1', exact: true }).check();
    await editor.involve('上司', '係長に毎月の進み具合を共有する');
    await editor.scene('職場 × 改善');
    await expectNoAxeViolations(page, 'plan editor');
    await saveScreenshot(page, 'plan-editor');
    await editor.save('下書きとして保存する');

    // The server refuses the date, at the second step's row; nothing was created.
    const dueField = field(second, '期日');
    await expectText(second, '期日がプランの開始日より前です。');
    expect(await dueField.getAttribute('aria-invalid')).toBe('true');
    await expectText(page.getByRole('heading', { level: 2, name: /件の入力を確認してください$/ }), '1件');
    await expectNoAxeViolations(page, 'plan editor with an error');
    await dueField.fill(dayFromToday(60));
    await editor.save('下書きとして保存する');

    const plan = new PlanPage(page);
    await expectVisible(plan.heading(title));
    await expectPath(page, new RegExp(`^/orgs/${cityId}/plans/[0-9a-f-]+$`));
    const planPath = new URL(page.url()).pathname;
    await expectText(page.getByRole('region', { name: '現在の下書き' }), '係で結果を話し合う');
    await expectNoAxeViolations(page, 'plan page (draft)');

    // Presented: frozen as 時点版; the follow-ups after 6 and 12 months are scheduled.
    await plan.freezeSnapshot('第6回 発表会');
    await expectText(plan.versions, '第1版');
    await expectText(plan.versions, '第6回 発表会');
    await expectText(plan.followups, '1回目（6か月後）');
    await expectText(plan.followups, '2回目（12か月後）');
    await expectVisible(plan.followups.locator(`time[datetime="${addMonths(today, 6)}"]`));
    await expectVisible(plan.followups.locator(`time[datetime="${addMonths(today, 12)}"]`));
    await saveScreenshot(page, 'plan-presented');
    await expectNoAxeViolations(page, 'plan page (presented, with follow-ups and versions)');

    // The first follow-up: one step sustained, one abandoned, a new step in the revision.
    await plan.followups.getByRole('link', { name: '1回目のフォローアップを記録する', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: /^フォローアップを記録する（1回目/ }));
    const followup = new FollowupPage(page);
    await followup.review({
      happened: '待ち時間をはかり、係で共有した。',
      gap: '話し合いの時間がとれなかった。',
      note: '話し合いはやめ、朝会で1分共有する。',
    });
    await followup.outcome(1, '定着');
    await followup.outcome(2, '中止');
    await followup.revised.addStep(4, { text: '朝会で待ち時間を1分共有する', owner: '窓口係' });
    await expectNoAxeViolations(page, 'follow-up form');
    await saveScreenshot(page, 'plan-followup');
    await page.getByRole('button', { name: '記録して第2版として保存する', exact: true }).click();

    await expectVisible(plan.heading(title));
    await expectText(plan.versions, '第2版');
    await expectText(plan.versions, '改訂版');
    await expectText(plan.followups, '記録済み');
    await expectText(page.getByRole('region', { name: '現在の下書き' }), '朝会で待ち時間を1分共有する');

    // Versions 1 and 2 side by side: the new step added, the abandoned step's status changed.
    await plan.versions.getByRole('link', { name: '第1版と第2版を比べる', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: '版を比べる', exact: true }));
    const table = page.getByRole('table', { name: '第1版と第2版の比較' });
    const added = table.getByRole('row', { name: /^手順4/ });
    await expectText(added, '追加');
    const abandoned = table.getByRole('row', { name: /^手順2/ });
    await expectText(abandoned, '変更（状況）');
    await expectText(abandoned, '中止');
    await expectText(table.getByRole('row', { name: /^ねらい/ }), '変更なし');
    await expectNoAxeViolations(page, 'compare page');
    await saveScreenshot(page, 'plan-compare');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'plan-compare-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Version 1 stays readable at its own address, and prints on A4.
    await page.goto(`${planPath}/versions/1`);
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    await expectText(page.getByText('第1版（時点版）'), '第1版');
    await expectText(page.locator('main'), '係で結果を話し合う');
    await expectNoAxeViolations(page, 'version page');
    const printed = await printToPdf(page, 'plan-version-1');
    await page.emulateMedia({ media: 'screen' });
    expectA4(printed, 'portrait');
    expectPageCount(printed, [1, 2]);
    expectPdfText(printed, [title, '第1版（時点版）', '係で結果を話し合う']);
    expectNoPdfText(printed, ['印刷する（A4）']);

    // The 完成版 ends the plan: the follow-ups end, the editor is read-only and says why.
    await page.goto(planPath);
    const finalDialog = await plan.makeFinal();
    await expectText(finalDialog, '残りのフォローアップも行いません');
    await finalDialog.getByRole('button', { name: '完成版にする', exact: true }).click();
    await expectText(page.getByRole('status').filter({ hasText: '完成版にしました' }), '完成版にしました');
    await expectText(plan.versions, '第3版');
    await expectText(plan.followups, '取りやめ');
    await expectCount(page.getByRole('link', { name: '下書きを編集する', exact: true }), 0);
    await page.goto(`${planPath}/edit`);
    await expectText(page.getByRole('status').filter({ hasText: 'このプランは完成版です' }), '内容の変更');
    await expectCount(field(page, 'プランの名前'), 0);
    await expectNoAxeViolations(page, 'editor of a final plan');
    await saveScreenshot(page, 'plan-final-editor');
  });

  test('ナビゲーターと共有すると、ナビゲーターの一覧に出て、コメントできる', async () => {
    const staff = await apiAs(demo.staff.email);
    const cityId = await staff.orgId(DEMO_CITY);
    const title = `E2E 共有するプラン ${uniqueSuffix()}`;
    const created = await staff.post<{ id: string }>(`/api/orgs/${cityId}/plans`, {
      content: { title, goal: '窓口の改善を係で続ける', aim: 'offense', startsOn: dayFromToday(0) },
    });
    await staff.dispose();

    // The owner shares it with the navigator from the editor.
    const owner = await browser.open({ bypassCSP: true });
    await logInContext(owner.context, demo.staff.email);
    await owner.page.goto(`/orgs/${cityId}/plans/${created.id}/edit`);
    const editor = new PlanEditor(owner.page);
    await editor.visibility('ナビゲーターと共有', demo.navigator.name);
    await editor.save('下書きを保存する');
    const ownerPlan = new PlanPage(owner.page);
    await expectVisible(ownerPlan.heading(title));
    await expectText(owner.page.locator('.page-header'), demo.navigator.name);

    // The navigator finds it among the plans shared with them, on a phone, and comments.
    const phone = await browser.open({ device: 'phone', bypassCSP: true });
    await logInContext(phone.context, demo.navigator.email);
    const list = new PlansListPage(phone.page);
    await list.goto(cityId);
    await expectVisible(list.facilitated.getByRole('link', { name: title, exact: true }));
    await expectNoAxeViolations(phone.page, 'plan list of a facilitator');
    await saveScreenshot(phone.page, 'plans-facilitator-phone');
    await list.facilitated.getByRole('link', { name: title, exact: true }).click();
    await expectPath(phone.page, `/facilitated-plans/${created.id}`);
    const shared = new PlanPage(phone.page);
    await expectVisible(shared.heading(title));
    await expectCount(phone.page.getByRole('link', { name: '下書きを編集する', exact: true }), 0);
    await shared.comment('ゴールがよいですね。上司への共有の仕方も書いてみましょう。');
    await expectText(shared.comments, 'ゴールがよいですね。');
    await expectText(shared.comments, demo.navigator.name);
    await expectNoAxeViolations(phone.page, 'facilitated plan page');
    await saveScreenshot(phone.page, 'plan-facilitated-phone');

    // Once presented, the navigator reads the frozen version too.
    const presenter = await apiAs(demo.staff.email);
    await presenter.post(`/api/orgs/${cityId}/plans/${created.id}/versions`, { kind: 'snapshot', note: '面談の前に' });
    await presenter.dispose();
    await phone.page.reload();
    await phone.page.getByRole('link', { name: '第1版', exact: true }).click();
    await expectPath(phone.page, `/facilitated-plans/${created.id}/versions/1`);
    await expectText(phone.page.locator('.plan-view__facts').first(), '面談の前に');
    await expectNoAxeViolations(phone.page, 'facilitated plan version');
    await phone.page.goBack();

    // The owner reads the comment on the plan.
    await owner.page.reload();
    await expectText(ownerPlan.comments, 'ゴールがよいですね。');
  });

  test('ワークショップのまとめから、グループの次の一手がチームのプランになる', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const rounds = await admin.get<{ id: string; title: string }[]>(`/api/orgs/${cityId}/rounds`);
    const title = `E2E プランになるワークショップ ${uniqueSuffix()}`;
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/workshops`, {
      roundId: rounds.find((r) => r.title === demoRound)?.id,
      title,
      grouping: 'assigned',
      groupNames: ['A班', 'B班'],
    });
    const view = await admin.get<{ items: { key: string; title: string }[]; groups: { id: string; name: string }[] }>(
      `/api/orgs/${cityId}/workshops/${opened.id}`,
    );
    const first = view.items[0];
    const person = await anonymousApi();
    await person.post('/api/workshops/join', { code: opened.code, nickname: '一', position: 'staff' });
    await person.dispose();
    const saved = await admin.http.put(`/api/orgs/${cityId}/workshops/${opened.id}/notes`, {
      data: {
        scope: view.groups[0]?.id,
        itemKey: first?.key,
        notes: '目標は掲示しているが話題にならない。',
        nextMove: '朝会で目標に触れる時間を1分とる。',
        agreedLevel: 2,
        agreedReason: '示されてはいるが、共有まではしていない。',
      },
    });
    expect(saved.status()).toBe(200);
    await admin.dispose();

    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/workshops/${opened.id}/summary`);
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    const drafts = page.getByRole('region', { name: 'グループの次の一手（行動計画の下書き）' });
    await expectText(drafts, '朝会で目標に触れる時間を1分とる。');
    const toPlan = drafts.getByRole('button', { name: 'A班の次の一手をチームのプランにする', exact: true });
    await expectNoAxeViolations(page, 'workshop summary with plan buttons');
    await toPlan.click();

    await expectPath(page, new RegExp(`^/orgs/${cityId}/plans/[0-9a-f-]+$`));
    await expectText(page.locator('.page-header'), 'チーム');
    await expectText(page.getByRole('region', { name: '現在の下書き' }), '朝会で目標に触れる時間を1分とる。');
    await expectText(page.locator('main'), title);
    await expectNoAxeViolations(page, 'team plan from a workshop');
    await saveScreenshot(page, 'plan-from-workshop');
  });
});
