import { z } from 'zod';
import { fieldErrorCatalog, isFieldErrorCode } from '../errors/field-errors.js';

/**
 * A step-up sheet template as data: sections → items → 3 to 5 ordered levels, level 1 the lowest.
 * The same shape is imported and exported as YAML or JSON, so every limit here is also a limit of
 * the published JSON Schema (see sheetTemplateJsonSchema).
 */

/** The version of this file format; a later, incompatible shape gets a new number. */
export const sheetTemplateFormatVersion = 1;

/** 経営編 / 職場編 / 所属長編, or an organisation's own kind of sheet. */
export const sheetEditions = ['executive', 'workplace', 'unit_head', 'custom'] as const;
export const sheetEditionSchema = z.enum(sheetEditions);
export type SheetEdition = z.infer<typeof sheetEditionSchema>;

/** 簡易版 (about 10 items) / 詳細版 (about 30 items). */
export const sheetVariants = ['quick', 'detailed'] as const;
export const sheetVariantSchema = z.enum(sheetVariants);
export type SheetVariant = z.infer<typeof sheetVariantSchema>;

export const minLevelsPerItem = 3;
export const maxLevelsPerItem = 5;
export const maxSectionsPerTemplate = 12;
export const maxItemsPerSection = 30;
export const maxItemsPerTemplate = 60;

// Tab, line feed and carriage return are allowed: descriptors are often written as YAML block text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const noControlCharacters = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** Text a person wrote: trimmed, not empty, bounded, without control characters. */
const sheetText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .max(max)
    .regex(noControlCharacters, { error: 'text.control_characters' });

/** Stable identifier of a template, section or item: answers refer to item keys across versions. */
export const sheetKeySchema = z
  .string()
  .max(64, { error: 'sheetTemplate.key_format' })
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { error: 'sheetTemplate.key_format' });

export const sheetLevelSchema = z.strictObject({
  /** A few words naming the state, e.g. 「個人任せ」. */
  label: sheetText(30),
  /** What can be seen when a workplace is at this level: who does what, how often. */
  descriptor: sheetText(400),
});
export type SheetLevel = z.infer<typeof sheetLevelSchema>;

export const sheetItemSchema = z.strictObject({
  key: sheetKeySchema,
  title: sheetText(80),
  /** The question a respondent answers, when the title alone is not enough. */
  question: sheetText(300).optional(),
  /** Hints for a facilitator or a respondent: what to look at, what the item is not about. */
  guidance: sheetText(1000).optional(),
  levels: z
    .array(sheetLevelSchema)
    .min(minLevelsPerItem, { error: 'sheetTemplate.levels_count' })
    .max(maxLevelsPerItem, { error: 'sheetTemplate.levels_count' }),
});
export type SheetItem = z.infer<typeof sheetItemSchema>;

export const sheetSectionSchema = z.strictObject({
  key: sheetKeySchema,
  title: sheetText(80),
  description: sheetText(500).optional(),
  items: z.array(sheetItemSchema).min(1).max(maxItemsPerSection),
});
export type SheetSection = z.infer<typeof sheetSectionSchema>;

export const localizedTitleSchema = z.strictObject({ ja: sheetText(100), en: sheetText(100).optional() });

