import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** ステップアップシート: the organisation's sheet templates, samples to copy and the import form. */
export class SheetsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly samples: Locator;
  readonly importForm: Locator;
  /** Every control that adds a template, for checking that readers get none. */
  readonly managingControls: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'ステップアップシート', exact: true });
    this.list = page.getByRole('region', { name: 'この組織のシート', exact: true });
    this.samples = page.getByRole('region', { name: 'サンプルから作成', exact: true });
    this.importForm = page.getByRole('region', { name: 'ファイルから取り込む', exact: true });
    this.managingControls = page
      .getByRole('main')
      .getByRole('button', { name: /このサンプルから作成|取り込む/ })
      .or(page.getByLabel('シートファイル'));
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/sheets`);
    await expectVisible(this.heading);
  }

  /** The link to a template of the organisation, by its title. */
  template(title: string): Locator {
    return this.list.getByRole('link', { name: title, exact: true });
  }

  copyButton(sampleTitle: string): Locator {
    return this.samples.getByRole('button', { name: `このサンプルから作成（${sampleTitle}）`, exact: true });
  }

  async copySample(sampleTitle: string): Promise<void> {
    await this.copyButton(sampleTitle).click();
    await expectVisible(this.template(sampleTitle));
  }

  /** Chooses a file for the import form and sends it. */
  async importFile(name: string, text: string): Promise<void> {
    await field(this.importForm, 'シートファイル').setInputFiles({
      name,
      mimeType: name.endsWith('.json') ? 'application/json' : 'application/yaml',
      buffer: Buffer.from(text, 'utf8'),
    });
    await this.importForm.getByRole('button', { name: '取り込む', exact: true }).click();
  }

  /** The problems the server found in an imported file, one list entry each. */
  get problems(): Locator {
    return this.importForm.getByRole('alert').getByRole('listitem');
  }
}

/** One step-up sheet template, shown for reading: sections, items and their levels. */
export class SheetPage {
  readonly versionSelect: Locator;
  readonly yamlLink: Locator;
  readonly jsonLink: Locator;

  constructor(readonly page: Page) {
    this.versionSelect = field(page.getByRole('main'), '表示する版');
    this.yamlLink = page.getByRole('link', { name: 'YAML でダウンロード', exact: true });
    this.jsonLink = page.getByRole('link', { name: 'JSON でダウンロード', exact: true });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  item(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The ordered levels of an item, lowest first. */
  levels(itemTitle: string): Locator {
    return this.page.getByRole('list', { name: `${itemTitle}の段階`, exact: true }).getByRole('listitem');
  }

  async waitUntilLoaded(title: string): Promise<void> {
    await expectVisible(this.heading(title));
    await expectVisible(this.versionSelect);
  }
}
