import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** 公開されている改善事例: the search and case pages anyone may read without login, in Japanese. */
export class PublicCaseSearchPage {
  readonly heading: Locator;
  readonly query: Locator;
  readonly searchButton: Locator;
  readonly results: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '公開されている改善事例', exact: true });
    this.query = field(page, 'キーワード');
    this.searchButton = page.getByRole('button', { name: '検索する', exact: true });
    this.results = page.getByRole('region', { name: '検索結果' });
    this.filters = page.locator('.case-search__filters');
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/public/cases${search}`);
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

  /** A facet's select, by its label. */
  facet(label: string): Locator {
    return this.filters.getByLabel(label, { exact: true });
  }
}

export class PublicCasePage {
  readonly main: Locator;
  readonly attachments: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.attachments = page.getByRole('region', { name: '写真・資料' });
    this.back = page.getByRole('link', { name: '公開されている事例の検索へ戻る', exact: true });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async goto(caseId: string, title: string): Promise<void> {
    await this.page.goto(`/public/cases/${caseId}`);
    await expectVisible(this.heading(title));
  }
}