export const sheetTemplateSchema = z
  .strictObject({
    formatVersion: z.literal(sheetTemplateFormatVersion),
    key: sheetKeySchema,
    title: localizedTitleSchema,
    edition: sheetEditionSchema,
    variant: sheetVariantSchema,
    description: sheetText(1000).optional(),
    /** True for the samples we ship: an organisation copies one and adapts it, it is not a standard. */
    sample: z.boolean().optional(),
    sections: z.array(sheetSectionSchema).min(1).max(maxSectionsPerTemplate),
  })
  .superRefine((template, ctx) => {
    const sectionKeys = new Map<string, number>();
    const itemKeys = new Map<string, [number, number]>();
    let itemCount = 0;
    template.sections.forEach((section, s) => {
      const firstSection = sectionKeys.get(section.key);
      if (firstSection === undefined) sectionKeys.set(section.key, s);
      else
        ctx.addIssue({
          code: 'custom',
          message: 'sheetTemplate.duplicate_section_key',
          path: ['sections', s, 'key'],
          params: { key: section.key, first: ['sections', firstSection, 'key'] },
        });
      section.items.forEach((item, i) => {
        itemCount++;
        const firstItem = itemKeys.get(item.key);
        if (firstItem === undefined) itemKeys.set(item.key, [s, i]);
        else
          ctx.addIssue({
            code: 'custom',
            message: 'sheetTemplate.duplicate_item_key',
            path: ['sections', s, 'items', i, 'key'],
            params: { key: item.key, first: ['sections', firstItem[0], 'items', firstItem[1], 'key'] },
          });
        const labels = new Set<string>();
        item.levels.forEach((level, l) => {
          if (labels.has(level.label))
            ctx.addIssue({
              code: 'custom',
              message: 'sheetTemplate.duplicate_level_label',
              path: ['sections', s, 'items', i, 'levels', l, 'label'],
              params: { key: level.label },
            });
          labels.add(level.label);
        });
      });
    });
    if (itemCount > maxItemsPerTemplate)
      ctx.addIssue({
        code: 'custom',
        message: 'sheetTemplate.too_many_items',
        path: ['sections'],
        params: { count: itemCount },
      });
  });
export type SheetTemplate = z.infer<typeof sheetTemplateSchema>;

/** Validates a parsed YAML or JSON document; the input is kept on issues so messages can say what was found. */
export function parseSheetTemplate(data: unknown) {
  return sheetTemplateSchema.safeParse(data, { reportInput: true });
}

/** The template format as JSON Schema (draft 2020-12), for publishing beside the import screen. */
export function sheetTemplateJsonSchema() {
  return {
    ...z.toJSONSchema(sheetTemplateSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Kaizen Navi step-up sheet template',
    description:
      'Sections, items and 3 to 5 ordered levels (level 1 first). Keys of sections and items are unique within a template.',
  };
}

// ---------------------------------------------------------------------------------------------
// Readable problems, one per path, in Japanese and English

type Messages = { ja: string; en: string };
type Path = readonly PropertyKey[];

/** Where in a file a problem is, when the caller can tell (a YAML loader knows line numbers). */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface TemplateProblem {
  /** e.g. `sections[1].items[3].levels[0].descriptor`; empty for the whole document. */
  path: string;
  line?: number;
  column?: number;
  /** A Zod issue code, a key of this file's catalogue, or a parser's code such as `yaml.BAD_INDENT`. */
  code: string;
  /** The full sentence: position, place in the template, and what is wrong. */
  messages: Messages;
}

/**
 * Names of the fields as the editor labels them, so a message reads 「セクション2 › 項目3 › 段階2 › 状態の説明」
 * rather than a bare path. In Japanese a field's name depends on what holds it: `title` is the
 * sheet's, a section's or an item's name. The file's own key follows in brackets only where a file
 * is read (see `formatTemplateIssues`), to find it in YAML or JSON.
 */
type Holder = 'sheet' | 'sections' | 'items' | 'levels';
const fieldNames: Partial<Record<Holder, Record<string, Messages>>> & { sheet: Record<string, Messages> } = {
  sheet: {
    formatVersion: { ja: '形式のバージョン', en: 'format version' },
    key: { ja: 'キー', en: 'key' },
    title: { ja: 'シート名', en: 'title' },
    description: { ja: '説明', en: 'description' },
    edition: { ja: '編', en: 'edition' },
    variant: { ja: '版', en: 'variant' },
    sample: { ja: 'サンプル', en: 'sample flag' },
    sections: { ja: 'セクション', en: 'sections' },
  },
  sections: {
    key: { ja: 'キー', en: 'key' },
    title: { ja: 'セクション名', en: 'title' },
    description: { ja: 'セクションの説明', en: 'description' },
    items: { ja: '項目', en: 'items' },
  },
  items: {
    key: { ja: 'キー', en: 'key' },
    title: { ja: '項目名', en: 'title' },
    question: { ja: '問い', en: 'question' },
    guidance: { ja: '手引き', en: 'guidance' },
    levels: { ja: '段階', en: 'levels' },
  },
  levels: {
    label: { ja: '段階名', en: 'label' },
    descriptor: { ja: '状態の説明', en: 'descriptor' },
  },
};

/** The two languages of a localized text, e.g. the sheet's name: 「シート名（日本語）」. */
const languageNames: Record<string, Messages> = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
};

