import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Printed pages are read with pdfjs-dist, plain JavaScript in this process: the browser tests need
// nothing beyond node and Chromium, which is all the README and .ci/run install.

/** A4 in PDF points (1/72 inch), the unit of a PDF page's size. */
export const a4 = { short: 595.28, long: 841.89 } as const;

export type Orientation = 'portrait' | 'landscape';

export interface PrintedPage {
  /** Width and height in points. */
  width: number;
  height: number;
  /** The page's text as read from the PDF, normalised (see normalisePdfText), lines kept. */
  text: string;
}

export interface PrintedPdf {
  pages: PrintedPage[];
  /** Where the PDF was saved, in e2e/screenshots/ for people to look over. */
  file: string;
}

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Radicals of the CJK Radicals Supplement that share a glyph with an ideograph Japanese text uses
 * (Unicode's EquivalentUnifiedIdeograph.txt); unlike the Kangxi radicals, NFKC leaves them alone.
 */
const supplementRadicals: Record<string, string> = {
  '\u2e8a': '卜',
  '\u2e97': '心',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea7': '牛',
  '\u2ea9': '王',
  '\u2ebc': '月',
  '\u2ec4': '西',
  '\u2ec6': '角',
  '\u2ed1': '長',
  '\u2ed8': '青',
  '\u2edd': '食',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee9': '黄',
  '\u2eeb': '斉',
  '\u2eed': '歯',
  '\u2eef': '竜',
  '\u2ef2': '亀',
};

/**
 * Text as a reader sees it. The CJK font Chromium embeds gives some glyphs the first of the code
 * points that share them, a look-alike (⽤ KANGXI RADICAL USE for 用, ⺠ CJK RADICAL CIVILIAN for
 * 民, ‧ HYPHENATION POINT for ・): NFKC folds the Kangxi radicals, the rest are folded by table.
 */
export function normalisePdfText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (radical) => supplementRadicals[radical] ?? radical)
    .replace(/[\u00b7\u2022\u2027\u2219\u30fb]/g, '・');
}

/** Reads every page's size and text out of a PDF. */
export async function readPdf(bytes: Uint8Array): Promise<PrintedPage[]> {
  // pdfjs takes the buffer over; give it a copy so the caller's bytes stay usable.
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PrintedPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
      pages.push({ width, height, text: normalisePdfText(text) });
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Millimetres to CSS pixels (96 per inch), the unit Chromium lays a printed page out in. */
const mmToPx = (mm: number) => Math.round((mm * 96) / 25.4);

export interface PrintOptions {
  /** The page margin of the page's @page rule in millimetres (15 mm in styles/print.css). */
  marginMm?: number;
  /** Save a picture of the first page beside the PDF (the default). */
  picture?: boolean;
}

/**
 * Prints the page as Chromium's print dialog would (the page's own @page size, backgrounds on),
 * reads the PDF back, and saves it with a picture of its first page for people to look over. The
 * picture is a screenshot with print media emulated in a window the size of the page's printable
 * area. The page is left in print media; switch back with `page.emulateMedia({ media: 'screen' })`.
 */
export async function printToPdf(page: Page, name: string, options: PrintOptions = {}): Promise<PrintedPdf> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = `${screenshotDir}${name}.pdf`;
  writeFileSync(file, bytes);
  const pages = await readPdf(bytes);

  const first = pages[0];
  const viewport = page.viewportSize();
  if (first && viewport && options.picture !== false) {
    const margin = options.marginMm ?? 15;
    const widthMm = (first.width / 72) * 25.4;
    const heightMm = (first.height / 72) * 25.4;
    await page.setViewportSize({ width: mmToPx(widthMm - 2 * margin), height: mmToPx(heightMm - 2 * margin) });
    await page.screenshot({ path: `${screenshotDir}${name}.png`, animations: 'disabled' });
    await page.setViewportSize(viewport);
  }
  return { pages, file };
}

/** Every page is A4 in the given orientation (within a point: Chromium rounds to whole pixels). */
export function expectA4(pdf: PrintedPdf, orientation: Orientation): void {
  const [width, height] = orientation === 'portrait' ? [a4.short, a4.long] : [a4.long, a4.short];
  expect(pdf.pages.length, 'the PDF has no pages').toBeGreaterThan(0);
  pdf.pages.forEach((printed, index) => {
    expect(Math.abs(printed.width - width), `page ${index + 1} is ${printed.width} pt wide`).toBeLessThan(1);
    expect(Math.abs(printed.height - height), `page ${index + 1} is ${printed.height} pt high`).toBeLessThan(1);
  });
}

/** The number of pages is `count`, or within [min, max]. */
export function expectPageCount(pdf: PrintedPdf, count: number | readonly [number, number]): void {
  const [min, max] = typeof count === 'number' ? [count, count] : count;
  expect(pdf.pages.length, `pages of ${pdf.file}`).toBeGreaterThanOrEqual(min);
  expect(pdf.pages.length, `pages of ${pdf.file}`).toBeLessThanOrEqual(max);
}

/** Without white space, so a phrase the printer wrapped onto two lines is still found. */
const compact = (text: string) => normalisePdfText(text).replace(/\s+/g, '');

/** The whole text, or one page's (1-based), has every one of `texts`. */
export function expectPdfText(pdf: PrintedPdf, texts: readonly string[], pageNumber?: number): void {
  const source =
    pageNumber === undefined ? pdf.pages.map((p) => p.text).join('\n') : (pdf.pages[pageNumber - 1]?.text ?? '');
  const haystack = compact(source);
  const where = pageNumber === undefined ? pdf.file : `page ${pageNumber} of ${pdf.file}`;
  for (const text of texts) {
    expect(haystack.includes(compact(text)), `${where} should contain 「${text}」; it reads:\n${source}`).toBe(true);
  }
}

/** The text of the PDF has none of `texts` (what must stay off paper). */
export function expectNoPdfText(pdf: PrintedPdf, texts: readonly string[]): void {
  const haystack = compact(pdf.pages.map((p) => p.text).join('\n'));
  for (const text of texts) {
    expect(haystack.includes(compact(text)), `${pdf.file} should not contain 「${text}」`).toBe(false);
  }
}
