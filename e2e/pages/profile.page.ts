import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** プロフィール: display name, language, password and sessions of the signed-in person. */
export class ProfilePage {
  readonly page: Page;
  readonly heading: Locator;
  readonly basics: Locator;
  readonly displayName: Locator;
  readonly sessions: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: 'プロフィール', exact: true });
    this.basics = this.page.getByRole('region', { name: '基本情報', exact: true });
    this.displayName = field(this.basics, '表示名');
    this.sessions = this.page.getByRole('table', { name: 'ログイン中の端末', exact: true });
  }

  toast(message: string): Locator {
    return this.page.getByRole('status').getByText(message, { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/profile');
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.heading);
    await expectVisible(this.sessions);
  }

  async changeDisplayName(name: string): Promise<void> {
    await this.displayName.fill(name);
    await this.basics.getByRole('button', { name: '保存する', exact: true }).click();
    await expectVisible(this.toast('プロフィールを保存しました。'));
  }
}
