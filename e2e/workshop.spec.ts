import { describe, expect, test } from 'vitest';
import { LoginPage } from './pages/login.page.js';
import { WorkshopConsolePage, WorkshopJoinPage, WorkshopsPage } from './pages/workshop.page.js';
import { anonymousApi, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectPath, expectText, expectVisible } from './support/expect.js';
import { chooseOption, field, selectedOptionText } from './support/locators.js';
import { expectA4, expectNoPdfText, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';

// A demo round of the city; its anonymity threshold k is 3, so three people make a spread visible.
const demoRound = '2026年度 下期 職場の立ち位置チェック';
const k = 3;

interface View {
  items: { key: string; title: string; levels: { label: string }[] }[];
}

describe('ワークショップ', () => {
  const browser = useBrowser();

  test('ファシリテーターが開き、参加者がスマートフォンで回答し、分布・記録・投票・ロックまで進む', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);

    // The facilitator opens a workshop on the demo round from the list page.
    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    const list = new WorkshopsPage(page);
    await list.goto(cityId);
    await expectVisible(page.getByRole('navigation').getByRole('link', { name: 'ワークショップ', exact: true }));
    const title = `E2E ワークショップ ${uniqueSuffix()}`;
    await list.create({ round: demoRound, title, grouping: '職位別' });
    await expectPath(page, new RegExp(`^/orgs/${cityId}/workshops/[0-9a-f-]+$`));
    const workshopId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const console = new WorkshopConsolePage(page);
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    const code = await console.code();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await expectVisible(console.join.getByRole('img', { name: /参加用のアドレス .*\/w\/[A-Z0-9]{6} のQRコード/ }));

    const view = await admin.get<View>(`/api/orgs/${cityId}/workshops/${workshopId}`);
    await admin.dispose();
    const first = view.items[0];
    if (!first) throw new Error('The demo round has no items.');
    const chosenLevel = `段階2 ${first.levels[1]?.label ?? ''}`;
    await expectText(console.item, first.title);
    await expectText(console.overall(), `${k}人未満のため表示しません`);
    await expectNoAxeViolations(page, 'workshop console');

    // Three people join by code on phones, in separate browsers.
    const people = [];
    for (let i = 0; i < k; i += 1) {
      const phone = await browser.open({ device: 'phone', bypassCSP: true });
      await phone.page.setViewportSize({ width: 375, height: 812 });
      await phone.page.goto('/w');
      await expectVisible(phone.page.getByRole('heading', { level: 1, name: 'ワークショップに参加する' }));
      // Typed as people do from a projector: lower case, with a space.
      await phone.page
        .getByLabel(/^参加コード/)
        .fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
      await phone.page.getByRole('button', { name: '次へ', exact: true }).click();
      await expectPath(phone.page, `/w/${code}`);
      const joinPage = new WorkshopJoinPage(phone.page);
      await expectVisible(phone.page.getByRole('heading', { level: 1, name: title }));
      if (i === 0) {
        await expectNoAxeViolations(phone.page, 'workshop join page');
        await saveScreenshot(phone.page, 'workshop-join-phone');
      }
      await joinPage.join({ nickname: `参加者${i + 1}`, position: '職員' });
      await expectText(phone.page.getByText(`参加者${i + 1}さんとして参加しています`), `参加者${i + 1}`);
      people.push({ ...phone, joinPage });
    }
    await expectText(console.progress, `参加者 ${k}人`);

    // Each answers the first item; the console's spread appears live once k have answered.
    for (const [i, person] of people.entries()) {
      const card = person.joinPage.card(first.title);
      await expectText(card, '今話している項目');
      await card.getByRole('radio', { name: chosenLevel }).check();
      await expectText(card.getByRole('status'), '保存しました');
      if (i < k - 1) await expectText(console.overall(), `${k}人未満のため表示しません`);
    }
    await expectText(console.overall(), `回答 ${k}人`);
    await expectText(console.overall().getByRole('listitem').nth(1), `${k}人`);
    // The demo round is anonymous: nobody's own progress, only how many answered the item.
    await expectText(console.progress, 'だれが回答したかは表示しません');
    await expectText(console.progress, `この項目の回答は${k}人です。`);
    await saveScreenshot(page, 'workshop-console');

    // Revealed, the spread shows on the phones too.
    await console.spread.getByRole('checkbox', { name: '参加者に分布を見せる' }).check();
    const someone = people[0];
    if (!someone) throw new Error('Nobody joined.');
    await expectText(someone.joinPage.card(first.title).getByRole('region', { name: 'みんなの回答' }), `回答 ${k}人`);
    await expectNoAxeViolations(someone.page, 'workshop answer page');
    await saveScreenshot(someone.page, 'workshop-answer-phone', { fullPage: false });

    // Coming back on the same phone goes straight to answering, with the answer kept.
    await someone.page.reload();
    expect(await someone.joinPage.card(first.title).getByRole('radio', { name: chosenLevel }).isChecked()).toBe(true);

    // The facilitator records the discussion and the agreed level.
    await console.saveNote({
      notes: '窓口の混雑時の応援体制について話し合った。',
      nextMove: '毎週月曜に5分の朝会を試す。',
      level: chosenLevel,
      reason: '一部の係で始まっているが、全体には広がっていないため。',
    });
    await expectText(console.notes.getByRole('status'), '保存しました');

    // The closing poll: everyone votes, the result shows from k votes.
    await console.poll.getByRole('button', { name: '投票を始める', exact: true }).click();
    for (const person of people) {
      const poll = person.joinPage.poll();
      await poll.getByRole('radio', { name: first.title }).check();
      await expectText(poll.getByRole('status'), '投票しました');
    }
    await expectText(console.poll, `投票 ${k}票`);

    // Locking asks first; the phones then say so and stop taking answers.
    await console.lock.getByRole('button', { name: 'ロックする', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'ワークショップをロックしますか？' });
    await dialog.getByRole('button', { name: 'ロックする', exact: true }).click();
    await expectText(console.lock, 'このワークショップはロックされています。');
    await expectText(someone.page.getByRole('status').filter({ hasText: 'ロックされました' }), 'ロックされました');
    expect(await someone.joinPage.card(first.title).getByRole('radio').first().isDisabled()).toBe(true);
    await saveScreenshot(someone.page, 'workshop-locked-phone', { fullPage: false });

    // The projector view follows the same workshop.
    await page.goto(`/orgs/${cityId}/workshops/${workshopId}/present`);
    await expectVisible(page.getByRole('heading', { level: 1, name: first.title }));
    await saveScreenshot(page, 'workshop-present');
  });

  test('ファシリテーターが決めるグループでは、参加者をグループに移せる', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    await admin.dispose();
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const list = new WorkshopsPage(page);
    await list.goto(cityId);
    const title = `E2E グループ指定 ${uniqueSuffix()}`;
    await chooseOption(field(list.form, 'もとにする実施'), demoRound);
    await field(list.form, 'ワークショップ名').fill(title);
    await list.form.getByRole('radio', { name: 'ファシリテーターが決める', exact: true }).check();
    await field(list.form, 'グループ名').fill('窓口チーム\n企画チーム');
    await list.form.getByRole('button', { name: 'ワークショップを開く', exact: true }).click();
    const console = new WorkshopConsolePage(page);
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    const code = await console.code();

    const person = await anonymousApi();
    await person.post('/api/workshops/join', { code, nickname: 'はるか', position: 'staff' });
    await person.dispose();
    const select = console.progress.getByRole('combobox', { name: 'はるかさんのグループ' });
    await chooseOption(select, '企画チーム');
    await expectText(console.progress, 'はるか');
    await page.reload();
    expect(await selectedOptionText(console.progress.getByRole('combobox', { name: 'はるかさんのグループ' }))).toBe(
      '企画チーム',
    );
  });

  test('英語でもコードを入力して参加できる画面になっている', async () => {
    const { page } = await browser.open({ device: 'phone', language: 'en', bypassCSP: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/w');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Join a workshop' }));
    await page.getByLabel(/^Join code/).fill('ZZZ ZZZ');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expectText(page.getByRole('alert'), 'No workshop has this code');
    await expectNoAxeViolations(page, 'workshop code page (en)');
    await saveScreenshot(page, 'workshop-code-en-phone');
  });

  test('間違ったコードでは、その理由が表示される', async () => {
    const { page } = await browser.open({ device: 'phone' });
    await page.goto('/w/ZZZZZZ');
    await expectText(page.getByRole('alert'), 'コード');
    await expectVisible(page.getByRole('link', { name: '別のコードを入力する' }));
  });

  test('まとめのページに、分布・対話の記録・グループの次の一手・投票が並び、A4で印刷でき、CSVでも取り出せる', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const rounds = await admin.get<{ id: string; title: string }[]>(`/api/orgs/${cityId}/rounds`);
    const roundId = rounds.find((r) => r.title === demoRound)?.id;
    const title = `E2E まとめ ${uniqueSuffix()}`;
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/workshops`, {
      roundId,
      title,
      grouping: 'assigned',
      groupNames: ['A班', 'B班'],
    });
    const view = await admin.get<View & { groups: { id: string; name: string }[] }>(
      `/api/orgs/${cityId}/workshops/${opened.id}`,
    );
    const first = view.items[0];
    for (const nickname of ['一', '二', '三']) {
      const person = await anonymousApi();
      await person.post('/api/workshops/join', { code: opened.code, nickname, position: 'staff' });
      const answered = await person.http.put(`/api/workshops/${opened.id}/answers`, {
        data: { itemKey: first?.key, level: 2 },
      });
      expect(answered.status()).toBe(204);
      await person.dispose();
    }
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

    const { context, page } = await browser.open({ bypassCSP: true });
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/workshops/${opened.id}`);
    await page.getByRole('link', { name: 'まとめ（印刷・ダウンロード）', exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: title }));
    const drafts = page.getByRole('region', { name: 'グループの次の一手（行動計画の下書き）' });
    await expectText(drafts, 'A班');
    await expectText(drafts, '朝会で目標に触れる時間を1分とる。');
    const item = page.getByRole('region', { name: `1. ${first?.title}` });
    await expectText(item, '回答 3人');
    await expectText(item, '示されてはいるが、共有まではしていない。');
    await expectNoAxeViolations(page, 'workshop summary');
    await saveScreenshot(page, 'workshop-summary');

    const csv = await page.request.get(
      (await page.getByRole('link', { name: 'CSVでダウンロード', exact: true }).getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await csv.body()).toString('utf8')).toContain('朝会で目標に触れる時間を1分とる。');

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: '印刷する', exact: true }).isVisible()).resolves.toBe(false);
    const pdf = await printToPdf(page, 'workshop-summary-print');
    expectA4(pdf, 'portrait');
    // The drafts and the first item on page one, then about three items a page, the poll last:
    // five pages for the ten items of the demo sheet.
    expectPageCount(pdf, [4, 5]);
    expectPdfText(pdf, [title, '朝会で目標に触れる時間を1分とる。'], 1);
    expectPdfText(pdf, ['示されてはいるが、共有まではしていない。']);
    expectNoPdfText(pdf, ['CSVでダウンロード']);
    await admin.dispose();
  });

  test('テーブル別のワークショップでは、テーブル番号を選ばないと参加できず、選ぶとそのテーブルのグループに入る', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const rounds = await admin.get<{ id: string; title: string }[]>(`/api/orgs/${cityId}/rounds`);
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/workshops`, {
      roundId: rounds.find((r) => r.title === demoRound)?.id,
      title: `E2E テーブル ${uniqueSuffix()}`,
      grouping: 'table',
      tableCount: 5,
    });
    const phone = await browser.open({ device: 'phone' });
    await phone.page.goto(`/w/${opened.code}`);
    const table = field(phone.page, 'テーブル番号');
    await expectVisible(table);
    await field(phone.page, 'ニックネーム').fill('テーブルの人');
    await chooseOption(field(phone.page, '職位'), '職員');
    await phone.page.getByRole('button', { name: '参加する', exact: true }).click();
    await expectText(phone.page.getByText('テーブル番号を選んでください。').first(), 'テーブル番号を選んでください。');
    await chooseOption(table, '3');
    await phone.page.getByRole('button', { name: '参加する', exact: true }).click();
    await expectText(phone.page.getByText('テーブルの人さんとして参加しています'), 'テーブルの人');
    await expectNoAxeViolations(phone.page, 'workshop table join');
    const progress = await admin.get<{ participants: { nickname: string; groupId: string }[] }>(
      `/api/orgs/${cityId}/workshops/${opened.id}/progress`,
    );
    const view = await admin.get<{ groups: { id: string; name: string }[] }>(
      `/api/orgs/${cityId}/workshops/${opened.id}`,
    );
    const groupOf = progress.participants.find((p) => p.nickname === 'テーブルの人')?.groupId;
    expect(view.groups.find((g) => g.id === groupOf)?.name).toBe('3');
    await admin.dispose();
  });

  test('ログインした組織のメンバーだけのワークショップでは、ログインしてから参加し、二度目も同じ参加者になる', async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const cityId = await admin.orgId(DEMO_CITY);
    const rounds = await admin.get<{ id: string; title: string }[]>(`/api/orgs/${cityId}/rounds`);
    const opened = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/workshops`, {
      roundId: rounds.find((r) => r.title === demoRound)?.id,
      title: `E2E メンバー限定 ${uniqueSuffix()}`,
      grouping: 'position',
      requireAccount: true,
    });
    const phone = await browser.open({ device: 'phone' });
    await phone.page.goto(`/w/${opened.code}`);
    await expectText(phone.page.getByRole('status').or(phone.page.locator('.alert')).first(), 'ログインした人だけ');
    await expectCount(phone.page.getByRole('textbox', { name: /ニックネーム/ }), 0);
    await expectNoAxeViolations(phone.page, 'workshop join needs an account');
    await phone.page.getByRole('link', { name: 'ログインして参加する', exact: true }).click();
    await new LoginPage(phone.page).logIn(demo.staff.email);
    await expectPath(phone.page, `/w/${opened.code}`);
    await field(phone.page, 'ニックネーム').fill('メンバー');
    await chooseOption(field(phone.page, '職位'), '職員');
    await phone.page.getByRole('button', { name: '参加する', exact: true }).click();
    await expectText(phone.page.getByText('メンバーさんとして参加しています'), 'メンバー');

    // Joining again from another device is the same participant: still one in the workshop.
    const other = await browser.open({ device: 'phone' });
    await logInContext(other.context, demo.staff.email);
    await other.page.goto(`/w/${opened.code}`);
    await field(other.page, 'ニックネーム').fill('二台目');
    await chooseOption(field(other.page, '職位'), '職員');
    await other.page.getByRole('button', { name: '参加する', exact: true }).click();
    await expectText(other.page.getByText('メンバーさんとして参加しています'), 'メンバー');
    const progress = await admin.get<{ participants: unknown[] }>(
      `/api/orgs/${cityId}/workshops/${opened.id}/progress`,
    );
    expect(progress.participants).toHaveLength(1);
    await admin.dispose();
  });
});
