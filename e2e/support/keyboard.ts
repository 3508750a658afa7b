import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { selectedOptionText } from './locators.js';

// Someone without a mouse: Tab and Shift+Tab to move, Enter and Space to press, arrow keys inside
// radio groups and selects, letters to type. Nothing here clicks or sets a value directly.

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/**
 * Presses Tab until `target` has the focus, as someone without a mouse moves through the page, and
 * fails when it is not reached within `maxPresses` (a control left out of the tab order). When the
 * target comes before the focus in the page, Shift+Tab goes back to it, as a person would.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  await target.waitFor({ state: 'visible' });
  const isBehind = await target.evaluate((element) => {
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    return Boolean(active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  const key = isBehind ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; ; presses += 1) {
    if (await isFocused(target)) return;
    if (presses === maxPresses) throw new Error(`${key} did not reach ${target} within ${maxPresses} presses.`);
    await page.keyboard.press(key);
  }
}

/** Moves to a control and presses Enter (a button, a link, a form's submit). */
export async function pressEnterOn(page: Page, target: Locator, maxPresses?: number): Promise<void> {
  await tabTo(page, target, maxPresses);
  await page.keyboard.press('Enter');
}

/** Moves to a control and presses Space (a checkbox, a toggle button). */
export async function pressSpaceOn(page: Page, target: Locator, maxPresses?: number): Promise<void> {
  await tabTo(page, target, maxPresses);
  await page.keyboard.press('Space');
}

/** Moves to a text field, empties it (Ctrl+A, Delete) and types `text`. */
export async function typeInto(page: Page, target: Locator, text: string, maxPresses?: number): Promise<void> {
  await tabTo(page, target, maxPresses);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

type DateOrder = 'ymd' | 'mdy' | 'dmy';

const dateOrders = new Map<string, Promise<DateOrder>>();

/**
 * The order of a date input's segments, which Chromium takes from its own build rather than the
 * page's locale: found once by typing 12, 11, 2026 into a date input on a blank page.
 */
function dateOrderOf(page: Page): Promise<DateOrder> {
  const key = page.context().browser()?.version() ?? '';
  let order = dateOrders.get(key);
  if (!order) {
    order = (async () => {
      const probe = await page.context().newPage();
      try {
        await probe.setContent('<input type="date" id="probe" autofocus>');
        await probe.focus('#probe');
        await probe.keyboard.type('1211');
        await probe.keyboard.press('ArrowRight');
        await probe.keyboard.type('2026');
        const value = await probe.inputValue('#probe');
        if (value === '2026-12-11') return 'mdy';
        if (value === '2026-11-12') return 'dmy';
        return 'ymd';
      } finally {
        await probe.close();
      }
    })();
    dateOrders.set(key, order);
  }
  return order;
}

/** Types a day (YYYY-MM-DD) into a date input segment by segment, in the order the browser shows them. */
export async function typeDate(page: Page, target: Locator, day: string, maxPresses?: number): Promise<void> {
  const order = await dateOrderOf(page);
  await tabTo(page, target, maxPresses);
  const [year = '', month = '', date = ''] = day.split('-');
  const parts = { y: year, m: month, d: date };
  for (const [index, segment] of [...order].entries()) {
    if (index > 0 && order[index - 1] === 'y') await page.keyboard.press('ArrowRight');
    await page.keyboard.type(parts[segment as 'y' | 'm' | 'd']);
  }
  expect(await target.inputValue()).toBe(day);
}

/**
 * Moves to a select and steps through its options with the arrow keys until `optionText` is
 * chosen, the way a closed select answers ArrowDown and ArrowUp (skipping disabled options).
 */
export async function chooseByKeys(page: Page, select: Locator, optionText: string, maxPresses?: number) {
  await tabTo(page, select, maxPresses);
  const options = (await select.locator('option').allInnerTexts()).map((text) => text.trim());
  const wanted = options.indexOf(optionText);
  if (wanted < 0) throw new Error(`${select} has no option ${optionText} (options: ${options.join(', ')}).`);
  const key = wanted > options.indexOf(await selectedOptionText(select)) ? 'ArrowDown' : 'ArrowUp';
  for (let presses = 0; (await selectedOptionText(select)) !== optionText; presses += 1) {
    if (presses === options.length) throw new Error(`${key} did not choose ${optionText} in ${select}.`);
    await page.keyboard.press(key);
  }
}

/**
 * Checks `radio` by keyboard: Tab into its group (which lands on the group's checked radio, or
 * its first), then the arrow keys until `radio` is checked.
 */
export async function checkRadioByKeys(page: Page, radio: Locator, maxPresses = 40): Promise<void> {
  await radio.waitFor({ state: 'attached' });
  const group = await radio.getAttribute('name');
  const isInGroup = () =>
    page.evaluate((name) => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.type === 'radio' && active.name === name;
    }, group);
  for (let presses = 0; !(await isInGroup()); presses += 1) {
    if (presses === maxPresses) throw new Error(`Tab did not reach the radio group ${group} within ${maxPresses}.`);
    await page.keyboard.press('Tab');
  }
  for (let presses = 0; !(await radio.isChecked()); presses += 1) {
    if (presses === 20) throw new Error(`The arrow keys did not check ${radio}.`);
    await page.keyboard.press('ArrowDown');
  }
}
