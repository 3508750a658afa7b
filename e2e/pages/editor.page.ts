import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** シートの編集: a template's sections, items and levels as a form whose save adds the next version. */
export class EditorPage {
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly backLink: Locator;
  /** The list of problems at the top, each a link to its field. */
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'シートの編集', exact: true });
    this.saveButton = page.getByRole('button', { name: '新しい版として保存', exact: true });
    this.backLink = page.getByRole('link', { name: 'シートへ戻る', exact: true });
    this.summary = page.getByRole('region', { name: /件の問題があります/ });
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.heading);
    await expectVisible(this.saveButton);
  }

  /** An item by its title as the heading shows it (「項目2 朝会の進め方」); untitled items read （名称未入力）. */
  item(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^項目\\d+ ${escapeRegExp(title)}$`) });
  }

  /** The heading button that opens or folds an item (its name is the heading's: 「項目2 朝会の進め方」). */
  itemToggle(item: Locator): Locator {
    return item.getByRole('heading', { level: 4 }).getByRole('button');
  }

  /** Opens a folded item; an open one stays open. */
  async openItem(item: Locator): Promise<void> {
    const toggle = this.itemToggle(item);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expectVisible(field(item, '項目名'));
  }

  /** 「すべて開く」/「すべて閉じる」 of one section. */
  foldAll(sectionTitle: string, open: boolean): Locator {
    return this.button(`セクション『${sectionTitle}』の項目をすべて${open ? '開く' : '閉じる'}`);
  }

  itemField(item: Locator, label: '項目名' | '問い（任意）' | '手引き（任意）'): Locator {
    return field(item, label);
  }

  /** One level of an item, by its number (1 is the lowest). */
  level(item: Locator, number: number): Locator {
    return item.getByRole('group', { name: `段階${number}`, exact: true });
  }

  levels(item: Locator): Locator {
    return item.getByRole('group', { name: /^段階\d+$/ });
  }

  async fillLevel(item: Locator, number: number, label: string, descriptor: string): Promise<void> {
    const level = this.level(item, number);
    await field(level, '段階名').fill(label);
    await field(level, '状態の説明').fill(descriptor);
  }

  /** A button of the editor by its full accessible name, e.g. 「項目『X』に段階を追加」. */
  button(name: string): Locator {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  /** Why a level could not be added or removed, said beside the item's levels. */
  levelLimit(item: Locator): Locator {
    return item.getByRole('status');
  }
}
