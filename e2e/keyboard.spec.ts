import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DepartmentsPage } from './pages/departments.page.js';
import { type ApiSession, apiAs, logInContext } from './support/api.js';
import { useBrowser } from './support/browser.js';
import { DEMO_CITY, demo, uniqueSuffix } from './support/demo.js';
import { expectFocused, expectHidden, expectVisible } from './support/expect.js';
import { tabTo } from './support/keyboard.js';
import { field, selectedOptionText } from './support/locators.js';

interface Department {
  id: string;
  name: string;
}

describe('キーボードだけの操作', () => {
  const browser = useBrowser();
  let admin: ApiSession | undefined;
  let cityId = '';
  const name = `鍵盤操作課${uniqueSuffix().slice(-5)}`;

  beforeAll(async () => {
    const session = await apiAs(demo.orgAdmin.email);
    admin = session;
    cityId = await session.orgId(DEMO_CITY);
  });

  // The department this spec adds is removed again, whatever step failed.
  afterAll(async () => {
    if (!admin) return;
    const departments = await admin.get<Department[]>(`/api/orgs/${cityId}/departments`);
    const added = departments.find((department) => department.name === name);
    if (added) await admin.delete(`/api/orgs/${cityId}/departments/${added.id}`);
    await admin.dispose();
  });

  test('Tab・Enter・入力だけで部署を追加でき、ダイアログを開くと最初の欄に、閉じると元のボタンにフォーカスが移る', async () => {
    const { context, page } = await browser.open();
    await logInContext(context, demo.orgAdmin.email);
    const departments = new DepartmentsPage(page);
    await departments.goto(cityId);
    const keyboard = page.keyboard;

    // Opening moves the focus into the dialog; Escape closes it and gives the focus back.
    await tabTo(page, departments.addButton);
    await keyboard.press('Enter');
    await expectVisible(departments.dialog);
    const nameField = field(departments.dialog, '部署名');
    await expectFocused(nameField);
    await keyboard.press('Escape');
    await expectHidden(departments.dialog);
    await expectFocused(departments.addButton);

    await keyboard.press('Enter');
    await expectFocused(nameField);
    await keyboard.type(name);
    await keyboard.press('Tab');
    const level = field(departments.dialog, '区分');
    await expectFocused(level);
    await keyboard.press('ArrowDown');
    expect(await selectedOptionText(level)).toBe('課');
    await keyboard.press('Tab');
    const parent = field(departments.dialog, '上位部署');
    await expectFocused(parent);
    await keyboard.press('ArrowDown');
    expect(await selectedOptionText(parent)).toBe('総務部');
    const add = departments.dialog.getByRole('button', { name: '追加する', exact: true });
    await tabTo(page, add, 5);
    await keyboard.press('Enter');

    await expectHidden(departments.dialog);
    await expectVisible(departments.childOf('総務部', name));
    await expectFocused(departments.addButton);
  });
});
