import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, expectHidden, expectVisible } from '../support/expect.js';
import { cellUnder, chooseOption, field } from '../support/locators.js';

export interface Invitation {
  email: string;
  role: string;
  position: string;
  department: string;
}

/** The three choices of a membership, by the words the selects show (「所属長」「課長」「市民課」). */
export type MembershipChoice = Omit<Invitation, 'email'>;

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

  /** Waits for 招待中 to arrive: the table, or the note that no invitation is open. */
  async waitForInvitations(): Promise<void> {
    await expectVisible(
      this.invitationTable.or(this.page.getByText('返事を待っている招待はありません。', { exact: true })),
    );
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

  /** The cell of a member's row under a column (役割, 役職, 部署 …). */
  memberCell(displayName: string, column: '役割' | '役職' | '部署'): Promise<Locator> {
    return cellUnder(this.memberTable, this.memberRow(displayName), column);
  }

  async invite(invitation: Invitation): Promise<void> {
    await this.inviteButton.click();
    await expectVisible(this.dialog);
    await field(this.dialog, 'メールアドレス').fill(invitation.email);
    await this.chooseMembership(this.dialog, invitation);
    await this.dialog.getByRole('button', { name: '招待を送る', exact: true }).click();
    await expectHidden(this.dialog);
    await expectVisible(this.invitationRow(invitation.email));
  }

  /** Changes a member's role, position and department through 編集 and its dialog. */
  async editMember(displayName: string, choice: MembershipChoice): Promise<void> {
    await this.page.getByRole('button', { name: `${displayName}さんを編集`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `${displayName}さんの所属を編集`, exact: true });
    await expectVisible(dialog);
    await this.chooseMembership(dialog, choice);
    await dialog.getByRole('button', { name: '保存する', exact: true }).click();
    await expectHidden(dialog);
  }

  /** 組織から外す, confirmed in the dialog that asks first. */
  async removeMember(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `${displayName}さんを組織から外す`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `${displayName}さんを組織から外しますか？`, exact: true });
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: '組織から外す', exact: true }).click();
    await expectHidden(dialog);
  }

  /** 取り消す on an open invitation, confirmed in the dialog that asks first. */
  async revokeInvitation(email: string): Promise<void> {
    await this.page.getByRole('button', { name: `${email} への招待を取り消す`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `${email} への招待を取り消しますか？`, exact: true });
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await expectHidden(dialog);
  }

  toast(message: string): Locator {
    return this.page.getByRole('status').getByText(message, { exact: true });
  }

  private async chooseMembership(dialog: Locator, choice: MembershipChoice): Promise<void> {
    await chooseOption(field(dialog, '役割'), choice.role);
    await chooseOption(field(dialog, '役職'), choice.position);
    await chooseOption(field(dialog, '部署'), choice.department);
  }
}
