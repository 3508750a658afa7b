import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { en } from '../src/web/lib/i18n/en.js';
import { ja, type Messages } from '../src/web/lib/i18n/ja.js';
import { type AppPage, appPages, type PageData, type Person, pageName, preparePageData } from './support/app-pages.js';
import { readAppPages } from './support/app-routes.js';
import { expectNoAxeViolations } from './support/axe.js';
import { type ContextOptions, type Language, saveFailure, useBrowser } from './support/browser.js';
import { expectCount, expectText, expectVisible } from './support/expect.js';
import { expectA4, expectPageCount, expectPdfText, printToPdf } from './support/pdf.js';
import { findReflowProblems } from './support/reflow.js';

interface Pass {
  name: string;
  language: Language;
  /** The window the page is then zoomed into, in CSS pixels. */
  zoomed: { width: number; height: number };
}

/**
 * Each page is opened in a 1280 × 800 window and checked with axe (WCAG 2.2 AA), in Japanese and
 * in English; then zoomed, and checked to reflow without scrolling sideways (support/reflow.ts).
 *
 * Zoom is emulated as the browser does it: zooming an open page lays it out again in fewer CSS
 * pixels, so the test resizes the open page's viewport to what the zoom leaves: 400 % of 1280 px is
 * the 320 px WCAG 1.4.10 names, 200 % is 640 × 400. Media queries, rem sizes, wrapping and the
 * app's own resize observers then see what real zoom gives them; the device pixel ratio would
 * change only sharpness (the app has no resolution queries or srcset). CSS `zoom: 2` on the root
 * would not be faithful: media queries and viewport units would still see 1280 px.
 * The zooms run in different languages: the English words are the longer ones to fit.
 * No pictures are saved here (a failure leaves one): the journeys save theirs, and a picture of
 * every page would add a third to the time.
 */
const passes: Pass[] = [
  { name: '日本語・400%拡大（320px）', language: 'ja', zoomed: { width: 320, height: 640 } },
  { name: 'English・200% zoom (640px)', language: 'en', zoomed: { width: 640, height: 400 } },
];

const desktop = { width: 1280, height: 800 };

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

  describe.each(passes)('$name', (pass) => {
    const pageOf = useProfile(pass.language, { bypassCSP: true });

    test.each(appPages.map((entry) => [pageName(entry), entry] as const))('%s', async (name, entry) => {
      if (!data) throw new Error('The pages were not prepared.');
      const page = await pageOf(entry.as);
      onTestFinished(async ({ task }) => {
        if (task.result?.state === 'fail') await saveFailure(page, `${pass.name}-${task.name}`);
      });
      const t = texts[pass.language];
      await page.setViewportSize(desktop);
      await openAppPage(page, entry, data, pass.language);
      // A state only narrow windows have (the folded menu) is checked there, axe included.
      if (!entry.narrowOnly) {
        await entry.enter?.(page, t);
        await expectNoAxeViolations(page, `${name} (${pass.language}, 1280 px)`);
      }
      await page.setViewportSize(pass.zoomed);
      if (entry.narrowOnly) {
        await entry.enter?.(page, t);
        await expectNoAxeViolations(page, `${name} (${pass.language}, ${pass.zoomed.width} px)`);
      }
      expect(await findReflowProblems(page), `${name} (${pass.name})`).toEqual([]);
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
      // The PDF is kept for people to look over; a picture of it would only repeat it.
      const pdf = await printToPdf(page, `print-${fileName(entry)}`, {
        marginMm: entry.print.marginMm,
        picture: false,
      });
      expectA4(pdf, entry.print.orientation);
      expectPageCount(pdf, entry.print.pages);
      expectPdfText(pdf, entry.print.texts(ja, data), 1);
    });
  });
});
