import { describe, expect, it } from 'vitest';
import { parseSheetTemplate, type SheetTemplate } from '../../../../shared/sheets/template-schema.js';
import { ApiError } from '../../../lib/api.js';
import {
  addLevel,
  canMoveItem,
  contentFromDraft,
  draftFromContent,
  moveItem,
  newItem,
  nextKey,
  removeLevel,
  takenKeys,
} from './draft.js';
import { problemsFromServer, validateContent, valueAt } from './problems.js';

const levels = (...labels: string[]) => labels.map((label) => ({ label, descriptor: `${label}の状態。` }));

const template: SheetTemplate = {
  formatVersion: 1,
  key: 'our-sheet',
  title: { ja: '私たちのシート' },
  edition: 'custom',
  variant: 'quick',
  sections: [
    {
      key: 'one',
      title: '第1章',
      items: [
        { key: 'a', title: 'A', levels: levels('低', '中', '高') },
        { key: 'b', title: 'B', question: 'Bとは？', levels: levels('低', '中', '高') },
      ],
    },
    { key: 'two', title: '第2章', items: [{ key: 'c', title: 'C', levels: levels('低', '中', '高') }] },
  ],
};

const titles = (draft: ReturnType<typeof draftFromContent>) => draft.sections.map((s) => s.items.map((i) => i.title));

describe('template draft', () => {
  it('turns content into a draft and back without change', () => {
    const content = contentFromDraft(draftFromContent(template));
    expect(content).toEqual(template);
    expect(parseSheetTemplate(content).success).toBe(true);
  });

  it('moves an item within its section and across into the neighbouring one', () => {
    const draft = draftFromContent(template);
    expect(titles(moveItem(draft, { s: 0, i: 0 }, 1).draft)).toEqual([['B', 'A'], ['C']]);
    const down = moveItem(draft, { s: 0, i: 1 }, 1);
    expect(titles(down.draft)).toEqual([['A'], ['B', 'C']]);
    expect(down.place).toEqual({ s: 1, i: 0 });
    const up = moveItem(draft, { s: 1, i: 0 }, -1);
    expect(titles(up.draft)).toEqual([['A', 'B', 'C'], []]);
    expect(canMoveItem(draft, { s: 0, i: 0 }, -1)).toBe(false);
    expect(canMoveItem(draft, { s: 1, i: 0 }, 1)).toBe(false);
  });

  it('keeps 3 to 5 levels', () => {
    const item = draftFromContent(template).sections[0]?.items[0];
    if (!item) throw new Error('no item');
    expect(removeLevel(item, 0).levels).toHaveLength(3);
    const five = addLevel(addLevel(addLevel(item)));
    expect(five.levels).toHaveLength(5);
    expect(removeLevel(five, 0).levels.map((l) => l.label)).toEqual(['中', '高', '', '']);
  });

  it('numbers a new key on from the count, skipping keys in use now or in earlier versions', () => {
    const draft = draftFromContent(template);
    expect(nextKey('item', 3, takenKeys(draft))).toBe('item-4');
    expect(nextKey('item', 3, takenKeys(draft, ['item-4', 'item-5']))).toBe('item-6');
  });

  it('names the place of each problem with the shared schema', () => {
    const draft = draftFromContent(template);
    const section = draft.sections[0];
    if (!section) throw new Error('no section');
    section.items.push(newItem('a'));
    const problems = validateContent(contentFromDraft(draft), 'ja');
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'sections.0.items.2.key',
        'sections.0.items.2.title',
        'sections.0.items.2.levels.0.label',
      ]),
    );
    const title = problems.find((p) => p.path === 'sections.0.items.2.title');
    expect(title?.summary).toContain('セクション1 › 項目3');
    expect(title?.inline).toBe('入力してください。');
  });

  it('places problems the server found at the fields they name', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'invalid',
      status: 422,
      code: 'template_invalid',
      messages: { ja: '誤り', en: 'invalid' },
      errors: [
        {
          path: 'sections.0.items.1.levels.2.label',
          code: 'required',
          message: 'section 1 › item 2 › level 3 › label: This is required.',
          messages: { ja: 'セクション1 › 項目2 › 段階3 › 段階名 (label): 入力してください。', en: '' },
        },
        {
          path: 'key',
          code: 'sheetTemplate.key_changed',
          message: '',
          messages: { ja: 'キーは変更できません。', en: '' },
        },
      ],
    });
    expect(problemsFromServer(error, 'ja')).toEqual([
      {
        path: 'sections.0.items.1.levels.2.label',
        summary: 'セクション1 › 項目2 › 段階3 › 段階名 (label): 入力してください。',
        inline: '入力してください。',
      },
      { path: 'key', summary: 'キーは変更できません。', inline: 'キーは変更できません。' },
    ]);
    expect(valueAt(template, 'sections.0.items.1.levels.2.label')).toBe('高');
  });
});
