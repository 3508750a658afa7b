import type { Position } from '../../../shared/auth/roles.js';

/**
 * Which groups of a round may be shown without revealing fewer than k people's answers.
 *
 * A group is shown only when it has at least k responses. That alone is not enough: a group of 12
 * and a group of 11 inside it, both shown, give away the twelfth person by subtraction. So within
 * every shown group, the part not covered by shown subgroups must be empty or hold at least k
 * responses; when it would not, the smallest subgroups are withheld too ("protects_others") until it
 * does. Departments form a tree and positions split the whole round, so both families get this rule,
 * and so does whatever one family's groups leave when taken from the other's.
 * See docs/decisions/0006-anonymity-threshold.md for what this does and does not protect against.
 */

export type WithheldReason = 'below_threshold' | 'protects_others' | 'round_open';

export interface Visibility {
  shown: boolean;
  reason: WithheldReason | null;
}

/** Submitted responses per (department, position): all a decision needs, no answers. */
export interface ResponseCell {
  departmentId: string | null;
  position: Position;
  count: number;
}

export interface DepartmentNode {
  id: string;
  parentId: string | null;
}

export interface RoundVisibility {
  k: number;
  total: number;
  round: Visibility;
  /** Each department of the organisation: shown or why not, and how many responses its subtree holds. */
  departments: Map<string, Visibility & { count: number }>;
  positions: Map<Position, Visibility & { count: number }>;
  /** Department ids each response cell's department rolls up to, itself included. */
  subtreeOf: (departmentId: string) => Set<string>;
}

const shown: Visibility = { shown: true, reason: null };
const below: Visibility = { shown: false, reason: 'below_threshold' };
const protects: Visibility = { shown: false, reason: 'protects_others' };

