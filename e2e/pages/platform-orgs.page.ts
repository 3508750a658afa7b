import type { Locator, Page } from 'playwright-core';
import { expectHidden, expectVisible } from '../support/expect.js';
import { cellUnder, field } from '../support/locators.js';

/** 組織一覧 (/platform/orgs): every organisation on the platform, for platform admins. */
export class PlatformOrgsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly registerButton: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: '組織一覧', exact: true });
    this.table = this.page.getByRole('table', { name: '組織一覧', exact: true });
    this.registerButton = this.page.getByRole('button', { name: '組織を登録', exact: true });
    this.dialog = this.page.getByRole('dialog', { name: '組織を登録', exact: true });
  }

  orgRow(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** The cell of an organisation's row under a column (団体コード, 団体区分, メンバー …). */
  orgCell(name: string, column: '種別' | '団体コード' | '団体区分' | 'メンバー' | '部署'): Promise<Locator> {
    return cellUnder(this.table, this.orgRow(name), column);
  }

  toast(message: string): Locator {
    return this.page.getByRole('status').getByText(message, { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/platform/orgs');
    await expectVisible(this.heading);
    await expectVisible(this.table);
  }

  /** Opens 組織を登録, finds the local government in the national list and picks it by its code. */
  async chooseMunicipality(search: string, lgCode: string): Promise<void> {
    await this.registerButton.click();
    await expectVisible(this.dialog);
    await this.dialog.getByRole('combobox', { name: '自治体を検索', exact: true }).fill(search);
    const suggestion = this.dialog.getByRole('option').filter({ hasText: lgCode });
    await expectVisible(suggestion);
    await suggestion.click();
  }

  /** The register form's fields, to check what picking a local government filled in. */
  dialogField(label: '組織名' | 'ふりがな' | '団体コード' | '団体区分' | '人口'): Locator {
    return field(this.dialog, label);
  }

  async finishRegistration(adminEmail: string): Promise<void> {
    await field(this.dialog, '最初の管理者のメールアドレス').fill(adminEmail);
    await this.dialog.getByRole('button', { name: '登録する', exact: true }).click();
    await expectHidden(this.dialog);
  }
}
