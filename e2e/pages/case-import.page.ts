import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** 事例の一括取り込み: file, column mapping with a preview, checks with a progress bar, commit, summary. */
export class CaseImportPage {
  readonly heading: Locator;
  readonly file: Locator;
  readonly read: Locator;
  readonly fileError: Locator;
  readonly previewTable: Locator;
  readonly checkAll: Locator;
  readonly progress: Locator;
  readonly progressText: Locator;
  readonly rowErrors: Locator;
  readonly allFine: Locator;
  readonly commit: Locator;
  readonly summary: Locator;
  readonly toCases: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '事例の一括取り込み', exact: true });
    this.file = field(page, '事例一覧のファイル');
    this.read = page.getByRole('button', { name: '読み込む', exact: true });
    this.fileError = page.locator('.field__error');
    this.previewTable = page.getByRole('table', { name: 'ファイルの先頭の行のプレビュー' });
    this.checkAll = page.getByRole('button', { name: 'すべての行を確認する', exact: true });
    this.progress = page.getByRole('progressbar');
    this.progressText = page.getByRole('status').filter({ hasText: '行を確認しました' });
    this.rowErrors = page.getByRole('table', { name: '行ごとの誤り' });
    this.allFine = page.getByText(/行すべてに誤りはありません/);
    this.commit = page.getByRole('button', { name: /件を取り込む$/ });
    this.summary = page.locator('.case-import-summary');
    this.toCases = page.getByRole('link', { name: '事例を見る', exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/cases/import`);
    await expectVisible(this.heading);
  }

  /** Chooses a file made in memory and reads it. */
  async choose(name: string, buffer: Buffer, mimeType: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType, buffer });
    await this.read.click();
  }

  /** The select that says which column fills a case field. */
  mapping(label: string): Locator {
    return field(this.page, label);
  }

  /** An unfinished import in the list under the file form, by its file name. */
  unfinished(fileName: string): Locator {
    return this.page
      .getByRole('region', { name: '途中の取り込み' })
      .getByRole('listitem')
      .filter({ hasText: fileName });
  }

  resume(fileName: string): Locator {
    return this.page.getByRole('button', { name: `${fileName}の取り込みを続ける`, exact: true });
  }

  status(label: '公開済みにする' | '下書きにする'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${label}`) });
  }
}
