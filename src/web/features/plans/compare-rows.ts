import type { PlanChange, PlanContent, PlanStep } from '../../../shared/plans/plan-schema.js';
import { involveKeys } from './plan-form-values.js';

export type ChangeKind = PlanChange['kind'];

/** A field of the plan as the comparison lays it out: one row, its value on each side, what changed. */
export interface FieldRow {
  kind: 'field';
  path: string;
  change: ChangeKind | null;
}

/** A step, matched by its id on both sides; its changed fields are named. */
export interface StepRowCompare {
  kind: 'step';
  stepId: string;
  before: PlanStep | null;
  after: PlanStep | null;
  change: ChangeKind | null;
  changedFields: string[];
}

export type CompareRow = FieldRow | StepRowCompare;

export const comparedFields = [
  'title',
  'goal',
  'aim',
  'startsOn',
  ...involveKeys.map((key) => `involve.${key}`),
  'sheetItems',
  'scenes',
] as const;

/**
 * The rows of a side-by-side comparison: every field, then every step of either side (the newer
 * order first, removed steps after), each with the server's verdict on what changed.
 */
export function buildCompareRows(from: PlanContent, to: PlanContent, changes: readonly PlanChange[]): CompareRow[] {
  const byPath = new Map(changes.map((c) => [c.path, c]));
  const fields: CompareRow[] = comparedFields.map((path) => ({
    kind: 'field',
    path,
    change: byPath.get(path)?.kind ?? null,
  }));
  const ids = [
    ...to.steps.map((s) => s.id),
    ...from.steps.map((s) => s.id).filter((id) => !to.steps.some((s) => s.id === id)),
  ];
  const steps: CompareRow[] = ids.map((stepId) => {
    const before = from.steps.find((s) => s.id === stepId) ?? null;
    const after = to.steps.find((s) => s.id === stepId) ?? null;
    const whole =
      byPath.get(`steps.${stepId}`)?.kind ?? (before && !after ? 'removed' : !before && after ? 'added' : null);
    const changedFields = changes
      .filter((c) => c.path.startsWith(`steps.${stepId}.`))
      .map((c) => c.path.slice(`steps.${stepId}.`.length));
    return {
      kind: 'step',
      stepId,
      before,
      after,
      change: whole ?? (changedFields.length > 0 ? 'changed' : null),
      changedFields,
    };
  });
  return [...fields, ...steps];
}

export function countChanges(rows: readonly CompareRow[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0 };
  for (const row of rows) if (row.change) counts[row.change] += 1;
  return counts;
}
