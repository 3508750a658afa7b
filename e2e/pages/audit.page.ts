import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

/** 監査ログ: who changed what and when, with filters. */
export class AuditPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly filters: Locator;
  readonly actionFilter: Locator;
  readonly table: Locator;
  /** Body rows only: the header row has column headers, not cells. */
  readonly rows: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '監査ログ', exact: true });
    this.filters = this.page.getByRole('search', { name: '絞り込み', exact: true });
    this.actionFilter = field(this.filters, '操作');
    this.table = this.page.getByRole('table', { name: '監査ログ', exact: true });
    this.rows = this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/audit`);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.heading);
    await expectVisible(this.table);
  }

  /** Rows that mention every one of the texts (action name, actor, a value in the changes …). */
  rowWith(...texts: string[]): Locator {
    return texts.reduce((rows, text) => rows.filter({ hasText: text }), this.rows);
  }

  /** Chooses an action (「部署の追加」) or a category (「部署（すべて）」) and applies the filter. */
  async filterByAction(optionName: string): Promise<void> {
    await chooseOption(this.actionFilter, optionName);
    await this.filters.getByRole('button', { name: '絞り込む', exact: true }).click();
  }

  /** Waits until every row shown is one of the given actions, and returns how many there are. */
  async expectOnlyActions(...actionNames: string[]): Promise<number> {
    await expect
      .poll(
        async () => {
          const texts = await this.rows.allInnerTexts();
          return texts.length > 0 && texts.every((row) => actionNames.some((name) => row.includes(name)));
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    return this.rows.count();
  }
}
