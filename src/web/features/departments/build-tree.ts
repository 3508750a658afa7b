import type { Department } from '../../../shared/departments/schema.js';

export interface DepartmentNode {
  department: Department;
  depth: number;
  children: DepartmentNode[];
}

function compare(a: Department, b: Department): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja');
}

/** Turns the flat list into the 部 > 課 > 係 tree; a department whose parent is missing shows at the top. */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const byParent = new Map<string | null, Department[]>();
  for (const department of departments) {
    const parent = department.parentId && ids.has(department.parentId) ? department.parentId : null;
    const siblings = byParent.get(parent) ?? [];
    siblings.push(department);
    byParent.set(parent, siblings);
  }
  const visit = (parent: string | null, depth: number, seen: Set<string>): DepartmentNode[] =>
    (byParent.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort(compare)
      .map((department) => ({
        department,
        depth,
        children: visit(department.id, depth + 1, new Set([...seen, department.id])),
      }));
  return visit(null, 0, new Set());
}

/** Depth-first order, for parent pickers that show the tree as indented options. */
export function flattenTree(nodes: readonly DepartmentNode[]): DepartmentNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ids under a department (not itself): it cannot move into any of them. */
export function descendantIds(departments: readonly Department[], id: string): Set<string> {
  const result = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const department of departments) {
      if (department.parentId === current && !result.has(department.id)) {
        result.add(department.id);
        queue.push(department.id);
      }
    }
  }
  return result;
}

/** The level a new child most likely has: under 部 a 課, under 課 a 係. */
export function suggestChildLevel(parent: Department | undefined): Department['level'] {
  if (!parent) return 'bureau';
  if (parent.level === 'bureau') return 'division';
  if (parent.level === 'division') return 'unit';
  return 'other';
}
