import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

/** 結果: one round's results, its filters and sections. */
export class ResultsPage {
  readonly filters: Locator;
  readonly summary: Locator;
  readonly radar: Locator;
  readonly distributions: Locator;
  readonly gaps: Locator;
  readonly changes: Locator;
  readonly nextMoves: Locator;
  readonly spread: Locator;
  readonly downloads: Locator;
  readonly caseSuggestions: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole('search', { name: '結果の絞り込み', exact: true });
    this.summary = page.getByRole('region', { name: 'この結果について', exact: true });
    this.radar = page.getByRole('region', { name: '自分と職場の立ち位置', exact: true });
    this.distributions = page.getByRole('region', { name: '項目ごとの回答の分布', exact: true });
    this.gaps = page.getByRole('region', { name: '役職による見え方の違い', exact: true });
    this.changes = page.getByRole('region', { name: '前回からの変化', exact: true });
    this.nextMoves = page.getByRole('region', { name: '次の一手', exact: true });
    this.spread = page.getByRole('region', { name: '部署ごとのばらつき', exact: true });
    this.downloads = page.getByRole('region', { name: 'ダウンロードと印刷', exact: true });
    this.caseSuggestions = page.getByRole('region', { name: '弱い項目に効きそうな事例', exact: true });
  }

  heading(roundTitle: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `${roundTitle}の結果`, exact: true });
  }

  async goto(orgId: string, roundId: string, roundTitle: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/rounds/${roundId}/results`);
    await expectVisible(this.heading(roundTitle));
    await expectVisible(this.summary);
  }

  get radarChart(): Locator {
    return this.radar.getByRole('img');
  }

  /** One stacked bar per item, named by the item and its counts. */
  get distributionBars(): Locator {
    return this.distributions.getByRole('img');
  }

  get departmentSelect(): Locator {
    return field(this.filters, '部署');
  }

  get positionSelect(): Locator {
    return field(this.filters, '役職');
  }

  /** The key to the radar's lines, which names whose median the group line is. */
  get radarLegend(): Locator {
    return this.radar.getByRole('listitem');
  }

  async filterByDepartment(name: string): Promise<void> {
    await chooseOption(this.departmentSelect, name);
  }

  async compareWith(roundTitle: string): Promise<void> {
    await chooseOption(field(this.filters, '比較する実施'), roundTitle);
  }

  /** The note said in place of figures while a round is still open. */
  roundOpenNote(scope: Locator = this.page.getByRole('main')): Locator {
    return scope.getByText(/この実施はまだ受付中のため、分布や中央値などの集計は締め切るまで表示しません。/);
  }

  /** The note that takes the place of a withheld aggregate. */
  withheldNote(scope: Locator = this.page.getByRole('main')): Locator {
    return scope.getByText(/匿名性を守るために表示していません/);
  }

  /** The row of an item in a section's table. */
  row(section: Locator, itemTitle: string): Locator {
    return section.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: itemTitle, exact: true }) });
  }

  carryButton(itemTitle: string): Locator {
    return this.nextMoves.getByRole('button', { name: `次の一手の下書きに入れる: ${itemTitle}`, exact: true });
  }

  nextMove(itemTitle: string): Locator {
    return this.nextMoves
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: itemTitle, exact: true }) });
  }
}

/** How far the page itself scrolls sideways, in CSS pixels (0 when it fits the window). */
export async function pageOverflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** 印刷用レポート: the results laid out for A4 paper. */
export class ReportPage {
  readonly printButton: Locator;
  /** The items table in its own box that scrolls sideways on a narrow screen. */
  readonly itemsTable: Locator;

  constructor(readonly page: Page) {
    this.printButton = page.getByRole('button', { name: '印刷する', exact: true });
    this.itemsTable = page.getByRole('region', { name: '項目ごとの結果の表', exact: true });
  }

  async goto(orgId: string, roundId: string, roundTitle: string, kind: 'group' | 'mine' = 'group'): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/rounds/${roundId}/report?kind=${kind}`);
    await expectVisible(this.page.getByRole('heading', { level: 1, name: roundTitle, exact: true }));
    await expectVisible(this.page.getByRole('region', { name: '次の一手', exact: true }));
  }
}

/** 部署の推移: one unit's own results over the rounds of a sheet. */
export class UnitTrendPage {
  readonly table: Locator;
  readonly charts: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('region', { name: '数値で見る推移', exact: true });
    this.charts = page.getByRole('region', { name: '項目ごとの推移', exact: true });
  }

  heading(departmentName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `${departmentName}の推移`, exact: true });
  }

  /** The table's own scrolling box, which the keyboard can reach. */
  get tableBox(): Locator {
    return this.table.getByRole('region', { name: '数値で見る推移の表', exact: true });
  }
}

/** 次の一手の下書き: the next moves I carried out of results. */
export class PlanDraftsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '次の一手の下書き', exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/plan-drafts`);
    await expectVisible(this.heading);
  }

  /** The drafts carried from one round, under its title. */
  round(roundTitle: string): Locator {
    return this.page.getByRole('region', { name: roundTitle, exact: true });
  }

  move(roundTitle: string, itemTitle: string): Locator {
    return this.round(roundTitle)
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: itemTitle, exact: true }) });
  }

  note(move: Locator): Locator {
    return field(move, 'メモ（何を、いつまでに）');
  }
}
