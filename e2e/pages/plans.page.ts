import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

/** アクションプラン: my plans, the plans shared with me, and a facilitator's plans across organisations. */
export class PlansListPage {
  readonly heading: Locator;
  readonly newPlan: Locator;
  readonly mine: Locator;
  readonly shared: Locator;
  readonly facilitated: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'アクションプラン', exact: true });
    this.newPlan = page.getByRole('link', { name: '新しいプラン', exact: true });
    this.mine = page.getByRole('region', { name: '自分のプラン', exact: true });
    this.shared = page.getByRole('region', { name: '共有されているプラン', exact: true });
    this.facilitated = page.getByRole('region', { name: 'ナビゲーターとして共有されているプラン', exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/plans`);
    await expectVisible(this.heading);
  }

  /** The row of a plan in a section's table (a card on phones). */
  row(section: Locator, title: string): Locator {
    return section.getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}

export interface StepEntry {
  text: string;
  owner?: string;
  dueOn?: string;
}

/** The plan editor (new plan, the draft) and the revised plan inside a follow-up: the same fields. */
export class PlanEditor {
  constructor(
    readonly page: Page,
    /** Where the fields are: the whole page, or the follow-up's revised-plan region. */
    readonly scope: Page | Locator = page,
  ) {}

  step(number: number): Locator {
    return this.scope.getByRole('group', { name: `手順${number}`, exact: true });
  }

  async fillBasics({ title, goal, aim, startsOn }: { title: string; goal: string; aim: string; startsOn: string }) {
    await field(this.scope, 'プランの名前').fill(title);
    await field(this.scope, 'ゴール').fill(goal);
    await this.scope.getByRole('radio', { name: new RegExp(`^${aim}`) }).check();
    await field(this.scope, '開始日').fill(startsOn);
  }

  /** Adds a step at the end and fills it; returns its group. */
  async addStep(number: number, entry: StepEntry): Promise<Locator> {
    await this.scope.getByRole('button', { name: '手順を追加する', exact: true }).click();
    const step = this.step(number);
    await expectVisible(step);
    await field(step, '何をするか').fill(entry.text);
    if (entry.owner) await field(step, '担当').fill(entry.owner);
    if (entry.dueOn) await field(step, '期日').fill(entry.dueOn);
    return step;
  }

  async involve(circle: '身近な同僚' | '上司' | '幹部' | '人事', text: string): Promise<void> {
    await field(this.scope, circle).fill(text);
  }

  async scene(name: string): Promise<void> {
    await this.scope.getByRole('checkbox', { name, exact: true }).check();
  }

  async visibility(name: string, facilitator?: string): Promise<void> {
    await this.scope.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
    if (facilitator) await chooseOption(field(this.scope, '共有するナビゲーター'), facilitator);
  }

  async save(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }
}

/** A plan's page: its draft, freezing it, follow-ups, versions and comments. */
export class PlanPage {
  readonly versions: Locator;
  readonly followups: Locator;
  readonly comments: Locator;
  readonly freezePanel: Locator;

  constructor(readonly page: Page) {
    this.versions = page.getByRole('region', { name: '版の履歴', exact: true });
    this.followups = page.getByRole('region', { name: 'フォローアップ', exact: true });
    this.comments = page.getByRole('region', { name: 'コメント', exact: true });
    this.freezePanel = page.getByRole('region', { name: '版として残す', exact: true });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async freezeSnapshot(note: string): Promise<void> {
    await this.freezePanel.getByRole('button', { name: '時点版として保存', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /時点版）として保存しますか？$/ });
    await field(dialog, 'メモ（いつ・どこで発表したか）').fill(note);
    await dialog.getByRole('button', { name: '時点版として保存する', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async makeFinal(): Promise<Locator> {
    await this.freezePanel.getByRole('button', { name: '完成版にする', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '完成版にしますか？', exact: true });
    await expectVisible(dialog);
    return dialog;
  }

  async comment(body: string): Promise<void> {
    await field(this.comments, 'コメント').fill(body);
    await this.comments.getByRole('button', { name: 'コメントする', exact: true }).click();
  }
}

/** フォローアップを記録する: the review, each step's outcome, the revised plan. */
export class FollowupPage {
  readonly outcomes: Locator;
  readonly revised: PlanEditor;
  readonly revisedRegion: Locator;

  constructor(readonly page: Page) {
    this.outcomes = page.getByRole('region', { name: '手順ごとの結果', exact: true });
    this.revisedRegion = page.getByRole('region', { name: '見直したプラン（次の版）', exact: true });
    this.revised = new PlanEditor(page, this.revisedRegion);
  }

  async review({ happened, gap, note }: { happened: string; gap: string; note: string }): Promise<void> {
    await field(this.page, '実際に起きたこと').fill(happened);
    await field(this.page, '計画と実際のずれ').fill(gap);
    await field(this.page, '見直しのメモ').fill(note);
  }

  async outcome(number: number, status: string): Promise<void> {
    const step = this.outcomes.getByRole('group', { name: new RegExp(`^手順${number} `) });
    await chooseOption(field(step, '結果'), status);
  }
}
