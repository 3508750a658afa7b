import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { selectedOptionText } from './locators.js';

// Someone without a mouse: Tab and Shift+Tab to move, Enter and Space to press, arrow keys inside
// radio groups and selects, letters to type. Nothing here clicks or sets a value directly.

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/**
 * How many Tab presses (negative: Shift+Tab) should take the focus from where it is to `target`,
 * counted over the page's tab order as the browser builds it: focusable, shown, not inert, one stop
 * per radio group, inside the open modal dialog if there is one. An estimate only: the keys are
 * still pressed one by one, and the focus is checked when they are done.
 */
function countTabStops(target: Locator): Promise<number | null> {
  return target.evaluate((goal) => {
    const modal = document.querySelector('dialog:modal');
    const scope: ParentNode = modal ?? document;
    const candidates = [
      ...scope.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]',
      ),
    ].filter(
      (element) =>
        element.tabIndex >= 0 &&
        !(element as HTMLButtonElement).disabled &&
        !element.closest('[inert]') &&
        !(element instanceof HTMLInputElement && element.type === 'hidden') &&
        element.checkVisibility({ visibilityProperty: true }),
    );
    const active = document.activeElement as HTMLElement | null;
    const isBefore = (element: Element) =>
      Boolean(
        active &&
          active !== document.body &&
          element.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    // A radio group is one stop: its checked radio, else the radio the focus enters it by.
    const groups = new Map<string, HTMLInputElement[]>();
    for (const element of candidates) {
      if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
        const key = `${element.form?.id ?? ''}|${element.name}`;
        groups.set(key, [...(groups.get(key) ?? []), element]);
      }
    }
    const stops = candidates.filter((element) => {
      if (!(element instanceof HTMLInputElement && element.type === 'radio' && element.name)) return true;
      const group = groups.get(`${element.form?.id ?? ''}|${element.name}`) ?? [];
      if (group.includes(active as HTMLInputElement)) return element === active;
      const checked = group.find((radio) => radio.checked);
      if (checked) return element === checked;
      const forward = !isBefore(goal);
      return element === (forward ? group[0] : group[group.length - 1]);
    });
    const to = stops.indexOf(goal as HTMLElement);
    if (to < 0) return null;
    const from = active ? stops.indexOf(active) : -1;
    if (from >= 0) return to - from;
    // From the page itself or a focused region (the main landmark): the next stop after it.
    const next = stops.findIndex((element) => !isBefore(element) || !active || active === document.body);
    return to - (next < 0 ? stops.length : next) + 1;
  });
}

/**
 * Presses Tab until `target` has the focus, as someone without a mouse moves through the page, and
 * fails when it is not reached within `maxPresses` (a control left out of the tab order). When the
 * target comes before the focus in the page, Shift+Tab goes back to it, as a person would. The keys
 * for the distance the tab order gives are pressed in a row, then one at a time with a check each.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  await target.waitFor({ state: 'visible' });
  let presses = 0;
  if (await isFocused(target)) return;
  const counted = await countTabStops(target);
  if (counted !== null && counted !== 0 && Math.abs(counted) <= maxPresses) {
    const key = counted > 0 ? 'Tab' : 'Shift+Tab';
    for (let step = 0; step < Math.abs(counted); step += 1) await page.keyboard.press(key);
    presses = Math.abs(counted);
  }
  const isBehind = await target.evaluate((element) => {
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    return Boolean(active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  const key = isBehind ? 'Shift+Tab' : 'Tab';
  for (; ; presses += 1) {
    if (await isFocused(target)) return;
    if (presses >= maxPresses) throw new Error(`${key} did not reach ${target} within ${maxPresses} presses.`);
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
