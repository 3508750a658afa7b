import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support/expect.js';
import { field } from '../support/locators.js';

/** 写真・資料 on a case page: the before/after photos, the gallery, documents and the upload form. */
export class CaseAttachmentsSection {
  readonly region: Locator;
  readonly form: Locator;
  readonly file: Locator;
  readonly role: Locator;
  readonly upload: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: '写真・資料', exact: true });
    this.form = this.region.getByRole('form', { name: '写真・資料を追加する', exact: true });
    this.file = field(this.form, 'ファイル');
    this.role = field(this.form, '種類');
    this.upload = this.form.getByRole('button', { name: 'アップロードする', exact: true });
    this.error = this.form.locator('.field__error');
  }

  /** 改善前 or 改善後: one side of the before/after comparison. */
  side(name: '改善前' | '改善後'): Locator {
    return this.region.getByRole('region', { name, exact: true });
  }

  image(alt: string): Locator {
    return this.region.getByRole('img', { name: alt, exact: true });
  }

  /** Chooses a file made in memory, says what it shows, and uploads it. */
  async add(name: string, buffer: Buffer, roleLabel: string, mimeType = 'image/png'): Promise<void> {
    await this.file.setInputFiles({ name, mimeType, buffer });
    await this.role.selectOption({ label: roleLabel });
    await this.upload.click();
  }

  /** True once every photo in the section has been downloaded and decoded. */
  async imagesLoaded(): Promise<boolean> {
    const images = this.region.locator('img');
    await expectVisible(images.first());
    return images.evaluateAll((elements) =>
      elements.every((element) => {
        const image = element as HTMLImageElement;
        return image.complete && image.naturalWidth > 0;
      }),
    );
  }
}
