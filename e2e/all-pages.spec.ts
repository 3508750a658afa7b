import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { en } from '../src/web/lib/i18n/en.js';
import { ja, type Messages } from '../src/web/lib/i18n/ja.js';
import { type AppPage, appPages, type PageData, type Person, pageName, preparePageData } from './support/app-pages.js';
import { readAppPages } from './support/app-routes.js';
import { expectNoAxeViolations } from './support/axe.js';
import { type ContextOptions, type Language, saveFailure, saveScreenshot, useBrowser } from './support/browser.js';
import { expectCount, expectText, expectVisible } from './support/expect.js';
import { expectA4, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';
import { findReflowProblems } from './support/reflow.js';

interface Mode {
  name: string;
  language: Language;
  window: Pick<ContextOptions, 'viewport' | 'deviceScaleFactor'>;
  /** Run axe-core (WCAG 2.2 AA) on the page. */
  axe: boolean;
  /** Check the page reflows into the window (support/reflow.ts). */
  reflow: boolean;
  /** Suffix of the pictures saved for people to look over; none when the mode saves none. */
  pictures?: string;
}

/**
 * Each page in Japanese and in English with axe, and at two narrow widths for reflow.
 *
 * 320 px is the width WCAG 1.4.10 names (a 1280 px window at 400 %, or a small phone).
 * 200 % zoom is emulated as the browser does it: a 1280 × 800 window zoomed to 200 % lays the page
 * out in a 640 × 400 CSS-pixel viewport with two device pixels per CSS pixel, so media queries,
 * rem sizes and wrapping are those of real zoom. CSS `zoom: 2` on the root would not be faithful:
 * media queries and viewport units would still see 1280 px, and the page would not reflow.
 * The widths run in different languages: the English words are the longer ones to fit.
 */
const modes: Mode[] = [
  { name: '日本語', language: 'ja', window: {}, axe: true, reflow: false },
  { name: 'English', language: 'en', window: {}, axe: true, reflow: false },
  {
    name: '幅320px',
    language: 'ja',
    window: { viewport: { width: 320, height: 640 } },
    axe: false,
    reflow: true,
    pictures: '320',
  },
  {
    name: '拡大200%',
    language: 'en',
    window: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
    axe: false,
    reflow: true,
  },
];

const texts: Record<Language, Messages> = { ja, en };

/** Opens a page of the catalogue and waits until it has drawn its content, not its loading note. */
async function openAppPage(page: Page, entry: AppPage, data: PageData, language: Language): Promise<void> {
  const t = texts[language];
  await page.goto(entry.path(data));
  const heading = page.getByRole('heading', { level: 1 }).first();
  await expectVisible(heading);
  if (entry.heading) await expectText(heading, entry.heading(t, data));
  await expectCount(page.locator('.loading'), 0);
  if (!entry.isMessage) await expectCount(page.locator('.message-page'), 0);
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  await entry.enter?.(page, t);
}

const fileName = (entry: AppPage) =>
  pageName(entry)
    .replace(/^\/$/, 'home')
    .replace(/[$[\]()\s]/g, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-|-$/g, '');

describe('すべての画面: アクセシビリティ・画面幅・印刷', () => {
  const browser = useBrowser();
  let data: PageData | undefined;

  beforeAll(async () => {
    data = await preparePageData();
  });

  /**
   * One profile for a whole group of tests, whose cookies are those of the person each page is
   * opened by: opening a page is then only the page's own load, its scripts coming from the cache.
   */
  function useProfile(language: Language, options: ContextOptions): (person: Person) => Promise<Page> {
    let opened: Promise<Page> | undefined;
    let signedIn: Person = 'anonymous';
    afterAll(async () => {
      await (await opened)?.context().close();
    });
    return async (person) => {
      if (!data) throw new Error('The pages were not prepared.');
      opened ??= browser.keep({ ...options, language }).then(({ page }) => page);
      const page = await opened;
      if (person !== signedIn) {
        await page.context().clearCookies();
        if (person !== 'anonymous') await page.context().addCookies(data.sessions[person].cookies);
        signedIn = person;
      }
      return page;
    };
  }

  test('router.tsx のすべての画面が点検の一覧にある', () => {
    const routes = readAppPages();
    const listed = new Set(appPages.flatMap((entry) => (entry.route ? [entry.route] : [])));
    expect(
      routes.filter((route) => !listed.has(route)),
      'pages of router.tsx with no entry in e2e/support/app-pages.ts',
    ).toEqual([]);
    expect(
      [...listed].filter((route) => !routes.includes(route)),
      'entries for routes router.tsx does not have',
    ).toEqual([]);
  });

  describe.each(modes)('$name', (mode) => {
    const narrow = mode.reflow;
    const entries = appPages.filter((entry) => narrow || !entry.narrowOnly);
    const pageOf = useProfile(mode.language, { bypassCSP: mode.axe, ...mode.window });

    test.each(entries.map((entry) => [pageName(entry), entry] as const))('%s', async (name, entry) => {
      if (!data) throw new Error('The pages were not prepared.');
      const page = await pageOf(entry.as);
      onTestFinished(async ({ task }) => {
        if (task.result?.state === 'fail') await saveFailure(page, `${mode.name}-${task.name}`);
      });
      await openAppPage(page, entry, data, mode.language);
      const label = `${name} (${mode.name})`;
      if (mode.axe) await expectNoAxeViolations(page, label);
      if (mode.reflow) expect(await findReflowProblems(page), label).toEqual([]);
      if (mode.pictures) {
        await saveScreenshot(page, `page-${fileName(entry)}-${mode.pictures}`, { fullPage: !entry.state });
      }
    });
  });

  describe('A4 印刷', () => {
    const pageOf = useProfile('ja', {});
    const printed = appPages.filter((entry) => entry.print);

    test.each(printed.map((entry) => [pageName(entry), entry] as const))('%s', async (_name, entry) => {
      if (!data || !entry.print) throw new Error('The pages were not prepared.');
      const page = await pageOf(entry.as);
      onTestFinished(() => page.emulateMedia({ media: 'screen' }));
      await openAppPage(page, entry, data, 'ja');
      const pdf = await printToPdf(page, `print-${fileName(entry)}`, { marginMm: entry.print.marginMm });
      expectA4(pdf, entry.print.orientation);
      expectPageCount(pdf, entry.print.pages);
      expectPdfText(pdf, entry.print.texts(ja, data), 1);
    });
  });
});
