import type { Locator, Page } from 'playwright-core';
import { escapeRegExp } from './expect.js';

/**
 * A form control by its visible label. The accessible name also carries the 必須/Required marker,
 * so the label must match from the start and end there or at a space: 「新しいパスワード」 must not
 * find 「新しいパスワード（確認）」.
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(\\s|$)`));
}

/** Picks an option by the text a person reads (tree options are indented with full-width spaces). */
export async function chooseOption(select: Locator, optionName: string): Promise<void> {
  const option = select.getByRole('option', { name: optionName, exact: true });
  const value = await option.getAttribute('value');
  await select.selectOption(value === null ? { label: optionName } : value);
}

/** The option whose text is selected now. */
export async function selectedOptionText(select: Locator): Promise<string> {
  return select.evaluate((element) => {
    const control = element as HTMLSelectElement;
    return control.selectedOptions[0]?.textContent?.trim() ?? '';
  });
}

/** The cell of `row` under the column headed `column` (the row header counts as the first cell). */
export async function cellUnder(table: Locator, row: Locator, column: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((header) => header.trim() === column);
  if (index < 0) throw new Error(`The table has no column ${column} (columns: ${headers.join(', ')}).`);
  return row.locator('th, td').nth(index);
}
