import type { PlanContent } from '../../../shared/plans/plan-schema.js';
import { AppError, type FieldProblem } from '../../lib/app-error.js';

/**
 * Checks what the schema cannot: step ids are unique, "after" names steps of the plan and never
 * leads back to the step itself, and no step is due before the plan starts. Every problem is
 * reported at once, at its field (`prefix` is where the content sits in the body).
 */
export function checkContent(content: PlanContent, prefix: string): void {
  const problems: FieldProblem[] = [];
  const ids = new Map<string, number>();
  content.steps.forEach((step, i) => {
    if (ids.has(step.id)) problems.push({ path: `${prefix}.steps.${i}.id`, code: 'plan.step_duplicate' });
    else ids.set(step.id, i);
    if (step.dueOn && step.dueOn < content.startsOn)
      problems.push({ path: `${prefix}.steps.${i}.dueOn`, code: 'plan.due_before_start' });
    const unknown = step.after.findIndex((id) => !content.steps.some((s) => s.id === id) || id === step.id);
    if (unknown >= 0) problems.push({ path: `${prefix}.steps.${i}.after`, code: 'plan.step_unknown' });
  });
  // A step in a cycle of "after": following its predecessors leads back to it.
  const after = new Map(content.steps.map((s) => [s.id, s.after]));
  const inCycle = (start: string) => {
    const seen = new Set<string>();
    const stack = [...(after.get(start) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (id === start) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(after.get(id) ?? []));
    }
    return false;
  };
  content.steps.forEach((step, i) => {
    if (step.after.length > 0 && inCycle(step.id))
      problems.push({ path: `${prefix}.steps.${i}.after`, code: 'plan.step_cycle' });
  });
  if (problems.length > 0) throw new AppError('validation', undefined, problems);
}

/** Statuses that mean a step needs no more doing (no overdue reminder). */
export const settledStatuses = new Set(['done', 'sustained', 'standardised', 'abandoned']);

/** Steps past their day (in Japan) that are not settled. */
export function overdueSteps(content: PlanContent, today: string) {
  return content.steps.filter((s) => s.dueOn !== null && s.dueOn < today && !settledStatuses.has(s.status));
}