export function decideVisibility(cells: ResponseCell[], tree: DepartmentNode[], k: number): RoundVisibility {
  const known = new Set(tree.map((d) => d.id));
  const children = new Map<string | null, string[]>();
  for (const d of tree) {
    const parent = d.parentId && known.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d.id]);
  }

  // Responses whose department is gone or unknown count towards the whole round only.
  const direct = new Map<string | null, number>();
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  for (const c of cells) {
    const key = c.departmentId && known.has(c.departmentId) ? c.departmentId : null;
    direct.set(key, (direct.get(key) ?? 0) + c.count);
  }
  const subtreeCount = new Map<string, number>();
  const countOf = (id: string): number => {
    const cached = subtreeCount.get(id);
    if (cached !== undefined) return cached;
    let n = direct.get(id) ?? 0;
    for (const child of children.get(id) ?? []) n += countOf(child);
    subtreeCount.set(id, n);
    return n;
  };

  const departments = new Map<string, Visibility & { count: number }>();
  const withholdSubtree = (id: string, reason: Visibility) => {
    const n = countOf(id);
    departments.set(id, { ...(n >= k ? reason : below), count: n });
    for (const child of children.get(id) ?? []) withholdSubtree(child, reason);
  };
  /** Applies the rule inside a shown group: its direct part plus withheld children must be 0 or ≥ k. */
  const splitShownGroup = (groupId: string | null) => {
    const kids = (children.get(groupId) ?? []).map((id) => ({ id, n: countOf(id) }));
    const candidates = kids.filter((c) => c.n >= k).sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
    let remainder = (direct.get(groupId) ?? 0) + kids.filter((c) => c.n < k).reduce((s, c) => s + c.n, 0);
    for (const c of kids.filter((c) => c.n < k)) withholdSubtree(c.id, below);
    while (remainder > 0 && remainder < k && candidates.length > 0) {
      const smallest = candidates.shift();
      if (!smallest) break;
      remainder += smallest.n;
      withholdSubtree(smallest.id, protects);
    }
    for (const c of candidates) {
      departments.set(c.id, { ...shown, count: c.n });
      splitShownGroup(c.id);
    }
  };
  const roundVisible = total >= k;
  if (roundVisible) splitShownGroup(null);
  else for (const id of children.get(null) ?? []) withholdSubtree(id, below);

  // Positions split the whole round.
  const positionCounts = new Map<Position, number>();
  for (const c of cells) positionCounts.set(c.position, (positionCounts.get(c.position) ?? 0) + c.count);
  const positions = new Map<Position, Visibility & { count: number }>();
  for (const [position, n] of positionCounts)
    positions.set(position, { ...(roundVisible && n >= k ? shown : below), count: n });

  const subtrees = new Map<string, Set<string>>();
  const subtreeOf = (id: string): Set<string> => {
    const cached = subtrees.get(id);
    if (cached) return cached;
    const set = new Set<string>([id]);
    for (const child of children.get(id) ?? []) for (const x of subtreeOf(child)) set.add(x);
    subtrees.set(id, set);
    return set;
  };
  // Across the families. Shown departments cut the round into parts: each shown department less its
  // shown subdepartments, and the rest of the round. Shown positions are parts of the other family,
  // with all hidden positions together as one more. Published counts let anyone take a set T of
  // position parts and subtract it from the department parts it touches, or subtract from it the
  // department parts lying wholly inside it; both leftovers must be 0 or ≥ k. (Positions are few, so
  // every set T is tried.) Where one is not, a shown position is withheld and all is tried again.
  const parentOf = new Map(tree.map((d) => [d.id, d.parentId && known.has(d.parentId) ? d.parentId : null]));
  const departmentPartOf = (departmentId: string | null): string => {
    for (let d = departmentId && known.has(departmentId) ? departmentId : null; d; d = parentOf.get(d) ?? null)
      if (departments.get(d)?.shown) return d;
    return '';
  };
  const hiddenPart = 'hidden';
  const crossLeak = (): Position[] | null => {
    const cellsOf = new Map<string, Map<string, number>>();
    const positionParts = new Map<string, number>();
    for (const c of cells) {
      if (c.count === 0) continue;
      const departmentPart = departmentPartOf(c.departmentId);
      const positionPart = positions.get(c.position)?.shown ? c.position : hiddenPart;
      const row = cellsOf.get(departmentPart) ?? new Map<string, number>();
      row.set(positionPart, (row.get(positionPart) ?? 0) + c.count);
      cellsOf.set(departmentPart, row);
      positionParts.set(positionPart, (positionParts.get(positionPart) ?? 0) + c.count);
    }
    const parts = [...positionParts.keys()];
    for (let mask = 1; mask < 1 << parts.length; mask++) {
      const set = new Set(parts.filter((_, i) => mask & (1 << i)));
      const inSet = [...set].reduce((s, p) => s + (positionParts.get(p) ?? 0), 0);
      let touched = 0;
      let inside = 0;
      for (const row of cellsOf.values()) {
        const all = [...row.values()].reduce((s, n) => s + n, 0);
        if ([...row.keys()].some((p) => set.has(p))) touched += all;
        if ([...row.keys()].every((p) => set.has(p))) inside += all;
      }
      const small = (n: number) => n > 0 && n < k;
      if (small(touched - inSet) || (inside > 0 && small(inSet - inside)))
        return [...set].filter((p): p is Position => p !== hiddenPart);
    }
    return null;
  };

  for (;;) {
    const shownPositions = [...positions].filter(([, v]) => v.shown).sort((a, b) => a[1].count - b[1].count);
    if (shownPositions.length === 0) break;
    const hiddenPositions = [...positions].filter(([, v]) => !v.shown).reduce((s, [, v]) => s + v.count, 0);
    const leak = hiddenPositions > 0 && hiddenPositions < k ? [] : crossLeak();
    if (!leak) break;
    // The smallest shown position of the offending set, else the smallest shown one: it joins the hidden part.
    const [position, v] = (shownPositions.find(([p]) => leak.includes(p)) ?? shownPositions[0]) as [
      Position,
      Visibility & { count: number },
    ];
    positions.set(position, { ...protects, count: v.count });
  }

  return {
    k,
    total,
    round: roundVisible ? shown : below,
    departments,
    positions,
    subtreeOf,
  };
}