const indexedNames: Record<string, Messages> = {
  sections: { ja: 'セクション', en: 'section' },
  items: { ja: '項目', en: 'item' },
  levels: { ja: '段階', en: 'level' },
};

/** `sections[1].items[3].key` for machines and logs. */
export function formatTemplatePath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * Counts from 1, as a person does: `sections[1].items[3].title` is 「セクション2 › 項目4 › 項目名」;
 * with `withKeys`, 「セクション2 › 項目4 › 項目名 (title)」 for someone editing the file.
 */
function describePlace(path: Path, withKeys = false): Messages {
  const parts: { ja: string; en: string; key?: string }[] = [];
  let holder: Holder = 'sheet';
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === 'number') continue;
    const name = String(part);
    const last = parts.at(-1);
    if (typeof next === 'number' && indexedNames[name]) {
      parts.push({ ja: `${indexedNames[name].ja}${next + 1}`, en: `${indexedNames[name].en} ${next + 1}` });
      holder = name as Holder;
      i++;
    } else if (last?.key && languageNames[name]) {
      // A language of the field just named: 「シート名（日本語）」.
      last.ja += `（${languageNames[name].ja}）`;
      last.en += ` (${languageNames[name].en})`;
      last.key += `.${name}`;
    } else {
      const known = fieldNames[holder]?.[name];
      // A list (「段階」) is named by its own word; its key adds nothing.
      parts.push(known ? { ...known, ...(indexedNames[name] ? {} : { key: name }) } : { ja: name, en: name });
    }
  }
  if (!parts.length) return { ja: '文書全体', en: 'the whole document' };
  // English names are the keys in words already; Japanese ones name the key for someone editing a file.
  return {
    ja: parts.map((p) => (withKeys && p.key ? `${p.ja} (${p.key})` : p.ja)).join(' › '),
    en: parts.map((p) => p.en).join(' › '),
  };
}

const templateErrorCatalog = {
  'sheetTemplate.key_format': {
    ja: () =>
      'キーは半角英小文字で始め、半角英小文字・数字をハイフンでつないだ64文字以内にしてください（例: vision-sharing）。',
    en: () =>
      'A key starts with a lowercase letter and joins lowercase letters and digits with hyphens, up to 64 characters (e.g. vision-sharing).',
  },
  'sheetTemplate.levels_count': {
    ja: (p) => `段階は${minLevelsPerItem}〜${maxLevelsPerItem}個にしてください${count(p, 'ja')}。`,
    en: (p) => `An item needs ${minLevelsPerItem} to ${maxLevelsPerItem} levels${count(p, 'en')}.`,
  },
  'sheetTemplate.duplicate_section_key': {
    ja: (p) => `セクションのキー「${p.key}」が重複しています（${describePlace(p.first, p.withKeys).ja}と同じです）。`,
    en: (p) => `The section key "${p.key}" is used twice (also at ${describePlace(p.first).en}).`,
  },
  'sheetTemplate.duplicate_item_key': {
    ja: (p) => `項目のキー「${p.key}」が重複しています（${describePlace(p.first, p.withKeys).ja}と同じです）。`,
    en: (p) => `The item key "${p.key}" is used twice (also at ${describePlace(p.first).en}).`,
  },
  'sheetTemplate.duplicate_level_label': {
    ja: (p) => `同じ項目の中に段階名「${p.key}」が2回あります。`,
    en: (p) => `The level label "${p.key}" appears twice in the same item.`,
  },
  'sheetTemplate.too_many_items': {
    ja: (p) => `項目は全部で${maxItemsPerTemplate}個までにしてください（現在${p.count}個）。`,
    en: (p) => `A template holds at most ${maxItemsPerTemplate} items (it has ${p.count}).`,
  },
} satisfies Record<string, Record<'ja' | 'en', (params: IssueParams) => string>>;

