import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

/** シートの実施と結果: rounds I can answer, and for people who manage sheets all rounds. */
export class RoundsPage {
  readonly heading: Locator;
  readonly current: Locator;
  readonly all: Locator;
  readonly newButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'シートの実施と結果', exact: true });
    this.current = page.getByRole('region', { name: '回答できる実施', exact: true });
    this.all = page.getByRole('region', { name: 'すべての実施', exact: true });
    this.newButton = page.getByRole('link', { name: '新しい実施', exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/rounds`);
    await expectVisible(this.heading);
  }

  /** The card of a round I can answer, by its title. */
  card(title: string): Locator {
    return this.current.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** 回答する / 回答を続ける / 回答を見直す of a round, by the action's words and the round's title. */
  answerLink(action: string, title: string): Locator {
    return this.page.getByRole('link', { name: `${action}（${title}）`, exact: true });
  }
}

/** 新しい実施: the form that starts a round. */
export class RoundNewPage {
  readonly heading: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '新しい実施', exact: true });
    this.form = page.getByRole('main');
  }

  async fill(values: { title: string; sheet: string }): Promise<void> {
    await expectVisible(this.heading);
    await field(this.form, '実施名').fill(values.title);
    await chooseOption(field(this.form, 'シート'), values.sheet);
  }

  async create(): Promise<void> {
    await this.page.getByRole('button', { name: '実施を作成する', exact: true }).click();
  }
}

/** One round: its summary, its link and, for people who manage sheets, the controls. */
export class RoundPage {
  readonly link: Locator;
  readonly copyButton: Locator;
  readonly inviteButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.link = field(page.getByRole('region', { name: '回答用のリンク', exact: true }), 'リンク');
    this.copyButton = page.getByRole('button', { name: 'リンクをコピー', exact: true });
    this.inviteButton = page.getByRole('button', { name: 'メールで案内する', exact: true });
    this.dialog = page.getByRole('dialog');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async goto(orgId: string, roundId: string, title: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/rounds/${roundId}`);
    await expectVisible(this.heading(title));
  }

  /** Mails the link to the listed addresses and leaves the dialog open on its result. */
  async inviteByEmail(emails: string[], message?: string): Promise<void> {
    await this.inviteButton.click();
    await expectVisible(this.dialog);
    await this.dialog.getByRole('radio', { name: 'メールアドレスを指定する', exact: true }).check();
    await field(this.dialog, 'メールアドレス').fill(emails.join('\n'));
    if (message) await field(this.dialog, 'メッセージ（任意）').fill(message);
    await this.dialog.getByRole('button', { name: '送信する', exact: true }).click();
  }
}

/** Answering a round: position and department, one radio group per item, the progress and the submit. */
export class AnswerPage {
  readonly progress: Locator;
  readonly saveStatus: Locator;
  readonly submitButton: Locator;
  readonly errorSummary: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.progress = page.locator('.answer-progress__count');
    this.saveStatus = page.locator('.answer-progress__save').getByRole('status');
    this.submitButton = page.getByRole('button', { name: /^(回答を提出する|変更を確定する)$/ });
    this.errorSummary = page.getByRole('alert').filter({ hasText: '提出する前に' });
    this.done = page.getByRole('heading', { name: '回答を提出しました', exact: true });
  }

  async goto(orgId: string, roundId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/rounds/${roundId}/answer`);
  }

  /**
   * From now on, what the browser's console calls an error and every request for my response with
   * its status (「GET 404」), so a test can say a first visit is clean. Call before opening the page.
   */
  watchNetwork(): { consoleErrors: string[]; myResponseRequests: string[] } {
    const watched = { consoleErrors: [] as string[], myResponseRequests: [] as string[] };
    this.page.on('console', (message) => {
      if (message.type() === 'error') watched.consoleErrors.push(message.text());
    });
    this.page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/my-response'))
        watched.myResponseRequests.push(`${response.request().method()} ${response.status()}`);
    });
    return watched;
  }

  /** The radio group of an item, named by its title. */
  item(title: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^\\d+\\. ${title}`) });
  }

  level(itemTitle: string, level: number): Locator {
    return this.item(itemTitle).getByRole('radio', { name: new RegExp(`^段階${level} `) });
  }

  comment(itemTitle: string): Locator {
    return this.item(itemTitle)
      .locator('xpath=..')
      .getByRole('textbox', { name: /^コメント（任意）/ });
  }

  mostImportant(itemTitle: string): Locator {
    return this.item(itemTitle).locator('xpath=..').getByRole('button', { name: '最も重要だと思う項目に選ぶ' });
  }

  /** Does something on the page and waits until the autosave after it has reached the server and says so. */
  async changeAndWaitForSave(change: () => Promise<void>): Promise<void> {
    const saved = this.page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname.endsWith('/my-response') &&
        response.request().method() !== 'GET' &&
        response.ok(),
    );
    await change();
    await saved;
    await this.saveStatus.filter({ hasText: /(下書き|変更)を保存しました \d\d:\d\d/ }).waitFor();
  }
}
