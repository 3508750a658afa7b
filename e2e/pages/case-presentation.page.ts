import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';

/** 発表用1枚資料: one case on one landscape A4 sheet, in Japanese. */
export class CasePresentationPage {
  readonly sheet: Locator;
  readonly printButton: Locator;
  readonly before: Locator;
  readonly after: Locator;
  readonly effects: Locator;
  readonly cost: Locator;
  readonly remaining: Locator;
  readonly photos: Locator;
  readonly facts: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.locator('.case-slide__sheet');
    this.printButton = page.getByRole('button', { name: '印刷・PDF保存', exact: true });
    this.before = page.getByRole('region', { name: /^改善前/ });
    this.after = page.getByRole('region', { name: '改善後', exact: true });
    this.effects = page.getByRole('region', { name: '効果', exact: true });
    this.cost = page.getByRole('region', { name: '費用', exact: true });
    this.remaining = page.getByRole('region', { name: '残課題・次の一手', exact: true });
    this.photos = page.getByRole('region', { name: '写真', exact: true });
    this.facts = page.locator('.case-slide__meta');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async goto(orgId: string, caseId: string, title: string): Promise<void> {
    await this.page.goto(`/orgs/${orgId}/cases/${caseId}/presentation`);
    await expectVisible(this.heading(title));
  }

  /** True once every photo on the sheet has been downloaded and decoded. */
  imagesLoaded(): Promise<boolean> {
    return this.sheet.locator('img').evaluateAll((elements) =>
      elements.every((element) => {
        const image = element as HTMLImageElement;
        return image.complete && image.naturalWidth > 0;
      }),
    );
  }

  /** Texts cut short by their line clamp: their full height is more than the box shows. */
  clampedTexts(): Promise<number> {
    return this.sheet
      .locator('.case-slide__clamp')
      .evaluateAll((elements) => elements.filter((element) => element.scrollHeight > element.clientHeight + 1).length);
  }
}

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

export interface PrintedPdf {
  pages: number;
  /** Width and height of the first page in points. */
  width: number;
  height: number;
  /** The first page drawn as a PNG in e2e/screenshots/, for people to look over. */
  picture: string;
}

/**
 * Prints the page as Chromium's print dialog would (the page's own @page size), then reads the
 * PDF with poppler's pdfinfo and draws its first page with pdftoppm.
 */
export async function printToPdf(page: Page, name: string): Promise<PrintedPdf> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = `${screenshotDir}${name}.pdf`;
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, `${screenshotDir}${name}`]);
  return { pages, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), picture: `${name}.png` };
}
