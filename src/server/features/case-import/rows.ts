import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ImportMapping, ImportTarget, RowError } from '../../../shared/case-import/import-schema.js';
import { type CaseInput, caseInputSchema, type ParsedCaseInput } from '../../../shared/cases/case-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { fieldErrorCatalog, isFieldErrorCode } from '../../../shared/errors/field-errors.js';
import { methodWords, normalise, parseAmount, parseDay, policyWords } from './cell-values.js';

/** Header names that case lists use for each field, normalised (NFKC, lower case, no spaces). */
const headerWords: Record<ImportTarget, string[]> = {
  sourceId: ['id', 'no', 'no.', '番号', '管理番号', '整理番号', '事例番号', '通し番号'],
  hoursPerYear: ['削減時間', '削減時間(年)', '年間削減時間', '時間削減', '削減時間数', 'hours'],
  yenPerYear: ['削減金額', '削減額', '年間削減額', '効果額', '削減効果額', 'yen'],
  costYen: ['費用', '経費', 'コスト', '費用(円)', 'cost'],
  title: ['件名', 'タイトル', '事例名', '取組名', '改善事例名', '名称', 'テーマ', '改善名', 'title'],
  happenedOn: ['実施日', '年月日', '日付', '実施年月日', '報告日', '実施時期', '実施年月', 'date'],
  department: ['所属', '部署', '課', '担当課', '所属名', '部署名', '課名', '所属課', 'department'],
  policyField: ['分野', '政策分野', '区分', 'field'],
  method: ['手法', '方法', '改善手法', 'method'],
  scene: ['場面', '12場面', '改善の場面', 'シーン', '段階', 'scene'],
  tags: ['タグ', 'キーワード', 'tags', 'tag'],
  problem: ['現状', '課題', '改善前', '問題点', '現状・課題', '背景', 'problem', 'before'],
  action: ['改善内容', '取組内容', '改善策', '取組', '実施内容', '内容', 'action'],
  result: ['効果', '改善後', '成果', '結果', '改善効果', 'result', 'after'],
  remaining: ['備考', '残課題', '今後の課題', '次の一手', '今後', 'remaining', 'note'],
};

/**
 * A mapping guessed from the header row: exact names first, then headers that contain a known
 * word of two characters or more, the more specific fields (削減時間 before 時間) choosing first.
 */
export function suggestMapping(headers: string[]): ImportMapping {
  const names = headers.map(normalise);
  const mapping: Partial<Record<ImportTarget, number>> = {};
  const taken = new Set<number>();
  const order = Object.keys(headerWords) as ImportTarget[];
  const choose = (match: (name: string, word: string) => boolean) => {
    for (const target of order) {
      if (mapping[target] !== undefined) continue;
      const index = names.findIndex((name, i) => !taken.has(i) && headerWords[target].some((w) => match(name, w)));
      if (index >= 0) {
        mapping[target] = index;
        taken.add(index);
      }
    }
  };
  choose((name, word) => name === word);
  choose((name, word) => word.length >= 2 && name !== '' && name.includes(word));
  return mapping as ImportMapping;
}

/** The departments of the organisation by their normalised name. */
export type DepartmentsByName = Map<string, { id: string; name: string }>;

/** A row that can become a case: the checked input and what is stored beside it. */
export interface CheckedRow {
  input: ParsedCaseInput;
  departmentName: string | null;
  sourceKey: string;
}

const wording = {
  date: { ja: '日付として読み取れません（例: 2024/4/1、令和6年4月1日）。', en: 'Not a date (e.g. 2024-04-01).' },
  number: { ja: '数値として読み取れません。', en: 'Not a number.' },
  policyField: {
    ja: '分野が選択肢にありません（窓口、ICT、公共施設、連携、民間活用、歳入、内部事務、福祉、防災、環境、その他）。',
    en: 'Not a known policy field (counter, ICT, facilities, collaboration, private sector, revenue, internal affairs, welfare, disaster, environment, other).',
  },
  method: {
    ja: '手法が選択肢にありません（やめる、へらす、かえる、ICT）。',
    en: 'Not a known method (stop, reduce, change, ICT).',
  },
  departmentLength: { ja: '所属は100文字以内にしてください。', en: 'Use at most 100 characters for the department.' },
  scene: {
    ja: '場面を読み取れません。段階（個人、職場、役所全体、地域）と変化の度合い（不具合解消、改善、革新）を「職場・改善」のように書いてください。',
    en: 'Not a scene. Write a stage (individual, workplace, whole government, region) and a level (fixing defects, improvement, innovation), e.g. "Workplace / Improvement".',
  },
} as const;

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() };

/** A Zod issue of the case rules in both languages, as the case form words it. */
function wordIssue(issue: z.core.$ZodIssue): { ja: string; en: string } {
  if (issue.code === 'custom' && isFieldErrorCode(issue.message)) return fieldErrorCatalog[issue.message];
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { ja: `${issue.maximum}文字以内で入力してください。`, en: `Use at most ${issue.maximum} characters.` };
  if (issue.code === 'too_big' && issue.origin === 'array')
    return { ja: `${issue.maximum}個までにしてください。`, en: `Use at most ${issue.maximum}.` };
  if (issue.code === 'too_small' && issue.origin === 'string') return fieldErrorCatalog.required;
  if (issue.code === 'invalid_type' && issue.input === undefined) return fieldErrorCatalog.required;
  const word = (l: 'ja' | 'en') => {
    const result = zodLocales[l].localeError?.(issue as never);
    return (typeof result === 'string' ? result : result?.message) ?? issue.message;
  };
  return { ja: word('ja'), en: word('en') };
}

