import type { PlanChange, PlanContent, PlanStep } from './plan-schema.js';

/**
 * The differences between two versions of a plan, field by field; steps are matched by their id,
 * so a step whose words changed is one change, not a removal and an addition.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const stepFields = ['text', 'owner', 'dueOn', 'status', 'after'] as const satisfies readonly (keyof PlanStep)[];
const involveFields = ['colleagues', 'bosses', 'executives', 'hr'] as const;

export function diffPlans(before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  const field = (path: string, a: unknown, b: unknown) => {
    if (!same(a, b)) changes.push({ path, kind: 'changed', before: a ?? null, after: b ?? null });
  };
  field('title', before.title, after.title);
  field('goal', before.goal, after.goal);
  field('aim', before.aim, after.aim);
  field('startsOn', before.startsOn, after.startsOn);
  for (const key of involveFields) field(`involve.${key}`, before.involve[key], after.involve[key]);

  const beforeSteps = new Map(before.steps.map((s) => [s.id, s]));
  const afterSteps = new Map(after.steps.map((s) => [s.id, s]));
  for (const step of before.steps)
    if (!afterSteps.has(step.id))
      changes.push({ path: `steps.${step.id}`, kind: 'removed', before: step, after: null });
  for (const step of after.steps) {
    const old = beforeSteps.get(step.id);
    if (!old) {
      changes.push({ path: `steps.${step.id}`, kind: 'added', before: null, after: step });
      continue;
    }
    for (const key of stepFields) field(`steps.${step.id}.${key}`, old[key], step[key]);
  }
  const order = (steps: PlanStep[]) => steps.map((s) => s.id).filter((id) => beforeSteps.has(id) && afterSteps.has(id));
  if (!same(order(before.steps), order(after.steps)))
    changes.push({ path: 'steps.order', kind: 'changed', before: order(before.steps), after: order(after.steps) });

  const items = (content: PlanContent) => content.sheetItems.map((i) => i.itemKey).sort();
  if (!same(items(before), items(after))) field('sheetItems', before.sheetItems, after.sheetItems);
  if (!same([...before.scenes].sort(), [...after.scenes].sort())) field('scenes', before.scenes, after.scenes);
  return changes;
}
