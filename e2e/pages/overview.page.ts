import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, expectText, expectVisible } from '../support/expect.js';

/** The home of an organisation (/orgs/$orgId): its name as the heading, counts and your place in it. */
export class OverviewPage {
  readonly page: Page;
  readonly you: Locator;
  readonly profile: Locator;

  constructor(page: Page) {
    this.page = page;
    this.you = page.getByRole('region', { name: 'あなたの所属', exact: true });
    this.profile = page.getByRole('region', { name: '基本情報', exact: true });
  }

  heading(orgName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: orgName, exact: true });
  }

  /** Checks a line of 「あなたの所属」: the term (役割, 役職, 部署) and the value read right after it. */
  async expectYour(term: '役割' | '役職' | '部署', value: string): Promise<void> {
    await expectText(this.you, new RegExp(`${term}\\s+${escapeRegExp(value)}(\\s|$)`));
  }

  /** Checks a line of 「基本情報」: the term (団体区分, 人口 …) and the value read right after it. */
  async expectProfile(
    term: '種別' | 'ふりがな' | '団体コード' | '都道府県' | '団体区分' | '人口',
    value: string,
  ): Promise<void> {
    await expectText(this.profile, new RegExp(`${term}\\s+${escapeRegExp(value)}(\\s|$)`));
  }

  async goto(orgId: string, orgName: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}`);
    await this.waitUntilLoaded(orgName);
  }

  async waitUntilLoaded(orgName: string): Promise<void> {
    await expectVisible(this.heading(orgName));
    await expectVisible(this.you);
  }
}
