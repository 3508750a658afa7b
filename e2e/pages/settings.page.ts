import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

/** 組織設定: the organisation's name, code and profile. */
export class SettingsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly orgName: Locator;
  readonly municipalityType: Locator;
  readonly population: Locator;
  readonly save: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '組織設定', exact: true });
    this.orgName = field(this.page, '組織名');
    this.municipalityType = field(this.page, '団体区分');
    this.population = field(this.page, '人口');
    this.save = this.page.getByRole('button', { name: '保存する', exact: true });
  }

  toast(message: string): Locator {
    return this.page.getByRole('status').getByText(message, { exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/settings`);
    await expectVisible(this.heading);
    await expectVisible(this.orgName);
  }

  /** Sets a municipality's type (「中核市」) and population (digits) and saves. */
  async saveProfile(profile: { municipalityType: string; population: string }): Promise<void> {
    await chooseOption(this.municipalityType, profile.municipalityType);
    await this.population.fill(profile.population);
    await this.save.click();
    await expectVisible(this.toast('組織の情報を保存しました。'));
  }
}
