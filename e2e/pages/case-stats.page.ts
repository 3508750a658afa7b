import type { Download, Locator, Page } from 'playwright-core';
import type { Language } from '../support/browser.js';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

const text = {
  ja: {
    title: '事例の統計',
    fiscalYear: '年度',
    yearHeading: (year: string) => `${year}の統計`,
    heatCaption: (year: string) => `${year}の12場面ごとの事例数`,
    frontier: '未開拓',
    cases: '事例数',
    participation: '参加率',
    downloads: 'ダウンロード',
    csv: 'CSVをダウンロード',
    xlsx: 'Excel（xlsx）をダウンロード',
  },
  en: {
    title: 'Case statistics',
    fiscalYear: 'Fiscal year',
    yearHeading: (year: string) => `Statistics for ${year}`,
    heatCaption: (year: string) => `Cases per scene in ${year}`,
    frontier: 'Not yet tried',
    cases: 'Cases',
    participation: 'Participation',
    downloads: 'Downloads',
    csv: 'Download CSV',
    xlsx: 'Download Excel (xlsx)',
  },
} as const;

/** 事例の統計: one fiscal year of an organisation's published cases. */
export class CaseStatsPage {
  readonly heading: Locator;
  readonly yearSelect: Locator;
  readonly downloads: Locator;

  constructor(
    readonly page: Page,
    readonly language: Language = 'ja',
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: this.t.title, exact: true });
    this.yearSelect = field(page, this.t.fiscalYear);
    this.downloads = page.getByRole('region', { name: this.t.downloads, exact: true });
  }

  private get t() {
    return text[this.language];
  }

  async goto(orgId: string, fiscalYear?: number): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/case-stats${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`);
    await expectVisible(this.heading);
  }

  /** Waits until the statistics of the year (as the select names it, e.g. 2026年度（令和8年度）) are shown. */
  async waitForYear(yearLabel: string): Promise<void> {
    await expectVisible(this.page.getByRole('heading', { level: 2, name: this.t.yearHeading(yearLabel), exact: true }));
  }

  async chooseYear(yearLabel: string): Promise<void> {
    await chooseOption(this.yearSelect, yearLabel);
    await this.waitForYear(yearLabel);
  }

  heatMap(yearLabel: string): Locator {
    return this.page.getByRole('table', { name: this.t.heatCaption(yearLabel), exact: true });
  }

  /** A cell of the heat map by its scene id (e.g. individual-innovation). */
  sceneCell(yearLabel: string, sceneId: string): Locator {
    return this.heatMap(yearLabel).locator(`td[data-scene="${sceneId}"]`);
  }

  frontierCells(yearLabel: string): Locator {
    return this.heatMap(yearLabel).getByText(this.t.frontier, { exact: true });
  }

  /** A headline figure's value by its label (事例数, 参加率 …). */
  figure(label: 'cases' | 'participation'): Locator {
    return this.page
      .locator('dl > div')
      .filter({ has: this.page.getByRole('term').getByText(this.t[label], { exact: true }) })
      .getByRole('definition');
  }

  /** Clicks a download link and returns the file the browser received. */
  async download(format: 'csv' | 'xlsx'): Promise<Download> {
    const link = this.downloads.getByRole('link', { name: format === 'csv' ? this.t.csv : this.t.xlsx, exact: true });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }
}
