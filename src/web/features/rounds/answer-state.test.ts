import { describe, expect, it } from 'vitest';
import type { SheetTemplate } from '../../../shared/sheets/template-schema.js';
import { initialValues, itemKeyOfErrorPath, itemsOf, missingItemKeys, toSaveInput } from './answer-state.js';

const levels = [
  { label: '一', descriptor: '段階一の様子。' },
  { label: '二', descriptor: '段階二の様子。' },
  { label: '三', descriptor: '段階三の様子。' },
];

const content: SheetTemplate = {
  formatVersion: 1,
  key: 'test-sheet',
  title: { ja: 'テスト' },
  edition: 'workplace',
  variant: 'quick',
  sections: [
    { key: 's1', title: 'A', items: [{ key: 'a', title: 'A1', levels }] },
    { key: 's2', title: 'B', items: [{ key: 'b', title: 'B1', levels }] },
  ],
};
const items = itemsOf(content);

describe('answer state', () => {
  it('starts from the defaults when nothing is saved', () => {
    const values = initialValues(items, null, { position: 'section_chief', departmentId: 'd1' });
    expect(values.position).toBe('section_chief');
    expect(values.departmentId).toBe('d1');
    expect(values.answers).toEqual({ a: { level: null, comment: '' }, b: { level: null, comment: '' } });
  });

  it('keeps saved answers and drops levels the item does not have', () => {
    const values = initialValues(
      items,
      {
        roundId: 'r',
        status: 'draft',
        position: 'staff',
        departmentId: null,
        mostImportantItemKey: 'gone',
        answers: [
          { itemKey: 'a', level: 2, comment: 'メモ' },
          { itemKey: 'b', level: 9, comment: null },
        ],
        submittedAt: null,
        updatedAt: '2026-11-22T00:00:00Z',
      },
      { position: 'director', departmentId: 'd1' },
    );
    expect(values.position).toBe('staff');
    expect(values.departmentId).toBeNull();
    expect(values.mostImportantItemKey).toBeNull();
    expect(values.answers.a).toEqual({ level: 2, comment: 'メモ' });
    expect(values.answers.b?.level).toBeNull();
  });

  it('sends every item in the sheet order with blank comments as null', () => {
    const values = initialValues(items, null, { position: 'staff', departmentId: null });
    values.answers.b = { level: 3, comment: '  ' };
    const input = toSaveInput(items, values, false);
    expect(input.answers).toEqual([
      { itemKey: 'a', level: null, comment: null },
      { itemKey: 'b', level: 3, comment: null },
    ]);
    expect(missingItemKeys(items, values)).toEqual(['a']);
  });

  it('maps a server error path back to its item', () => {
    expect(itemKeyOfErrorPath(items, 'answers.1.level')).toBe('b');
    expect(itemKeyOfErrorPath(items, 'body.answers.0.level')).toBe('a');
    expect(itemKeyOfErrorPath(items, 'body.items.b')).toBe('b');
    expect(itemKeyOfErrorPath(items, 'body.items.unknown')).toBeUndefined();
    expect(itemKeyOfErrorPath(items, 'departmentId')).toBeUndefined();
  });
});
