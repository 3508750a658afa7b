import type { Locator, Page } from 'playwright-core';
import type { Language } from '../support/browser.js';
import { expectHidden, expectVisible } from '../support/expect.js';
import { chooseOption, field } from '../support/locators.js';

export type DepartmentLevel = 'bureau' | 'division' | 'unit';

const text = {
  ja: {
    title: '部署',
    add: '部署を追加',
    addChildFor: (name: string) => `${name}に下位部署を追加`,
    editFor: (name: string) => `${name}を編集`,
    deleteFor: (name: string) => `${name}を削除する`,
    name: '部署名',
    level: '区分',
    parent: '上位部署',
    topLevel: '（最上位）',
    create: '追加する',
    save: '保存する',
    confirmDelete: '削除する',
    levels: { bureau: '部', division: '課', unit: '係' },
  },
  en: {
    title: 'Departments',
    add: 'Add department',
    addChildFor: (name: string) => `Add sub-department: ${name}`,
    editFor: (name: string) => `Edit ${name}`,
    deleteFor: (name: string) => `Delete ${name}`,
    name: 'Name',
    level: 'Level',
    parent: 'Parent department',
    topLevel: '(top level)',
    create: 'Add',
    save: 'Save',
    confirmDelete: 'Delete',
    levels: { bureau: 'Bureau', division: 'Division', unit: 'Unit' },
  },
} as const;

/** 部署: the department tree of an organisation, edited through dialogs. */
export class DepartmentsPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'ja',
  ) {}

  private get t() {
    return text[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.title, exact: true });
  }

  get tree(): Locator {
    return this.page.getByRole('region', { name: this.t.title, exact: true });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: this.t.add, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Every button that changes the tree, for checking that readers get none. */
  get editingButtons(): Locator {
    return this.page.getByRole('main').getByRole('button', {
      name:
        this.language === 'ja' ? /部署を追加|を編集$|を削除する$/ : /Add department|Add sub-department|^Edit |^Delete /,
    });
  }

  async goto(orgId: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/departments`);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await expectVisible(this.heading);
    await expectVisible(this.tree);
  }

  /** The tree entry of a department, holding its name, badges, buttons and its sub-departments. */
  item(name: string): Locator {
    // Ancestors contain the name too; the innermost entry comes last in document order.
    return this.tree
      .getByRole('listitem')
      .filter({ has: this.page.getByText(name, { exact: true }) })
      .last();
  }

  nameInTree(name: string): Locator {
    return this.tree.getByText(name, { exact: true });
  }

  /** The department shown as a direct or deeper child of `parent`. */
  childOf(parent: string, child: string): Locator {
    return this.item(parent).getByRole('list').getByText(child, { exact: true });
  }

  editButton(name: string): Locator {
    return this.page.getByRole('button', { name: this.t.editFor(name), exact: true });
  }

  async addUnder(parent: string, name: string, level: DepartmentLevel): Promise<void> {
    await this.page.getByRole('button', { name: this.t.addChildFor(parent), exact: true }).click();
    await expectVisible(this.dialog);
    await field(this.dialog, this.t.name).fill(name);
    await chooseOption(field(this.dialog, this.t.level), this.t.levels[level]);
    await this.dialog.getByRole('button', { name: this.t.create, exact: true }).click();
    await expectHidden(this.dialog);
    await expectVisible(this.nameInTree(name));
  }

  async rename(name: string, newName: string): Promise<void> {
    await this.editButton(name).click();
    await expectVisible(this.dialog);
    await field(this.dialog, this.t.name).fill(newName);
    await this.dialog.getByRole('button', { name: this.t.save, exact: true }).click();
    await expectHidden(this.dialog);
    await expectVisible(this.nameInTree(newName));
  }

  async move(name: string, newParent: string): Promise<void> {
    await this.editButton(name).click();
    await expectVisible(this.dialog);
    await chooseOption(field(this.dialog, this.t.parent), newParent);
    await this.dialog.getByRole('button', { name: this.t.save, exact: true }).click();
    await expectHidden(this.dialog);
    await expectVisible(this.childOf(newParent, name));
  }

  async remove(name: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t.deleteFor(name), exact: true }).click();
    await expectVisible(this.dialog);
    await this.dialog.getByRole('button', { name: this.t.confirmDelete, exact: true }).click();
    await expectHidden(this.dialog);
    await expectHidden(this.nameInTree(name));
  }
}
