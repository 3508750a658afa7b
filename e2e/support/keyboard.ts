import type { Locator, Page } from 'playwright-core';

/**
 * Presses Tab until `target` has the focus, as someone without a mouse moves through the page,
 * and fails when it is not reached within `maxPresses` (a control left out of the tab order).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let presses = 0; ; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    if (presses === maxPresses) throw new Error(`Tab did not reach ${target} within ${maxPresses} presses.`);
    await page.keyboard.press('Tab');
  }
}
