import type { Locator, Page } from 'playwright-core';
import type { Language } from '../support/browser.js';
import { escapeRegExp, expectVisible } from '../support/expect.js';
import { chooseOption, selectedOptionText } from '../support/locators.js';

const text = {
  ja: {
    nav: 'メインメニュー',
    menu: 'メニュー',
    closeMenu: 'メニューを閉じる',
    org: '組織',
    language: '表示言語',
    userMenu: 'ユーザーメニュー',
    profile: 'プロフィール',
    logout: 'ログアウト',
  },
  en: {
    nav: 'Main menu',
    menu: 'Menu',
    closeMenu: 'Close menu',
    org: 'Organisation',
    language: 'Language',
    userMenu: 'User menu',
    profile: 'Profile',
    logout: 'Log out',
  },
} as const;

/**
 * The frame around every page after login: header (organisation switcher, language, user menu),
 * the main menu, and on phones the menu button that reveals them. Several controls exist twice
 * (header and phone menu) and only one copy is shown at a time, so locators keep the visible one.
 */
export class ShellPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'ja',
  ) {}

  private get t() {
    return text[this.language];
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: this.t.nav, exact: true });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /** Only shown at phone width. */
  get menuButton(): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(${this.t.menu}|${this.t.closeMenu})$`) });
  }

  /** Only people with two or more organisations get the switcher. */
  get orgSwitcher(): Locator {
    return this.page.getByRole('combobox', { name: this.t.org, exact: true }).filter({ visible: true });
  }

  heading(name?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name, exact: true } : {}) });
  }

  languageButton(language: Language, options: { pressed?: boolean } = {}): Locator {
    return this.page
      .getByRole('group', { name: this.t.language, exact: true })
      .filter({ visible: true })
      .getByRole('button', { name: language === 'ja' ? '日本語' : 'English', exact: true, ...options });
  }

  get userMenuButton(): Locator {
    return this.page.getByRole('button', { name: new RegExp(escapeRegExp(this.t.userMenu)) }).filter({ visible: true });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  async isPhoneLayout(): Promise<boolean> {
    return this.menuButton.isVisible();
  }

  /** On phones the menu opens first; on desktop it is always there. */
  async openMenuIfCollapsed(): Promise<void> {
    if (!(await this.isPhoneLayout())) return;
    if ((await this.menuButton.getAttribute('aria-expanded')) !== 'true') await this.menuButton.click();
    await expectVisible(this.nav);
  }

  async goToSection(linkName: string, pageTitle: string): Promise<void> {
    await this.openMenuIfCollapsed();
    await this.navLink(linkName).click();
    await expectVisible(this.heading(pageTitle));
  }

  /** Picks the organisation whose name starts the option text (「デモ市（ナビゲーター）」). */
  async switchOrg(orgName: string): Promise<void> {
    await this.openMenuIfCollapsed();
    const options = await this.orgSwitcher.getByRole('option').allInnerTexts();
    const option = options.find((o) => o.trim().startsWith(orgName));
    if (!option) throw new Error(`The organisation switcher has no ${orgName} (options: ${options.join(', ')}).`);
    await chooseOption(this.orgSwitcher, option.trim());
  }

  async currentOrgOption(): Promise<string> {
    await this.openMenuIfCollapsed();
    return selectedOptionText(this.orgSwitcher);
  }

  /**
   * Switches the language and waits until the account has saved it too: the page changes at once,
   * the PATCH that saves the choice follows, and a reload or logout before it answers would lose it.
   */
  async switchLanguage(language: Language): Promise<ShellPage> {
    await this.openMenuIfCollapsed();
    const saved = this.page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname === '/api/auth/me',
    );
    await this.languageButton(language).click();
    const next = new ShellPage(this.page, language);
    await expectVisible(next.languageButton(language, { pressed: true }));
    const response = await saved;
    if (!response.ok()) throw new Error(`Saving the language answered ${response.status()}: ${await response.text()}`);
    return next;
  }

  async logOut(): Promise<void> {
    if (await this.isPhoneLayout()) {
      await this.openMenuIfCollapsed();
      await this.nav.getByRole('button', { name: this.t.logout, exact: true }).click();
      return;
    }
    await this.userMenuButton.click();
    await this.page.getByRole('button', { name: this.t.logout, exact: true }).filter({ visible: true }).click();
  }

  async openProfile(): Promise<void> {
    if (await this.isPhoneLayout()) {
      await this.openMenuIfCollapsed();
      await this.nav.getByRole('link', { name: this.t.profile, exact: true }).click();
      return;
    }
    await this.userMenuButton.click();
    await this.page.getByRole('link', { name: this.t.profile, exact: true }).filter({ visible: true }).click();
  }
}
