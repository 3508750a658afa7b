import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';

/** 送信メール: mails the system stored (no SMTP) for an admin to pass on. */
export class OutboxPage {
  readonly page: Page;
  readonly heading: Locator;
  /** Every mail shown, newest first. */
  readonly mails: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '送信メール', exact: true });
    this.mails = this.page.getByRole('main').getByRole('listitem');
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/outbox`);
    await expectVisible(this.heading);
  }

  /** Waits for the list to arrive: some mails, or the note that there are none. */
  async waitUntilLoaded(): Promise<void> {
    await expectVisible(
      this.mails.first().or(this.page.getByText('送信したメールはまだありません。', { exact: true })),
    );
  }

  /** The newest mail to `to` whose subject contains `subject` (newest mails come first). */
  mail(to: string, subject: string): Locator {
    return this.mailsTo(to)
      .filter({ has: this.page.getByRole('heading', { name: subject }) })
      .first();
  }

  /** Every mail to `to`, whatever its subject. */
  mailsTo(to: string): Locator {
    return this.mails.filter({ has: this.page.getByRole('definition').getByText(to, { exact: true }) });
  }

  /** Shows the mail's hidden link (as an admin without SMTP does) and returns the address of its first link that contains `path`. */
  async readLink(to: string, subject: string, path: '/invite/' | '/reset-password/'): Promise<string> {
    const mail = this.mail(to, subject);
    await expectVisible(mail);
    // Without SMTP the link is shown on request, and the reading is recorded; the body opens with it.
    await mail.getByRole('button', { name: `${to} 宛てのメールのリンクを表示`, exact: true }).click();
    const link = mail.getByRole('link', { name: new RegExp(path) }).first();
    await expectVisible(link);
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`The mail to ${to} has no ${path} link.`);
    return href;
  }
}
