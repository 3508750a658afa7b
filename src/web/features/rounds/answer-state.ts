import type { Position } from '../../../shared/auth/roles.js';
import type { SaveResponseInput } from '../../../shared/sheets/round-schema.js';
import type { SheetItem, SheetTemplate } from '../../../shared/sheets/template-schema.js';
import type { MyResponse, ResponseDefaults } from './round-queries.js';

/** What a respondent has entered for one item; the comment stays a string while they type. */
export interface ItemAnswer {
  level: number | null;
  comment: string;
}

/** The whole response as the answer page holds it. */
export interface ResponseValues {
  position: Position;
  departmentId: string | null;
  mostImportantItemKey: string | null;
  answers: Record<string, ItemAnswer>;
}

/** Every item of a sheet in the order it is asked. */
export function itemsOf(content: SheetTemplate): SheetItem[] {
  return content.sections.flatMap((section) => section.items);
}

/** A saved response where there is one, otherwise the person's own position and department. */
export function initialValues(
  items: readonly SheetItem[],
  response: MyResponse | null,
  defaults: Pick<ResponseDefaults, 'position' | 'departmentId'>,
): ResponseValues {
  const saved = new Map(response?.answers.map((answer) => [answer.itemKey, answer]));
  const keys = new Set(items.map((item) => item.key));
  return {
    position: response?.position ?? defaults.position,
    departmentId: response ? response.departmentId : defaults.departmentId,
    mostImportantItemKey:
      response?.mostImportantItemKey && keys.has(response.mostImportantItemKey) ? response.mostImportantItemKey : null,
    answers: Object.fromEntries(
      items.map((item) => {
        const answer = saved.get(item.key);
        const level = answer?.level ?? null;
        // A level outside the item (an edited template) is dropped rather than sent back to be refused.
        const valid = level !== null && level >= 1 && level <= item.levels.length ? level : null;
        return [item.key, { level: valid, comment: answer?.comment ?? '' }];
      }),
    ),
  };
}

/** The request body: one answer per item in the sheet's order, so `answers.3` in an error is the fourth item. */
export function toSaveInput(items: readonly SheetItem[], values: ResponseValues, submit: boolean): SaveResponseInput {
  return {
    position: values.position,
    departmentId: values.departmentId,
    mostImportantItemKey: values.mostImportantItemKey,
    answers: items.map((item) => {
      const answer = values.answers[item.key];
      const comment = answer?.comment.trim() ?? '';
      return { itemKey: item.key, level: answer?.level ?? null, comment: comment || null };
    }),
    submit,
  };
}

/** Keys of items still without a level, in the sheet's order. */
export function missingItemKeys(items: readonly SheetItem[], values: ResponseValues): string[] {
  return items.filter((item) => !values.answers[item.key]?.level).map((item) => item.key);
}

/**
 * The item key a server field error points at: `items.<key>` names it, and `answers.3.level` is the
 * fourth item sent, which toSaveInput put in the sheet's order (either perhaps after `body.`).
 */
export function itemKeyOfErrorPath(items: readonly SheetItem[], path: string): string | undefined {
  const rest = path.replace(/^body\./, '');
  const named = /^items\.([^.]+)$/.exec(rest);
  if (named) return items.find((item) => item.key === named[1])?.key;
  const indexed = /^answers\.(\d+)(?:\.|$)/.exec(rest);
  return indexed ? items[Number(indexed[1])]?.key : undefined;
}
