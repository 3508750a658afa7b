import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, expectHidden, expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

export interface Invitation {
  email: string;
  role: string;
  position: string;
  department: string;
}

/** メンバー: who belongs to the organisation, invitations and their revocation. */
export class MembersPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly memberTable: Locator;
  readonly invitationTable: Locator;
  readonly inviteButton: Locator;
  readonly dialog: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = this.page.getByRole('heading', { level: 1, name: 'メンバー', exact: true });
    this.memberTable = this.page.getByRole('table', { name: 'メンバー', exact: true });
    this.invitationTable = this.page.getByRole('table', { name: '招待中', exact: true });
    this.inviteButton = this.page.getByRole('button', { name: 'メンバーを招待', exact: true });
    this.dialog = this.page.getByRole('dialog', { name: 'メンバーを招待', exact: true });
    this.search = this.page.getByRole('searchbox', { name: '名前・メールアドレスで検索', exact: true });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/members`);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.heading);
    await expectVisible(this.memberTable);
  }

  /** The row of a member, found by the name in its row header. */
  memberRow(displayName: string): Locator {
    return this.memberTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(displayName)}`) }) });
  }

  invitationRow(email: string): Locator {
    return this.invitationTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: email }) });
  }

  async invite(invitation: Invitation): Promise<void> {
    await this.inviteButton.click();
    await expectVisible(this.dialog);
    await field(this.dialog, 'メールアドレス').fill(invitation.email);
    await chooseOption(field(this.dialog, '役割'), invitation.role);
    await chooseOption(field(this.dialog, '役職'), invitation.position);
    await chooseOption(field(this.dialog, '部署'), invitation.department);
    await this.dialog.getByRole('button', { name: '招待を送る', exact: true }).click();
    await expectHidden(this.dialog);
    await expectVisible(this.invitationRow(invitation.email));
  }
}
