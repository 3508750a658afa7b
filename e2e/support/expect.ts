import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

// playwright-core has no auto-waiting `expect`; these wait the way a person would, then fail clearly.
const poll = { timeout: 10_000, interval: 100 } as const;

export async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

/** Passes when the element is gone or hidden. */
export async function expectHidden(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden' });
}

export async function expectCount(locator: Locator, count: number): Promise<void> {
  await expect.poll(() => locator.count(), poll).toBe(count);
}

export async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.first().waitFor({ state: 'attached' });
  const matcher = expect.poll(() => locator.innerText(), poll);
  await (typeof text === 'string' ? matcher.toContain(text) : matcher.toMatch(text));
}

/** The whole rendered text, trimmed, is exactly `text` (a table cell, a value). */
export async function expectInnerText(locator: Locator, text: string): Promise<void> {
  await locator.waitFor({ state: 'attached' });
  await expect.poll(async () => (await locator.innerText()).trim(), poll).toBe(text);
}

export async function expectValue(locator: Locator, value: string): Promise<void> {
  await expect.poll(() => locator.inputValue(), poll).toBe(value);
}

/** The element has the keyboard focus (document.activeElement). */
export async function expectFocused(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'attached' });
  await expect.poll(() => locator.evaluate((element) => element === document.activeElement), poll).toBe(true);
}

export async function expectPath(page: Page, path: string | RegExp): Promise<void> {
  await expect
    .poll(() => new URL(page.url()).pathname, poll)
    .toMatch(typeof path === 'string' ? new RegExp(`^${escapeRegExp(path)}$`) : path);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
