import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

/** ワークショップ: the list of workshops and the form that opens one. */
export class WorkshopsPage {
  readonly heading: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'ワークショップ', exact: true });
    this.form = page.getByRole('region', { name: '新しいワークショップ', exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/workshops`);
    await expectVisible(this.heading);
  }

  async create({ round, title, grouping }: { round: string; title: string; grouping: string }): Promise<void> {
    await chooseOption(field(this.form, 'もとにする実施'), round);
    await field(this.form, 'ワークショップ名').fill(title);
    await this.form.getByRole('radio', { name: grouping, exact: true }).check();
    await this.form.getByRole('button', { name: 'ワークショップを開く', exact: true }).click();
  }
}

/** The facilitator's console of one workshop. */
export class WorkshopConsolePage {
  readonly join: Locator;
  readonly progress: Locator;
  readonly item: Locator;
  readonly spread: Locator;
  readonly notes: Locator;
  readonly poll: Locator;
  readonly lock: Locator;

  constructor(readonly page: Page) {
    this.join = page.getByRole('region', { name: '参加方法', exact: true });
    this.progress = page.getByRole('region', { name: '参加状況', exact: true });
    this.item = page.getByRole('region', { name: '項目', exact: true });
    this.spread = page.getByRole('region', { name: '回答の分布', exact: true });
    this.notes = page.getByRole('region', { name: '対話の記録', exact: true });
    this.poll = page.getByRole('region', { name: '最後の投票', exact: true });
    this.lock = page.getByRole('region', { name: 'ワークショップの終了', exact: true });
  }

  /** The join code as the server issued it (without the space shown for reading). */
  async code(): Promise<string> {
    const code = await this.join.locator('[data-code]').getAttribute('data-code');
    if (!code) throw new Error('The console shows no join code.');
    return code;
  }

  /** The overall spread of the current item. */
  overall(): Locator {
    return this.spread
      .getByRole('figure')
      .filter({ has: this.page.getByRole('heading', { name: '全体', exact: true }) });
  }

  async saveNote({
    notes,
    nextMove,
    level,
    reason,
  }: {
    notes: string;
    nextMove: string;
    level: string;
    reason: string;
  }) {
    await field(this.notes, '対話のメモ').fill(notes);
    await field(this.notes, '合意した次の一手').fill(nextMove);
    await chooseOption(field(this.notes, '合意した段階'), level);
    await field(this.notes, 'その段階にした理由').fill(reason);
    await this.notes.getByRole('button', { name: '記録を保存する', exact: true }).click();
  }
}

/** /w/CODE: the join form, then the participant's answer page. */
export class WorkshopJoinPage {
  constructor(readonly page: Page) {}

  async join({ nickname, position }: { nickname: string; position: string }): Promise<void> {
    await field(this.page, 'ニックネーム').fill(nickname);
    await chooseOption(field(this.page, '職位'), position);
    await this.page.getByRole('button', { name: '参加する', exact: true }).click();
  }

  /** An item's card on the answer page, by its title. */
  card(title: string): Locator {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  poll(): Locator {
    return this.page.getByRole('region', { name: '最後の投票', exact: true });
  }
}
