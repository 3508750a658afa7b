import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/demo.js';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

export class LoginPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly forgotPasswordLink: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: 'ログイン', exact: true });
    this.email = field(this.page, 'メールアドレス');
    this.password = field(this.page, 'パスワード');
    this.submit = this.page.getByRole('button', { name: 'ログインする', exact: true });
    this.error = this.page.getByRole('alert');
    this.forgotPasswordLink = this.page.getByRole('link', { name: 'パスワードをお忘れの方', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expectVisible(this.heading);
  }

  async logIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