type IssueParams = { key?: string; first: Path; count?: number; withKeys?: boolean };

function count(params: IssueParams, locale: 'ja' | 'en'): string {
  if (params.count === undefined) return '';
  return locale === 'ja' ? `（現在${params.count}個）` : ` (it has ${params.count})`;
}

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() };

function describeIssue(issue: z.core.$ZodIssue, withKeys: boolean): { code: string; messages: Messages } {
  const raw = issue as z.core.$ZodIssue & { input?: unknown; params?: Partial<IssueParams> };
  if (issue.code === 'invalid_type' && Object.hasOwn(raw, 'input') && raw.input === undefined)
    return { code: 'required', messages: fieldErrorCatalog.required };
  if (issue.message in templateErrorCatalog) {
    const code = issue.message as keyof typeof templateErrorCatalog;
    const params: IssueParams = {
      first: [],
      withKeys,
      ...raw.params,
      ...(Array.isArray(raw.input) ? { count: raw.input.length } : {}),
    };
    return { code, messages: { ja: templateErrorCatalog[code].ja(params), en: templateErrorCatalog[code].en(params) } };
  }
  if (isFieldErrorCode(issue.message)) return { code: issue.message, messages: fieldErrorCatalog[issue.message] };
  if (issue.code === 'unrecognized_keys')
    return {
      code: issue.code,
      messages: {
        ja: `使えない項目名があります: ${issue.keys.join('、')}（綴りと字下げを確かめてください）。`,
        en: `Unknown field: ${issue.keys.join(', ')} (check the spelling and the indentation).`,
      },
    };
  const word = (locale: 'ja' | 'en') => {
    const result = zodLocales[locale].localeError?.(issue as never);
    return (typeof result === 'string' ? result : result?.message) ?? issue.message;
  };
  return { code: issue.code, messages: { ja: word('ja'), en: word('en') } };
}

/**
 * Turns Zod issues into one readable problem per path, in Japanese and English, e.g.
 * 「セクション1 › 項目2 › 段階3 › 状態の説明: 入力してください。」 as the editor's form reads.
 * `locate` maps a path to a position in the source file, when the caller knows one; a file also
 * gets its keys, to find the place in the text:
 * 「12行目: セクション1 › 項目2 › 段階3 › 状態の説明 (descriptor): 入力してください。」.
 * `withKeys` asks for the keys without positions (a JSON file).
 */
export function formatTemplateIssues(
  issues: readonly z.core.$ZodIssue[],
  locate?: (path: Path) => SourcePosition | undefined,
  { withKeys = locate !== undefined }: { withKeys?: boolean } = {},
): TemplateProblem[] {
  const seen = new Set<string>();
  const problems: TemplateProblem[] = [];
  for (const issue of issues) {
    const path = formatTemplatePath(issue.path);
    // A field failing several checks would repeat itself; the first problem is the one to fix.
    if (seen.has(path)) continue;
    seen.add(path);
    const { code, messages } = describeIssue(issue, withKeys);
    const place = describePlace(issue.path, withKeys);
    const position = locate?.(issue.path);
    problems.push({
      path,
      code,
      ...(position ? { line: position.line, column: position.column } : {}),
      messages: {
        ja: `${position ? `${position.line}行目: ` : ''}${place.ja}: ${messages.ja}`,
        en: `${position ? `line ${position.line}: ` : ''}${place.en}: ${messages.en}`,
      },
    });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
