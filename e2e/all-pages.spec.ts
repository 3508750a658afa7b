import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { AuditPage } from './pages/audit.page.js';
import { DepartmentsPage } from './pages/departments.page.js';
import { InvitationPage } from './pages/invitation.page.js';
import { LoginPage } from './pages/login.page.js';
import { MembersPage } from './pages/members.page.js';
import { OutboxPage } from './pages/outbox.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset.page.js';
import { PlatformOrgsPage } from './pages/platform-orgs.page.js';
import { ProfilePage } from './pages/profile.page.js';
import { SettingsPage } from './pages/settings.page.js';
import { SheetsPage } from './pages/sheets.page.js';
import { ShellPage } from './pages/shell.page.js';
import { anonymousApi, apiAs, findMailLink } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { type Device, saveScreenshot, useBrowser } from './support/browser.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueEmail } from './support/demo.js';
import { expectCount, expectVisible } from './support/expect.js';

interface Links {
  cityId: string;
  invitation: string;
  passwordReset: string;
}

interface MainPage {
  name: string;
  /** Who is logged in; null for the pages before login. */
  as: string | null;
  open: (page: Page, links: Links) => Promise<void>;
}

const mainPages: MainPage[] = [
  { name: 'login', as: null, open: (page) => new LoginPage(page).goto() },
  { name: 'forgot-password', as: null, open: (page) => new ForgotPasswordPage(page).goto() },
  { name: 'invitation', as: null, open: (page, links) => new InvitationPage(page).open(links.invitation) },
  { name: 'reset-password', as: null, open: (page, links) => new ResetPasswordPage(page).open(links.passwordReset) },
  {
    name: 'overview',
    as: demo.orgAdmin.email,
    open: (page, links) => new OverviewPage(page).goto(links.cityId, DEMO_CITY),
  },
  { name: 'departments', as: demo.orgAdmin.email, open: (page, links) => new DepartmentsPage(page).goto(links.cityId) },
  {
    name: 'departments-add-dialog',
    as: demo.orgAdmin.email,
    open: async (page, links) => {
      const departments = new DepartmentsPage(page);
      await departments.goto(links.cityId);
      await departments.addButton.click();
      await expectVisible(departments.dialog);
    },
  },
  { name: 'sheets', as: demo.orgAdmin.email, open: (page, links) => new SheetsPage(page).goto(links.cityId) },
  { name: 'members', as: demo.orgAdmin.email, open: (page, links) => new MembersPage(page).goto(links.cityId) },
  {
    name: 'members-invite-dialog',
    as: demo.orgAdmin.email,
    open: async (page, links) => {
      const members = new MembersPage(page);
      await members.goto(links.cityId);
      await members.inviteButton.click();
      await expectVisible(members.dialog);
    },
  },
  { name: 'audit', as: demo.orgAdmin.email, open: (page, links) => new AuditPage(page).goto(links.cityId) },
  { name: 'outbox', as: demo.orgAdmin.email, open: (page, links) => new OutboxPage(page).goto(links.cityId) },
  { name: 'settings', as: demo.orgAdmin.email, open: (page, links) => new SettingsPage(page).goto(links.cityId) },
  { name: 'profile', as: demo.orgAdmin.email, open: (page) => new ProfilePage(page).goto() },
  { name: 'platform-orgs', as: demo.platformAdmin.email, open: (page) => new PlatformOrgsPage(page).goto() },
];

interface EnglishPage {
  name: string;
  as: string | null;
  path: (links: Links) => string;
  /** The page's h1 in English, or the organisation's name on its overview. */
  heading: string;
  /** What else to check once the page is there. */
  check?: (page: Page) => Promise<void>;
}

