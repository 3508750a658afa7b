import { describe, expect, it } from 'vitest';
import {
  formatTemplateIssues,
  parseSheetTemplate,
  type SheetTemplate,
  sheetTemplateJsonSchema,
  sheetTemplateSchema,
} from './template-schema.js';

/** Indexing that fails the test instead of needing a non-null assertion. */
function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`nothing at ${index}`);
  return value;
}

const level = (n: number) => ({ label: `段階${n}`, descriptor: `段階${n}の状態が見えている。` });
const item = (key: string, levels = 4) => ({
  key,
  title: `項目 ${key}`,
  levels: Array.from({ length: levels }, (_, i) => level(i + 1)),
});

function buildTemplate(): SheetTemplate {
  return {
    formatVersion: 1,
    key: 'test-sheet',
    title: { ja: 'テスト用シート' },
    edition: 'workplace',
    variant: 'quick',
    sample: true,
    sections: [
      { key: 'direction', title: '方向性', items: [item('vision-sharing'), item('team-direction', 3)] },
      { key: 'teamwork', title: 'チームワーク', items: [item('role-sharing', 5)] },
    ],
  };
}

function problemsOf(data: unknown) {
  const result = parseSheetTemplate(data);
  expect(result.success).toBe(false);
  return result.success ? [] : formatTemplateIssues(result.error.issues);
}

describe('sheetTemplateSchema', () => {
  it('accepts a template with 3 to 5 levels per item', () => {
    expect(parseSheetTemplate(buildTemplate()).success).toBe(true);
  });

  it('trims text', () => {
    const template = buildTemplate();
    template.title.ja = '  テスト用シート\n';
    const result = sheetTemplateSchema.parse(template);
    expect(result.title.ja).toBe('テスト用シート');
  });

  it('refuses 2 or 6 levels and names the item in both languages', () => {
    const template = buildTemplate();
    at(at(template.sections, 0).items, 1).levels.splice(2);
    at(at(template.sections, 1).items, 0).levels.push(level(6));
    const problems = problemsOf(template);
    expect(problems.map((p) => p.path)).toEqual(['sections[0].items[1].levels', 'sections[1].items[0].levels']);
    expect(at(problems, 0).code).toBe('sheetTemplate.levels_count');
    expect(at(problems, 0).messages.ja).toBe('セクション1 › 項目2 › 段階: 段階は3〜5個にしてください（現在2個）。');
    expect(at(problems, 1).messages.en).toBe('section 2 › item 1 › levels: An item needs 3 to 5 levels (it has 6).');
  });

  it('refuses duplicate section and item keys, pointing at the second one', () => {
    const template = buildTemplate();
    at(template.sections, 1).key = 'direction';
    at(at(template.sections, 1).items, 0).key = 'vision-sharing';
    const problems = problemsOf(template);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['sections[1].key', 'sheetTemplate.duplicate_section_key'],
      ['sections[1].items[0].key', 'sheetTemplate.duplicate_item_key'],
    ]);
    expect(at(problems, 1).messages.ja).toContain(
      '「vision-sharing」が重複しています（セクション1 › 項目1 › キーと同じです）',
    );
    expect(at(problems, 1).messages.en).toContain('"vision-sharing" is used twice (also at section 1 › item 1 › key)');
  });

  it('refuses a missing descriptor, empty text, control characters and over-long labels', () => {
    const template = buildTemplate() as unknown as { sections: { items: { levels: Record<string, string>[] }[] }[] };
    const levels = at(at(template.sections, 0).items, 0).levels;
    delete at(levels, 0).descriptor;
    at(levels, 1).label = '   ';
    at(levels, 2).descriptor = 'ベル\u0007が鳴る';
    at(levels, 3).label = 'あ'.repeat(31);
    const problems = problemsOf(template);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['sections[0].items[0].levels[0].descriptor', 'required'],
      ['sections[0].items[0].levels[1].label', 'required'],
      ['sections[0].items[0].levels[2].descriptor', 'text.control_characters'],
      ['sections[0].items[0].levels[3].label', 'too_big'],
    ]);
    expect(at(problems, 0).messages).toEqual({
      ja: 'セクション1 › 項目1 › 段階1 › 状態の説明: 入力してください。',
      en: 'section 1 › item 1 › level 1 › descriptor: This is required.',
    });
  });

  it('refuses bad keys, unknown fields and unknown editions', () => {
    const template = { ...buildTemplate(), edition: 'mayor', colour: 'red' } as Record<string, unknown>;
    at(template.sections as { key: string }[], 0).key = 'Vision Sharing';
    const problems = problemsOf(template);
    expect(problems.map((p) => p.code).sort()).toEqual([
      'invalid_value',
      'sheetTemplate.key_format',
      'unrecognized_keys',
    ]);
    const unknown = problems.find((p) => p.code === 'unrecognized_keys');
    expect(unknown?.messages.ja).toBe('文書全体: 使えない項目名があります: colour（綴りと字下げを確かめてください）。');
  });

  it('puts the line first and sorts by it when the caller can locate a path', () => {
    const template = buildTemplate();
    at(at(template.sections, 1).items, 0).title = '';
    at(at(template.sections, 0).items, 0).title = '';
    const result = parseSheetTemplate(template);
    if (result.success) throw new Error('expected problems');
    const problems = formatTemplateIssues(result.error.issues, (path) => ({
      line: path[1] === 1 ? 20 : 7,
      column: 3,
    }));
    expect(problems.map((p) => p.line)).toEqual([7, 20]);
    expect(at(problems, 0).messages.ja).toMatch(/^7行目: セクション1 › 項目1 › 項目名 \(title\): /);
    expect(at(problems, 1).messages.en).toMatch(/^line 20: section 2 › item 1 › title: /);
  });
});

describe('sheetTemplateJsonSchema', () => {
  it('publishes the limits a person importing a file needs to know', () => {
    const schema = sheetTemplateJsonSchema() as Record<string, unknown>;
    const text = JSON.stringify(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(text).toContain('"minItems":3');
    expect(text).toContain('"maxItems":5');
    expect(text).toContain('"enum":["executive","workplace","unit_head","custom"]');
    expect(text).toContain('"additionalProperties":false');
  });
});
