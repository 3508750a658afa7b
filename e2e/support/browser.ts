import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';

export type Language = 'ja' | 'en';
export type Device = 'desktop' | 'phone';

const viewports: Record<Device, { width: number; height: number }> = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

const browserLocales: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };

/** Where the app under test listens; started once per run by e2e/global-setup.ts. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** The installed Chromium (CHROMIUM_PATH); nothing is downloaded. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Where the app keeps the language chosen in a browser (src/web/lib/i18n/language.ts). */
const languageStorageKey = 'kaizen-navi.language';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** A profile in which `language` was chosen before, on top of any cookies of a logged-in session. */
function withChosenLanguage(state: BrowserContextOptions['storageState'], language: Language): StorageState {
  if (typeof state === 'string') throw new Error('Pass the storage state as an object, not a file.');
  const origin = new URL(baseUrl()).origin;
  return {
    cookies: state?.cookies ?? [],
    origins: [
      ...(state?.origins ?? []).filter((entry) => entry.origin !== origin),
      { origin, localStorage: [{ name: languageStorageKey, value: language }] },
    ],
  };
}

export interface ContextOptions {
  /**
   * The language this browser chose on an earlier visit (kept by the app in localStorage), which
   * also sets the browser's locale. Without it the app starts in Japanese, as for a first visit.
   * Set in the profile rather than on the account, so it cannot leak into other specs.
   */
  language?: Language;
  device?: Device;
  /** Only for injecting axe-core: the app's CSP rightly refuses scripts that are not its own. */
  bypassCSP?: boolean;
  /** Cookies of a session logged in beforehand (ApiSession.http.storageState()), to skip the login. */
  storageState?: BrowserContextOptions['storageState'];
}

/**
 * A fresh browser profile (no cookies, no stored language) per test, like a new person at a new
 * computer. Time-outs are short so a missing label fails in seconds rather than at the test limit.
 */
export async function openPage(
  browser: Browser,
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const device = options.device ?? 'desktop';
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: browserLocales[options.language ?? 'ja'],
    timezoneId: 'Asia/Tokyo',
    viewport: viewports[device],
    isMobile: device === 'phone',
    hasTouch: device === 'phone',
    deviceScaleFactor: 1,
    bypassCSP: options.bypassCSP ?? false,
    ...(options.language
      ? { storageState: withChosenLanguage(options.storageState, options.language) }
      : options.storageState
        ? { storageState: options.storageState }
        : {}),
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Saves a picture to e2e/screenshots/ for people to look over (the folder is git-ignored): the
 * whole page, or only the window when a modal dialog is open (its backdrop covers just the window).
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: `${screenshotDir}${name}.png`,
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
  });
}

/**
 * One Chromium per spec file. `open()` gives each test its own profile, closed when the test
 * ends; a failing test leaves a picture of its last screen in e2e/screenshots/failed-*.png.
 * `keep()` gives a profile that lasts until the file ends, for tests that go over many pages
 * as one person and would otherwise spend their time starting profiles.
 */
export function useBrowser(): {
  open: (options?: ContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
  keep: (options?: ContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
} {
  let browser: Browser | undefined;
  const kept: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(kept.map((context) => context.close()));
    await browser?.close();
  });
  const running = (): Browser => {
    if (!browser) throw new Error('The browser is not running: call useBrowser() at the top of a describe block.');
    return browser;
  };
  return {
    async open(options) {
      const opened = await openPage(running(), options);
      onTestFinished(async ({ task }) => {
        if (task.result?.state === 'fail') await saveFailure(opened.page, task.name);
        await opened.context.close();
      });
      return opened;
    },
    async keep(options) {
      const opened = await openPage(running(), options);
      kept.push(opened.context);
      return opened;
    },
  };
}

/** A picture of the last screen of a failed test, named after it. */
export async function saveFailure(page: Page, testName: string): Promise<void> {
  const name = `failed-${testName.replace(/[\\/:*?"<>|\s]+/g, '-')}`.slice(0, 120);
  await saveScreenshot(page, name).catch(() => undefined);
}
