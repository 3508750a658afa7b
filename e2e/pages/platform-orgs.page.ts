import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';

/** 組織一覧 (/platform/orgs): every organisation on the platform, for platform admins. */
export class PlatformOrgsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '組織一覧', exact: true });
    this.table = this.page.getByRole('table', { name: '組織一覧', exact: true });
  }

  orgRow(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/platform/orgs');
    await expectVisible(this.heading);
    await expectVisible(this.table);
  }
}
