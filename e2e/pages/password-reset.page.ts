import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** パスワードをお忘れの方 (/forgot-password): asks for the link by e-mail. */
export class ForgotPasswordPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly sentNotice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: 'パスワードの再設定', exact: true });
    this.email = field(this.page, 'メールアドレス');
    this.submit = this.page.getByRole('button', { name: '再設定リンクを送る', exact: true });
    this.sentNotice = this.page.getByRole('status').filter({ hasText: 'パスワード再設定用のリンクを送信しました' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/forgot-password');
    await expectVisible(this.heading);
  }

  async requestLink(email: string): Promise<void> {
    await this.email.fill(email);
    await this.submit.click();
    await expectVisible(this.sentNotice);
  }
}

/** The page the mailed link opens (/reset-password/$token): a new password typed twice. */
export class ResetPasswordPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly password: Locator;
  readonly confirmation: Locator;
  readonly submit: Locator;
  readonly doneNotice: Locator;
  readonly loginLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '新しいパスワードの設定', exact: true });
    this.password = field(this.page, '新しいパスワード');
    this.confirmation = field(this.page, '新しいパスワード（確認）');
    this.submit = this.page.getByRole('button', { name: 'パスワードを設定する', exact: true });
    this.doneNotice = this.page.getByRole('status').filter({ hasText: 'パスワードを設定しました' });
    this.loginLink = this.page.getByRole('link', { name: 'ログイン', exact: true });
  }

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await expectVisible(this.heading);
  }

  async setPassword(password: string): Promise<void> {
    await this.password.fill(password);
    await this.confirmation.fill(password);
    await this.submit.click();
    await expectVisible(this.doneNotice);
  }
}
