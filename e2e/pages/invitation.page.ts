import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** 組織への招待 (/invite/$token): what a newcomer sees after clicking the mailed link. */
export class InvitationPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly displayName: Locator;
  readonly password: Locator;
  readonly confirmation: Locator;
  readonly join: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '組織への招待', exact: true });
    this.displayName = field(this.page, 'お名前');
    this.password = field(this.page, 'パスワード');
    this.confirmation = field(this.page, 'パスワード（確認）');
    this.join = this.page.getByRole('button', { name: '参加する', exact: true });
  }

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await expectVisible(this.heading);
  }

  /** The line 「デモ市 から招待が届いています。」 */
  invitedBy(orgName: string) {
    return this.page.getByText(`${orgName} から招待が届いています。`, { exact: true });
  }

  async signUp(displayName: string, password: string): Promise<void> {
    await expectVisible(this.displayName);
    await this.displayName.fill(displayName);
    await this.password.fill(password);
    await this.confirmation.fill(password);
    await this.join.click();
  }
}
