import { describe, expect, it } from 'vitest';
import { loadDefaultTemplates, parseTemplateYaml, readDefaultTemplateFiles } from './default-templates.js';

/** The samples we promise: edition, variant and how many items each has. */
const expectedSamples = {
  'workplace-quick': { edition: 'workplace', variant: 'quick', items: 10 },
  'workplace-detailed': { edition: 'workplace', variant: 'detailed', items: 30 },
  'executive-quick': { edition: 'executive', variant: 'quick', items: 10 },
  'unit-head-quick': { edition: 'unit_head', variant: 'quick', items: 10 },
};

describe('default templates', () => {
  it('every sample file parses and validates', () => {
    for (const { file, result } of readDefaultTemplateFiles()) {
      expect(result.ok ? [] : result.problems.map((p) => p.messages.en), file).toEqual([]);
    }
  });

  it('ships exactly the samples we promise, each labelled as a sample to copy', () => {
    const templates = loadDefaultTemplates();
    expect(templates.map((t) => t.key).sort()).toEqual(Object.keys(expectedSamples).sort());
    for (const template of templates) {
      const expected = expectedSamples[template.key as keyof typeof expectedSamples];
      const items = template.sections.flatMap((s) => s.items);
      expect({ edition: template.edition, variant: template.variant, items: items.length }, template.key).toEqual(
        expected,
      );
      expect(template.sample, template.key).toBe(true);
    }
  });

  it('the detailed sheet has six sections and reuses the quick sheet keys for the same themes', () => {
    const templates = new Map(loadDefaultTemplates().map((t) => [t.key, t]));
    const detailed = templates.get('workplace-detailed');
    const quick = templates.get('workplace-quick');
    expect(detailed?.sections).toHaveLength(6);
    const detailedKeys = new Set(detailed?.sections.flatMap((s) => s.items.map((i) => i.key)));
    const shared = quick?.sections.flatMap((s) => s.items.map((i) => i.key)).filter((k) => detailedKeys.has(k));
    expect(shared?.length).toBeGreaterThanOrEqual(8);
  });

  it('keys are unique and every item has 3 to 5 levels with distinct labels', () => {
    for (const template of loadDefaultTemplates()) {
      const items = template.sections.flatMap((s) => s.items);
      expect(new Set(items.map((i) => i.key)).size, template.key).toBe(items.length);
      expect(new Set(template.sections.map((s) => s.key)).size, template.key).toBe(template.sections.length);
      for (const item of items) {
        expect(item.levels.length, item.key).toBeGreaterThanOrEqual(3);
        expect(item.levels.length, item.key).toBeLessThanOrEqual(5);
        expect(new Set(item.levels.map((l) => l.descriptor)).size, item.key).toBe(item.levels.length);
      }
    }
  });
});

const header = `formatVersion: 1
key: broken-sheet
title:
  ja: 壊れたシート
edition: workplace
variant: quick
sections:
  - key: direction
    title: 方向性
    items:
`;

const goodItem = (key: string) => `      - key: ${key}
        title: 項目
        levels:
          - label: 一
            descriptor: 一の状態
          - label: 二
            descriptor: 二の状態
          - label: 三
            descriptor: 三の状態
`;

function problemsOf(text: string) {
  const result = parseTemplateYaml(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('parseTemplateYaml', () => {
  it('accepts a small well-formed file', () => {
    expect(parseTemplateYaml(header + goodItem('vision-sharing')).ok).toBe(true);
  });

  it('names the line of bad indentation, in Japanese and English', () => {
    const text = `${header}${goodItem('vision-sharing')}      - key: team-direction\n          title: 字下げが深すぎる\n`;
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[21, 'yaml.MULTILINE_IMPLICIT_KEY']]);
    expect(problems[0]?.messages.ja).toMatch(/^21行目: 字下げが上の行とそろっていないか、「:」が抜けています。/);
    expect(problems[0]?.messages.en).toMatch(/^line 21: The indentation does not line up/);
  });

  it('names the line and the path of a level missing its descriptor', () => {
    const text = `${header}${goodItem('vision-sharing').replace('            descriptor: 二の状態\n', '')}`;
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.path, p.code])).toEqual([
      [16, 'sections[0].items[0].levels[1].descriptor', 'required'],
    ]);
    expect(problems[0]?.messages).toEqual({
      ja: '16行目: セクション1 › 項目1 › 段階2 › 状態の説明 (descriptor): 入力してください。',
      en: 'line 16: section 1 › item 1 › level 2 › descriptor: This is required.',
    });
  });

  it('names the line of a duplicate item key and where the first one is', () => {
    const text = `${header}${goodItem('vision-sharing')}${goodItem('vision-sharing')}`;
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.path, p.code])).toEqual([
      [20, 'sections[0].items[1].key', 'sheetTemplate.duplicate_item_key'],
    ]);
    expect(problems[0]?.messages.ja).toBe(
      '20行目: セクション1 › 項目2 › キー (key): 項目のキー「vision-sharing」が重複しています（セクション1 › 項目1 › キー (key)と同じです）。',
    );
    expect(problems[0]?.messages.en).toBe(
      'line 20: section 1 › item 2 › key: The item key "vision-sharing" is used twice (also at section 1 › item 1 › key).',
    );
  });

  it('names the line of an item with only 2 levels', () => {
    const text = `${header}${goodItem('vision-sharing').replace('          - label: 三\n            descriptor: 三の状態\n', '')}`;
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.path, p.code])).toEqual([
      [14, 'sections[0].items[0].levels', 'sheetTemplate.levels_count'],
    ]);
    expect(problems[0]?.messages.ja).toBe(
      '14行目: セクション1 › 項目1 › 段階: 段階は3〜5個にしてください（現在2個）。',
    );
    expect(problems[0]?.messages.en).toBe(
      'line 14: section 1 › item 1 › levels: An item needs 3 to 5 levels (it has 2).',
    );
  });

  it('refuses a field written twice and tabs as indentation', () => {
    expect(
      problemsOf(`${header}${goodItem('a')}`.replace('variant: quick\n', 'variant: quick\nvariant: detailed\n'))[0],
    ).toMatchObject({ code: 'yaml.DUPLICATE_KEY', line: 7 });
    expect(problemsOf(`${header}${goodItem('a')}`.replace('    title: 方向性', '\ttitle: 方向性'))[0]?.line).toBe(9);
  });

  it('refuses an oversized file and an alias bomb without expanding it', () => {
    expect(problemsOf(`# ${'あ'.repeat(100_000)}\n${header}`)[0]?.code).toBe('yaml.TOO_LARGE');
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(() => parseTemplateYaml(bomb)).toThrow(/alias/i);
  });
});
