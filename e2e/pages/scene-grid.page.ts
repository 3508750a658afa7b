import type { Locator, Page } from 'playwright-core';
import type { Language } from '../support/browser.js';
import { escapeRegExp, expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

const text = {
  ja: {
    title: '改善活動の12場面',
    caption: '改善活動の12場面（ステージ × 変革レベル）',
    rename: '名前の変更',
    ja: '日本語の名前',
    en: '英語の名前',
    reset: '既定に戻す：',
    save: '保存する',
    saved: '12場面の名前を保存しました。',
  },
  en: {
    title: 'The 12 scenes of improvement',
    caption: 'The 12 scenes of improvement (stage × change level)',
    rename: 'Rename',
    ja: 'Japanese name',
    en: 'English name',
    reset: 'Reset to default: ',
    save: 'Save',
    saved: 'The names of the 12 scenes were saved.',
  },
} as const;

/** 改善活動の12場面: the organisation's grid, and for org admins the form that renames its labels. */
export class SceneGridPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** The rename form's section; only org admins have it. */
  readonly renameSection: Locator;
  readonly save: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'ja',
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: this.t.title, exact: true });
    this.table = page.getByRole('table', { name: this.t.caption, exact: true });
    this.renameSection = page.getByRole('region', { name: this.t.rename, exact: true });
    this.save = this.renameSection.getByRole('button', { name: this.t.save, exact: true });
  }

  private get t() {
    return text[this.language];
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/scene-grid`);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.heading);
    await expectVisible(this.table);
  }

  /** A stage's column header (or a level's row header) as the grid shows it now. */
  stageHeader(label: string): Locator {
    return this.table.getByRole('columnheader', { name: label, exact: true });
  }

  levelHeader(label: string): Locator {
    return this.table.getByRole('rowheader', { name: label, exact: true });
  }

  /** The form's group for one stage or level, named by its default label (which never changes). */
  entry(defaultLabel: string): Locator {
    return this.renameSection.getByRole('group', { name: new RegExp(`^${escapeRegExp(defaultLabel)}(\\s|$)`) });
  }

  japaneseName(defaultLabel: string): Locator {
    return field(this.entry(defaultLabel), this.t.ja);
  }

  toast(): Locator {
    return this.page.getByRole('status').getByText(this.t.saved, { exact: true });
  }

  /** Types a new Japanese name for a stage or level and saves it. */
  async rename(defaultLabel: string, japanese: string): Promise<void> {
    await this.japaneseName(defaultLabel).fill(japanese);
    await this.save.click();
    await expectVisible(this.toast());
  }

  /** Puts a stage or level back to its default names and saves. */
  async resetToDefault(defaultLabel: string): Promise<void> {
    await this.entry(defaultLabel)
      .getByRole('button', { name: `${this.t.reset}${defaultLabel}`, exact: true })
      .click();
    await this.save.click();
    await expectVisible(this.toast());
  }
}
