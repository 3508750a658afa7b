import type { Locator, Page } from 'playwright-core';
import { expectHidden, expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

export interface NewCareerEntry {
  kind: string;
  title: string;
  startedOn: string;
  endedOn?: string;
  orgName?: string;
  departmentName?: string;
  /** The scene's name as the picker reads it, e.g. 「地域 × 改善」. */
  scene?: string;
  description?: string;
  reflection?: string;
}

/** 改善キャリアマップ: the person's own map (/career) and a shared map a facilitator opens. */
export class CareerPage {
  readonly heading: Locator;
  readonly growth: Locator;
  readonly gridSection: Locator;
  readonly grid: Locator;
  readonly timeline: Locator;
  readonly sharing: Locator;
  readonly downloads: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.growth = page.getByRole('region', { name: '広がりと深まり', exact: true });
    this.gridSection = page.getByRole('region', { name: '12場面での位置', exact: true });
    this.grid = this.gridSection.getByRole('table', { name: '12場面ごとの記録と事例の数', exact: true });
    this.timeline = page.getByRole('region', { name: '年表', exact: true });
    this.sharing = page.getByRole('region', { name: '共有', exact: true });
    this.downloads = page.getByRole('region', { name: 'ダウンロード', exact: true });
    this.addButton = page.getByRole('button', { name: '記録を追加', exact: true }).first();
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/career');
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.timeline);
  }

  /** One entry or case on the timeline, by its title. */
  item(title: string): Locator {
    return this.timeline.getByRole('article', { name: title, exact: true });
  }

  /** The fiscal-year section of the timeline that holds an item. */
  yearOf(title: string): Locator {
    // `has` is looked for inside each section, so it starts from the page, not the timeline.
    return this.timeline
      .getByRole('region')
      .filter({ has: this.page.getByRole('article', { name: title, exact: true }) });
  }

  /** A cell of the grid by its scene id (e.g. region-improvement). */
  cell(sceneId: string): Locator {
    return this.grid.locator(`td[data-scene="${sceneId}"]`);
  }

  async addEntry(entry: NewCareerEntry): Promise<void> {
    await this.addButton.click();
    await expectVisible(this.dialog.getByRole('heading', { name: '記録を追加' }));
    await this.fillEntry(entry);
    await this.dialog.getByRole('button', { name: '追加する', exact: true }).click();
    await expectHidden(this.dialog);
  }

  async fillEntry(entry: Partial<NewCareerEntry>): Promise<void> {
    const d = this.dialog;
    if (entry.kind) await chooseOption(field(d, '種別'), entry.kind);
    if (entry.title !== undefined) await field(d, '件名').fill(entry.title);
    if (entry.startedOn !== undefined) await field(d, '開始日').fill(entry.startedOn);
    if (entry.endedOn !== undefined) await field(d, '終了日').fill(entry.endedOn);
    if (entry.orgName !== undefined) await field(d, '組織').fill(entry.orgName);
    if (entry.departmentName !== undefined) await field(d, '部署').fill(entry.departmentName);
    if (entry.scene) await d.getByRole('radio', { name: entry.scene, exact: true }).check();
    if (entry.description !== undefined) await field(d, '内容').fill(entry.description);
    if (entry.reflection !== undefined) await field(d, 'ふりかえり').fill(entry.reflection);
  }

  /** Rewrites an entry's reflection through its edit button and saves. */
  async editReflection(title: string, reflection: string): Promise<void> {
    await this.item(title)
      .getByRole('button', { name: `「${title}」を編集`, exact: true })
      .click();
    await expectVisible(this.dialog.getByRole('heading', { name: '記録を編集' }));
    await this.fillEntry({ reflection });
    await this.dialog.getByRole('button', { name: '保存する', exact: true }).click();
    await expectHidden(this.dialog);
  }

  /** Ticks a facilitator by name and saves the sharing. */
  async shareWith(name: string): Promise<void> {
    await this.sharing.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
    await this.sharing.getByRole('button', { name: '共有の設定を保存', exact: true }).click();
  }

  download(label: string): Locator {
    return this.downloads.getByRole('link', { name: label, exact: true });
  }
}
