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
