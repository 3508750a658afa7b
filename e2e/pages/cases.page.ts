import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, expectHidden, expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** カイゼン事例: the search page, the report form and the case page, in Japanese. */
export class CaseSearchPage {
  readonly heading: Locator;
  readonly query: Locator;
  readonly searchButton: Locator;
  readonly report: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'カイゼン事例', exact: true });
    this.query = field(page, 'キーワード');
    this.searchButton = page.getByRole('button', { name: '検索する', exact: true });
    this.report = page.getByRole('link', { name: '事例を報告する', exact: true });
    this.results = page.getByRole('region', { name: '検索結果' });
  }

  async goto(orgId: string, search = ''): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/cases${search}`);
    await expectVisible(this.heading);
  }

  async search(words: string): Promise<void> {
    await this.query.fill(words);
    await this.searchButton.click();
  }

  /** A result's title link; its text is the title, whatever parts are highlighted. */
  hit(title: string): Locator {
    return this.results.getByRole('link', { name: title, exact: true });
  }
}

export interface EffectEntry {
  kind?: string;
  label?: string;
  target?: string;
  actual?: string;
}

export class CaseFormPage {
  readonly title: Locator;
  readonly problem: Locator;
  readonly action: Locator;
  readonly result: Locator;
  readonly remaining: Locator;
  readonly saveDraft: Locator;
  readonly saveChanges: Locator;
  readonly addEffect: Locator;
  readonly summary: Locator;
  readonly adoptedFromSearch: Locator;
  readonly adoptedFromOptions: Locator;

  constructor(readonly page: Page) {
    this.title = field(page, '件名');
    this.adoptedFromSearch = page.getByRole('combobox', { name: '横展開元の事例を探す', exact: true });
    this.adoptedFromOptions = page.getByRole('listbox', { name: '候補の事例', exact: true }).getByRole('option');
    this.problem = field(page, '現状（改善前）');
    this.action = field(page, '改善策（何をしたか）');
    this.result = field(page, '効果（改善後）');
    this.remaining = field(page, '残課題・次の一手');
    this.saveDraft = page.getByRole('button', { name: '下書きを保存', exact: true });
    this.saveChanges = page.getByRole('button', { name: '変更を保存', exact: true });
    this.addEffect = page.getByRole('button', { name: '効果を追加', exact: true });
    this.summary = page.getByRole('region', { name: /件の入力内容を確認してください$/ });
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.title);
    await expectVisible(this.scene('職場 × 改善'));
  }

  /** 「庁内限り」 under a field, named by the field. */
  internal(fieldLabel: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(fieldLabel)}：\\s*庁内限り`) });
  }

  scene(name: string): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  method(name: string): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  sharing(name: string): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  effect(number: number): Locator {
    return this.page.getByRole('group', { name: `効果 ${number}`, exact: true });
  }

  async fillEffect(number: number, entry: EffectEntry): Promise<void> {
    const group = this.effect(number);
    if (entry.kind) await group.getByLabel('種類', { exact: true }).selectOption({ label: entry.kind });
    if (entry.label !== undefined) await field(group, '測ったもの').fill(entry.label);
    if (entry.target !== undefined) await group.getByLabel(/^目標/).fill(entry.target);
    if (entry.actual !== undefined) await group.getByLabel(/^実績/).fill(entry.actual);
  }
}

export class CaseDetailPage {
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.history = page.getByRole('region', { name: '確認の記録' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async goto(orgId: string, caseId: string, title: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/cases/${caseId}`);
    await expectVisible(this.heading(title));
  }

  /** The case id of the page shown now. */
  caseId(): string {
    const match = /\/cases\/([^/?#]+)/.exec(new URL(this.page.url()).pathname);
    if (!match?.[1]) throw new Error(`Not on a case page: ${this.page.url()}`);
    return match[1];
  }

  button(name: string): Locator {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  status(label: string): Locator {
    return this.page.locator('.case-head .badge').getByText(label, { exact: true });
  }

  toast(text: string): Locator {
    return this.page.getByRole('status').getByText(text, { exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens a dialog by its button, writes into its fields and confirms with the same words. */
  async act(button: string, dialogTitle: string, fields: Record<string, string>, confirm = button): Promise<void> {
    await this.button(button).click();
    const dialog = this.dialog(dialogTitle);
    await expectVisible(dialog);
    for (const [label, value] of Object.entries(fields)) await field(dialog, label).fill(value);
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await expectHidden(dialog);
  }
}