/** The same pages in English, on desktop only: the layout is the same, the words and `lang` differ. */
const englishPages: EnglishPage[] = [
  { name: 'login', as: null, path: () => '/login', heading: 'Log in' },
  { name: 'forgot-password', as: null, path: () => '/forgot-password', heading: 'Reset your password' },
  { name: 'invitation', as: null, path: (links) => links.invitation, heading: 'Invitation to an organisation' },
  { name: 'reset-password', as: null, path: (links) => links.passwordReset, heading: 'Set a new password' },
  {
    name: 'overview',
    as: demo.orgAdmin.email,
    path: (links) => `/orgs/${links.cityId}`,
    heading: DEMO_CITY,
    // Japanese names inside the English page are marked as Japanese (WCAG 3.1.2).
    check: async (page) => {
      expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('ja');
      await expectVisible(page.getByRole('navigation').locator('[lang="ja"]', { hasText: DEMO_CITY }));
      await expectVisible(page.locator('header [lang="ja"]', { hasText: demo.orgAdmin.name }));
    },
  },
  {
    name: 'departments',
    as: demo.orgAdmin.email,
    path: (links) => `/orgs/${links.cityId}/departments`,
    heading: 'Departments',
    check: (page) => expectVisible(page.getByRole('main').locator('[lang="ja"]', { hasText: '総務部' }).first()),
  },
  { name: 'members', as: demo.orgAdmin.email, path: (links) => `/orgs/${links.cityId}/members`, heading: 'Members' },
  { name: 'audit', as: demo.orgAdmin.email, path: (links) => `/orgs/${links.cityId}/audit`, heading: 'Audit log' },
  { name: 'outbox', as: demo.orgAdmin.email, path: (links) => `/orgs/${links.cityId}/outbox`, heading: 'Sent mail' },
  {
    name: 'settings',
    as: demo.orgAdmin.email,
    path: (links) => `/orgs/${links.cityId}/settings`,
    heading: 'Organisation settings',
  },
  { name: 'profile', as: demo.orgAdmin.email, path: () => '/profile', heading: 'Profile' },
  { name: 'platform-orgs', as: demo.platformAdmin.email, path: () => '/platform/orgs', heading: 'Organisations' },
];

async function measureWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

describe('アクセシビリティと画面幅', () => {
  const browser = useBrowser();
  const links: Links = { cityId: '', invitation: '', passwordReset: '' };
  // One session per person for the whole file: each test reuses its cookies instead of logging in.
  const sessions = new Map<string, BrowserContextOptions['storageState']>();

  // Links for the pages reached from a mail: an open invitation and a password reset request.
  beforeAll(async () => {
    const admin = await apiAs(demo.orgAdmin.email);
    const platform = await apiAs(demo.platformAdmin.email);
    const anonymous = await anonymousApi();
    try {
      sessions.set(demo.orgAdmin.email, await admin.http.storageState());
      sessions.set(demo.platformAdmin.email, await platform.http.storageState());
      links.cityId = await admin.orgId(DEMO_CITY);
      const invitee = uniqueEmail('a11y-invitee');
      await admin.post(`/api/orgs/${links.cityId}/invitations`, { email: invitee, role: 'staff', position: 'staff' });
      links.invitation = await findMailLink(admin, links.cityId, invitee, '/invite/');
      await anonymous.post('/api/auth/password-reset/request', { email: demo.director.email });
      links.passwordReset = await findMailLink(
        platform,
        await platform.orgId(DEMO_NPO),
        demo.director.email,
        '/reset-password/',
      );
    } finally {
      await Promise.all([admin.dispose(), platform.dispose(), anonymous.dispose()]);
    }
  });

  describe.each<Device>(['desktop', 'phone'])('%s', (device) => {
    test.each(mainPages.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
      const { page } = await browser.open({ device, storageState: entry.as ? sessions.get(entry.as) : undefined });
      await entry.open(page, links);

      await expectNoAxeViolations(page, `${entry.name} (${device})`);
      await saveScreenshot(page, `${entry.name}-${device}`, { fullPage: !entry.name.endsWith('-dialog') });

      if (device === 'phone') {
        const { scrollWidth, innerWidth } = await measureWidth(page);
        expect(scrollWidth, `${entry.name} scrolls sideways at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth + 1);
        if (entry.as && !entry.name.endsWith('-dialog')) {
          const shell = new ShellPage(page);
          await expectVisible(shell.menuButton);
          expect(await shell.nav.isVisible()).toBe(false);
          await shell.openMenuIfCollapsed();
          await expectVisible(shell.nav.getByRole('link').first());
          // The open menu is the same on every page; checking it once is enough.
          if (entry.name === 'overview') {
            await expectNoAxeViolations(page, `${entry.name} (${device}, menu open)`);
            await saveScreenshot(page, `${entry.name}-${device}-menu`);
          }
        }
      }
    });
  });

  describe('English', () => {
    test.each(englishPages.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
      const { page } = await browser.open({
        language: 'en',
        storageState: entry.as ? sessions.get(entry.as) : undefined,
      });
      await page.goto(entry.path(links));
      await expectVisible(page.getByRole('heading', { level: 1, name: entry.heading, exact: true }));
      // Lists and tables arrive after the heading; check them, not their loading note.
      await expectCount(page.getByRole('status').filter({ hasText: 'Loading…' }), 0);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await entry.check?.(page);

      await expectNoAxeViolations(page, `${entry.name} (English)`);
      await saveScreenshot(page, `${entry.name}-desktop-en`);
    });
  });
});