const contentKeyOf = (input: ParsedCaseInput, departmentName: string | null) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        input.title,
        input.problem,
        input.action,
        input.result,
        input.remaining,
        departmentName,
        input.happenedOn,
        input.policyField ?? null,
        input.method ?? null,
        input.sceneId ?? null,
        input.costYen ?? null,
        input.tags,
        input.effects.map((e) => [e.kind, e.actual]),
      ]),
    )
    .digest('hex');

/**
 * Turns one row into a case input and checks it with the rules of a reported case. Problems name
 * the file's row number and the column by its header; a row with any problem gives no case.
 */
export function checkRow(
  row: { rowNumber: number; cells: string[] },
  mapping: ImportMapping,
  headers: string[],
  departments: DepartmentsByName,
  readScene: (text: string) => SceneId | null = () => null,
): { ok: true; value: CheckedRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const columnOf = (field: ImportTarget) => {
    const index = mapping[field];
    return index === undefined ? null : headers[index] || `#${index + 1}`;
  };
  const fail = (field: ImportTarget | null, code: string, messages: { ja: string; en: string }) =>
    errors.push({ row: row.rowNumber, column: field ? columnOf(field) : null, field, code, messages });
  const cell = (field: ImportTarget) => {
    const index = mapping[field];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };

  const input = { title: cell('title'), problem: cell('problem'), action: cell('action') } as CaseInput;
  input.result = cell('result');
  input.remaining = cell('remaining');
  const day = cell('happenedOn');
  const parsedDay = day === '' ? null : parseDay(day);
  if (day !== '' && !parsedDay) fail('happenedOn', 'caseImport.date', wording.date);
  // Left out when unreadable or empty, so the case rules name it as required unless said above.
  input.happenedOn = parsedDay ?? (undefined as unknown as string);

  const field = cell('policyField');
  if (field !== '') {
    const value = policyWords[normalise(field)];
    if (value) input.policyField = value;
    else fail('policyField', 'caseImport.policy_field', wording.policyField);
  }
  const method = cell('method');
  if (method !== '') {
    const value = methodWords[normalise(method)];
    if (value) input.method = value;
    else fail('method', 'caseImport.method', wording.method);
  }
  const scene = cell('scene');
  if (scene !== '') {
    const value = readScene(scene);
    if (value) input.sceneId = value;
    else fail('scene', 'caseImport.scene', wording.scene);
  }
  const effectTargets: ImportTarget[] = [];
  input.effects = [];
  for (const [target, kind] of [
    ['hoursPerYear', 'hours_per_year'],
    ['yenPerYear', 'yen_per_year'],
  ] as const) {
    const text = cell(target);
    if (text === '') continue;
    const amount = parseAmount(text);
    if (amount === null) fail(target, 'caseImport.number', wording.number);
    else {
      input.effects.push({ kind, actual: amount });
      effectTargets.push(target);
    }
  }
  const cost = cell('costYen');
  if (cost !== '') {
    const amount = parseAmount(cost);
    if (amount === null) fail('costYen', 'caseImport.number', wording.number);
    else input.costYen = amount;
  }
  const tags = cell('tags');
  input.tags = [
    ...new Set(
      tags
        .split(/[、,，;；/／\n]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const departmentText = cell('department');
  if (departmentText.length > 100) fail('department', 'caseImport.department', wording.departmentLength);
  const department = departmentText ? departments.get(normalise(departmentText)) : undefined;
  if (department) input.departmentId = department.id;

  const parsed = caseInputSchema.safeParse(input);
  if (!parsed.success) {
    const alreadyNamed = new Set(errors.map((e) => e.field));
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const target: ImportTarget | null =
        head === 'effects' ? (effectTargets[Number(index)] ?? null) : (importTargetsByKey[String(head)] ?? null);
      // A date already said to be unreadable needs no second message.
      if (target && alreadyNamed.has(target)) continue;
      fail(target, issue.code, wordIssue(issue));
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const departmentName = department?.name ?? (departmentText || null);
  const sourceId = cell('sourceId').normalize('NFKC');
  const sourceKey = sourceId ? `id:${sourceId}` : `sha256:${contentKeyOf(parsed.data, departmentName)}`;
  return { ok: true, value: { input: parsed.data, departmentName, sourceKey } };
}

const importTargetsByKey: Record<string, ImportTarget> = {
  title: 'title',
  problem: 'problem',
  action: 'action',
  result: 'result',
  remaining: 'remaining',
  happenedOn: 'happenedOn',
  policyField: 'policyField',
  method: 'method',
  sceneId: 'scene',
  costYen: 'costYen',
  tags: 'tags',
  departmentId: 'department',
};
