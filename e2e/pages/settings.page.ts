import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** 組織設定: the organisation's name, code and profile. */
export class SettingsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly orgName: Locator;
  readonly save: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '組織設定', exact: true });
    this.orgName = field(this.page, '組織名');
    this.save = this.page.getByRole('button', { name: '保存する', exact: true });
  }

  toast(message: string): Locator {
    return this.page.getByRole('status').getByText(message, { exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/settings`);
    await expectVisible(this.heading);
    await expectVisible(this.orgName);
  }
}
