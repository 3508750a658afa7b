import type { ResponseDefaults } from './round-queries.js';

type Choice = ResponseDefaults['departments'][number];

/** Departments in tree order with their depth, for a select whose options are indented; keeps the server's order among siblings. */
export function indentDepartments(departments: readonly Choice[]): (Choice & { depth: number })[] {
  const ids = new Set(departments.map((d) => d.id));
  const byParent = new Map<string | null, Choice[]>();
  for (const department of departments) {
    const parent = department.parentId && ids.has(department.parentId) ? department.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), department]);
  }
  const out: (Choice & { depth: number })[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const department of byParent.get(parent) ?? []) {
      if (seen.has(department.id)) continue;
      seen.add(department.id);
      out.push({ ...department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
