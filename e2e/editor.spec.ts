import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EditorPage } from './pages/editor.page.js';
import { SheetPage } from './pages/sheets.page.js';
import { type ApiSession, apiAs, logInContext } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectCount, expectFocused, expectHidden, expectText, expectVisible } from './support/expect.js';
import { chooseOption, field, selectedOptionText } from './support/locators.js';

// A sheet of this spec's own, so no other spec (or the demo's samples) depends on what it changes.
const sheetTitle = '編集テスト用シート';
const morning = '朝会の進め方';
const handover = '引き継ぎの仕方';

const level = (label: string) => ({ label, descriptor: `${label}の状態が職場で見られる。` });

function sheetJson(key: string): string {
  return JSON.stringify({
    formatVersion: 1,
    key,
    title: { ja: sheetTitle },
    edition: 'workplace',
    variant: 'quick',
    sections: [
      {
        key: 'daily-work',
        title: '日々の仕事',
        items: [
          { key: 'morning-meeting', title: morning, levels: [level('なし'), level('ときどき'), level('毎日')] },
          { key: 'handover', title: handover, levels: [level('口頭'), level('メモ'), level('手順書')] },
        ],
      },
    ],
  });
}

describe('シートの編集', () => {
  const browser = useBrowser();
  let admin: ApiSession;
  let cityId = '';
  let templateId = '';

  beforeAll(async () => {
    admin = await apiAs(demo.orgAdmin.email);
    cityId = await admin.orgId(DEMO_CITY);
    const created = await admin.post<{ templateId: string; version: number }>(
      `/api/orgs/${cityId}/sheet-templates/import`,
      { format: 'json', text: sheetJson(`e2e-editor-${uniqueSuffix()}`) },
    );
    templateId = created.templateId;
  });
  afterAll(() => admin.dispose());

  test('組織管理者が項目名を変え、段階と項目を足して保存すると第2版になり、第1版はそのまま残る', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/sheets/${templateId}`);
    const sheet = new SheetPage(page);
    await sheet.waitUntilLoaded(sheetTitle);
    await page.getByRole('link', { name: '編集して新しい版を作る', exact: true }).click();

    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await expectNoAxeViolations(page, 'シートの編集');

    // Items open folded; 「すべて開く」 opens every item of the section.
    await editor.foldAll('日々の仕事', true).click();
    // Rename the first item; its buttons are named after the new title from then on.
    const renamed = '朝会の進め方（当課版）';
    await editor.itemField(editor.item(morning), '項目名').fill(renamed);
    const first = editor.item(renamed);
    await expectVisible(first);

    await editor.button(`項目『${renamed}』に段階を追加`).click();
    await expectCount(editor.levels(first), 4);
    await expectFocused(field(editor.level(first, 4), '段階名'));
    await editor.fillLevel(first, 4, '改善も話す', '朝会で困りごとと改善案を毎日出し合っている。');

    // An item keeps at least three levels: the remove button says it is unavailable, and pressing
    // it anyway gives the reason instead of removing the level.
    const second = editor.item(handover);
    const removeFirst = editor.button(`項目『${handover}』の段階1を削除`);
    expect(await removeFirst.getAttribute('aria-disabled')).toBe('true');
    await removeFirst.press('Enter');
    await expectText(editor.levelLimit(second), '段階は3個より少なくできません。');
    await expectCount(editor.levels(second), 3);

    // Removing an item with words in it asks first; cancelling keeps it as it was.
    await editor.button(`項目『${handover}』を削除`).click();
    const confirm = page.getByRole('dialog', { name: '項目を削除しますか' });
    await expectVisible(confirm);
    await expectText(confirm, '項目『引き継ぎの仕方』と、その3個の段階の文章を下書きから削除します。');
    await confirm.getByRole('button', { name: 'キャンセル', exact: true }).click();
    await expectHidden(confirm);
    await expectCount(editor.levels(second), 3);

    // A new item starts empty: saving now lists what is missing and keeps everything as it was.
    await editor.button('セクション『日々の仕事』に項目を追加').click();
    const added = editor.item('（名称未入力）');
    await expectFocused(editor.itemField(added, '項目名'));
    await editor.saveButton.click();
    await expectVisible(editor.summary);
    await expectFocused(editor.summary);
    await expectText(editor.summary, 'セクション1 › 項目3 › 項目名: 入力してください。');

    await editor.itemField(added, '項目名').fill('困りごとの共有');
    const third = editor.item('困りごとの共有');
    await editor.fillLevel(third, 1, '言えない', '困りごとは個人で抱えている。');
    await editor.fillLevel(third, 2, '係で話す', '係の中では困りごとを話している。');
    await editor.fillLevel(third, 3, '課で話す', '課の会議で困りごとを取り上げている。');
    await expectHidden(editor.summary);
    // The new item's key comes from a counter, beside the keys the sheet already has.
    await third.getByText('詳細設定（キー）', { exact: true }).click();
    expect(await field(third, '項目のキー').inputValue()).toBe('item-3');

    await editor.saveButton.click();
    await sheet.waitUntilLoaded(sheetTitle);
    expect(new URL(page.url()).pathname).toBe(`/orgs/${cityId}/sheets/${templateId}`);
    await expect.poll(() => selectedOptionText(sheet.versionSelect)).toBe('第2版');
    await expectVisible(sheet.item(renamed));
    await expectCount(sheet.levels(renamed), 4);
    await expectCount(sheet.levels(handover), 3);
    await expectVisible(sheet.item('困りごとの共有'));

    await chooseOption(sheet.versionSelect, '第1版');
    await expectVisible(sheet.item(morning));
    await expectCount(sheet.levels(morning), 3);
    await expectCount(sheet.item('困りごとの共有'), 0);
  });

  test('保存していない変更があると、ページを離れる前に確かめる', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/sheets/${templateId}/edit?version=1`);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();
    await editor.openItem(editor.item(handover));
    await editor.itemField(editor.item(handover), '項目名').fill('引き継ぎ');

    await editor.backLink.click();
    const dialog = page.getByRole('dialog', { name: '保存していない変更があります' });
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: 'キャンセル', exact: true }).click();
    await expectHidden(dialog);
    await expectVisible(editor.heading);

    await editor.backLink.click();
    await dialog.getByRole('button', { name: '変更を破棄して移動する', exact: true }).click();
    await new SheetPage(page).waitUntilLoaded(sheetTitle);
  });

  test('キーボードだけで項目を動かせ、フォーカスは動かした項目のボタンに残る', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/sheets/${templateId}/edit?version=1`);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();

    const down = editor.button(`項目『${morning}』を下へ移動`);
    await down.focus();
    await page.keyboard.press('Enter');
    // Now last in the last section: down is no longer possible, so focus goes to the same item's up.
    await expectText(page.getByRole('heading', { level: 4 }).first(), handover);
    await expectFocused(editor.button(`項目『${morning}』を上へ移動`));
    await page.keyboard.press('Enter');
    await expectText(page.getByRole('heading', { level: 4 }).first(), morning);
    // Back at the top, up is disabled in turn and focus moves to down.
    await expectFocused(down);
  });

  test('項目は見出しだけにたためる: 最初はたたまれ、キーボードで開閉でき、新しい項目と問題のある項目は開く', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    await page.goto(`/orgs/${cityId}/sheets/${templateId}/edit?version=1`);
    const editor = new EditorPage(page);
    await editor.waitUntilLoaded();

    // An existing item shows its heading only; its fields are hidden.
    const first = editor.item(morning);
    const toggle = editor.itemToggle(first);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expectHidden(editor.itemField(first, '項目名'));
    await expectText(first, '段階3個');

    // The heading is a button: Enter opens the item, Space folds it again, focus stays on it.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expectVisible(editor.itemField(first, '項目名'));
    await expectFocused(toggle);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expectHidden(editor.itemField(first, '項目名'));

    await editor.foldAll('日々の仕事', true).click();
    await expectVisible(editor.itemField(editor.item(handover), '項目名'));
    await editor.foldAll('日々の仕事', false).click();
    await expectHidden(editor.itemField(editor.item(handover), '項目名'));

    // A new item opens, its title takes focus.
    await editor.button('セクション『日々の仕事』に項目を追加').click();
    const added = editor.item('（名称未入力）');
    await expectFocused(editor.itemField(added, '項目名'));

    // Folded and then found wanting on save, it opens again, and the summary's link reaches its field.
    await editor.foldAll('日々の仕事', false).click();
    await expectHidden(editor.itemField(added, '項目名'));
    await editor.saveButton.click();
    await expectVisible(editor.summary);
    await expectVisible(editor.itemField(added, '項目名'));
    await editor.foldAll('日々の仕事', false).click();
    await editor.summary.getByRole('link', { name: 'セクション1 › 項目3 › 項目名: 入力してください。' }).click();
    await expectFocused(editor.itemField(added, '項目名'));
    // Moves stay on the headings of folded items.
    await expectVisible(editor.button(`項目『${morning}』を下へ移動`));
    await expectNoAxeViolations(page, 'シートの編集（たたんだ項目）');
  });

  test('職員にはシートを編集する入口がない', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.staff.email);
    await page.goto(`/orgs/${cityId}/sheets/${templateId}`);
    await new SheetPage(page).waitUntilLoaded(sheetTitle);
    await expectCount(page.getByRole('link', { name: '編集して新しい版を作る', exact: true }), 0);
  });
});
