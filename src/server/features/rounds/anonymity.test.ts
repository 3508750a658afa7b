import { describe, expect, it } from 'vitest';
import type { Position } from '../../../shared/auth/roles.js';
import { type DepartmentNode, decideVisibility, type ResponseCell, type RoundVisibility } from './anonymity.js';

const cell = (departmentId: string | null, position: Position, count: number): ResponseCell => ({
  departmentId,
  position,
  count,
});

/** 部 > 課 > 係, with a second 課 beside the first. */
const tree: DepartmentNode[] = [
  { id: 'bu', parentId: null },
  { id: 'ka', parentId: 'bu' },
  { id: 'kakari', parentId: 'ka' },
  { id: 'ka2', parentId: 'bu' },
];

const department = (v: RoundVisibility, id: string) => {
  const d = v.departments.get(id);
  return d ? { shown: d.shown, reason: d.reason } : undefined;
};
const position = (v: RoundVisibility, p: Position) => {
  const d = v.positions.get(p);
  return d ? { shown: d.shown, reason: d.reason } : undefined;
};
const isShown = { shown: true, reason: null };
const below = { shown: false, reason: 'below_threshold' };
const protects = { shown: false, reason: 'protects_others' };

describe('decideVisibility', () => {
  it('withholds everything in a round below k', () => {
    const v = decideVisibility([cell('ka', 'staff', 1), cell(null, 'director', 1)], tree, 3);
    expect(v.round).toEqual(below);
    expect(v.total).toBe(2);
    for (const d of v.departments.values()) expect(d.shown).toBe(false);
    expect(position(v, 'staff')).toEqual(below);
    expect(position(v, 'director')).toEqual(below);
  });

  it('shows a round at exactly k', () => {
    const v = decideVisibility([cell(null, 'staff', 3)], tree, 3);
    expect(v.round).toEqual(isShown);
    expect(position(v, 'staff')).toEqual(isShown);
  });

  it('withholds a 課 of k inside a 部 of k+1: the one left over would show by subtraction', () => {
    for (const k of [2, 3, 5]) {
      const v = decideVisibility([cell('ka', 'staff', k), cell('bu', 'staff', 1)], tree, k);
      expect(department(v, 'bu'), `k=${k}`).toEqual(isShown);
      expect(department(v, 'ka'), `k=${k}`).toEqual(protects);
      expect(v.departments.get('ka')?.count).toBe(k);
      // Everything below a withheld unit stays withheld.
      expect(department(v, 'kakari')).toEqual(below);
    }
  });

  it('shows a 課 inside a 部 when what is left of the 部 is empty or at least k', () => {
    const empty = decideVisibility([cell('ka', 'staff', 3)], tree, 3);
    expect(department(empty, 'bu')).toEqual(isShown);
    expect(department(empty, 'ka')).toEqual(isShown);
    const enough = decideVisibility([cell('ka', 'staff', 3), cell('bu', 'staff', 3)], tree, 3);
    expect(department(enough, 'ka')).toEqual(isShown);
  });

  it('applies the rule down the tree: a 係 of k in a 課 of k+1 in a 部 that is larger still', () => {
    const v = decideVisibility(
      [cell('kakari', 'staff', 5), cell('ka', 'staff', 1), cell('ka2', 'staff', 5), cell('bu', 'staff', 5)],
      tree,
      5,
    );
    expect(department(v, 'bu')).toEqual(isShown);
    expect(department(v, 'ka')).toEqual(isShown);
    expect(department(v, 'kakari')).toEqual(protects);
    expect(department(v, 'ka2')).toEqual(isShown);
  });

  it('withholds the smaller of two siblings when the parent keeps fewer than k of its own', () => {
    const v = decideVisibility([cell('ka', 'staff', 4), cell('ka2', 'staff', 3), cell('bu', 'staff', 1)], tree, 3);
    expect(department(v, 'bu')).toEqual(isShown);
    expect(department(v, 'ka2')).toEqual(protects);
    expect(department(v, 'ka')).toEqual(isShown);
    // A small sibling already withheld counts towards what is left.
    const w = decideVisibility([cell('ka', 'staff', 3), cell('ka2', 'staff', 2)], tree, 3);
    expect(department(w, 'ka2')).toEqual(below);
    expect(department(w, 'ka')).toEqual(protects);
    expect(department(w, 'bu')).toEqual(isShown);
  });

  it('shows siblings side by side when nothing is left over', () => {
    const v = decideVisibility([cell('ka', 'staff', 2), cell('ka2', 'staff', 2)], tree, 2);
    expect(department(v, 'ka')).toEqual(isShown);
    expect(department(v, 'ka2')).toEqual(isShown);
  });

  it('counts responses without a department (or with an unknown one) towards the round only', () => {
    const v = decideVisibility([cell('bu', 'staff', 3), cell(null, 'staff', 1)], tree, 3);
    expect(v.round).toEqual(isShown);
    expect(department(v, 'bu')).toEqual(protects);
    const unknown = decideVisibility([cell('bu', 'staff', 3), cell('gone', 'staff', 1)], tree, 3);
    expect(unknown.total).toBe(4);
    expect(department(unknown, 'bu')).toEqual(protects);
    expect(unknown.departments.has('gone')).toBe(false);
    const enough = decideVisibility([cell('bu', 'staff', 3), cell(null, 'staff', 3)], tree, 3);
    expect(department(enough, 'bu')).toEqual(isShown);
  });

  it('withholds the smallest shown position when the hidden ones hold fewer than k', () => {
    for (const k of [2, 3, 5]) {
      const v = decideVisibility(
        [cell(null, 'director', 1), cell(null, 'staff', k), cell(null, 'section_chief', k + 1)],
        [],
        k,
      );
      expect(position(v, 'director'), `k=${k}`).toEqual(below);
      expect(position(v, 'staff'), `k=${k}`).toEqual(protects);
      expect(position(v, 'section_chief'), `k=${k}`).toEqual(isShown);
    }
  });

  it('withholds a position whose rest is a department made wholly of it', () => {
    // 課 = 3 staff; one more staff elsewhere: staff − 課 would be that one person.
    const v = decideVisibility(
      [cell('ka', 'staff', 3), cell('ka2', 'staff', 1), cell('ka2', 'section_chief', 3)],
      tree,
      3,
    );
    expect(department(v, 'ka')).toEqual(isShown);
    expect(position(v, 'staff')).toEqual(protects);
    // A department made wholly of one position, with nothing of it elsewhere: both may show.
    const w = decideVisibility([cell('ka', 'staff', 3), cell('ka2', 'section_chief', 3)], tree, 3);
    expect(department(w, 'ka')).toEqual(isShown);
    expect(position(w, 'staff')).toEqual(isShown);
    expect(position(w, 'section_chief')).toEqual(isShown);
  });

  it('withholds a position that lies inside a department with fewer than k others', () => {
    const v = decideVisibility(
      [cell('ka', 'staff', 3), cell('ka', 'director', 1), cell('ka2', 'director', 3)],
      tree,
      3,
    );
    expect(department(v, 'ka')).toEqual(isShown);
    expect(position(v, 'staff')).toEqual(protects);
  });

  it('protects a position against the part of a 部 its shown 課 leave', () => {
    // 部 less 課 = 3 directors; the fourth director is in 課: director − (部 − 課) would be one person.
    const v = decideVisibility([cell('bu', 'director', 3), cell('ka', 'director', 1), cell('ka', 'staff', 3)], tree, 3);
    expect(department(v, 'bu')).toEqual(isShown);
    expect(department(v, 'ka')).toEqual(isShown);
    expect(position(v, 'director')?.shown).toBe(false);
    expect(position(v, 'staff')?.shown).toBe(false);
  });

  it('protects people without a department against the round less departments and positions', () => {
    // round − 課 − directors would be the 2 staff without a department.
    const v = decideVisibility([cell(null, 'director', 3), cell(null, 'staff', 2), cell('ka', 'staff', 5)], tree, 3);
    expect(department(v, 'ka')).toEqual(isShown);
    expect(position(v, 'director')?.shown).toBe(false);
    expect(position(v, 'staff')?.shown).toBe(false);
  });

  it('keeps the split by position where the departments do not narrow it down', () => {
    const v = decideVisibility(
      [
        cell('ka', 'staff', 2),
        cell('ka', 'section_chief', 1),
        cell('ka2', 'staff', 2),
        cell('ka2', 'section_chief', 1),
        cell('bu', 'director', 1),
        cell('bu', 'staff', 2),
      ],
      tree,
      3,
    );
    expect(department(v, 'ka')).toEqual(isShown);
    expect(department(v, 'ka2')).toEqual(isShown);
    expect(position(v, 'staff')).toEqual(isShown);
  });

  it('never shows a group below k nor leaves fewer than k to subtraction (random rounds)', () => {
    const random = mulberry32(20240611);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const allPositions: Position[] = ['director', 'section_chief', 'subsection_chief', 'staff'];
    let shownSomething = 0;
    for (let run = 0; run < 400; run++) {
      const k = pick([2, 3, 3, 4, 5]);
      const nodes: DepartmentNode[] = [];
      const size = 1 + Math.floor(random() * 6);
      for (let i = 0; i < size; i++)
        nodes.push({ id: `d${i}`, parentId: i === 0 || random() < 0.25 ? null : pick(nodes).id });
      const cells: ResponseCell[] = [];
      const cellCount = 1 + Math.floor(random() * 7);
      for (let i = 0; i < cellCount; i++) {
        const departmentId = random() < 0.2 ? null : pick(nodes).id;
        cells.push(cell(departmentId, pick(allPositions), 1 + Math.floor(random() * (k + 2))));
      }
      const v = decideVisibility(cells, nodes, k);
      const context = JSON.stringify({ k, nodes, cells });
      checkSameFamily(v, cells, nodes, k, context);
      checkNothingDerivableBelowK(v, cells, nodes, k, context);
      if ([...v.departments.values()].some((d) => d.shown)) shownSomething++;
    }
    // The generator must exercise the interesting cases, not withhold everything.
    expect(shownSomething).toBeGreaterThan(100);
  });
});

/** A small seeded PRNG, so a failing case can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function subtreeIdsOf(nodes: DepartmentNode[], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of nodes)
      if (n.parentId && out.has(n.parentId) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
  }
  return out;
}

/** Every shown group has ≥ k; each shown group less the shown groups of its family inside it is 0 or ≥ k. */
function checkSameFamily(
  v: RoundVisibility,
  cells: ResponseCell[],
  nodes: DepartmentNode[],
  k: number,
  context: string,
) {
  const total = cells.reduce((s, c) => s + c.count, 0);
  const shownDepartments = [...v.departments].filter(([, d]) => d.shown).map(([id]) => id);
  const shownPositions = [...v.positions].filter(([, p]) => p.shown).map(([p]) => p);
  if (total < k) {
    expect(shownDepartments.length + shownPositions.length, context).toBe(0);
    return;
  }
  const countIn = (ids: Set<string>) =>
    cells.filter((c) => c.departmentId !== null && ids.has(c.departmentId)).reduce((s, c) => s + c.count, 0);
  const ok = (n: number) => n === 0 || n >= k;
  // The round is the outermost group of both families.
  const groups: { id: string | null; ids: Set<string> | null }[] = [
    { id: null, ids: null },
    ...shownDepartments.map((id) => ({ id, ids: subtreeIdsOf(nodes, id) })),
  ];
  for (const g of groups) {
    const count = g.ids ? countIn(g.ids) : total;
    expect(count, context).toBeGreaterThanOrEqual(k);
    const inside = new Set<string>();
    for (const other of shownDepartments)
      if (other !== g.id && (!g.ids || g.ids.has(other))) for (const x of subtreeIdsOf(nodes, other)) inside.add(x);
    expect(ok(count - countIn(inside)), `${context} group ${g.id}`).toBe(true);
  }
  for (const p of shownPositions)
    expect(
      cells.filter((c) => c.position === p).reduce((s, c) => s + c.count, 0),
      context,
    ).toBeGreaterThanOrEqual(k);
  const inShownPositions = cells.filter((c) => shownPositions.includes(c.position)).reduce((s, c) => s + c.count, 0);
  expect(ok(total - inShownPositions), context).toBe(true);
}

/**
 * The exact check, independent of how decideVisibility reasons: every published group (the round,
 * shown departments, shown positions) is a sum of (department, position) cells. Any set of cells whose
 * indicator is a linear combination of published groups can be computed by anyone; none may hold
 * between 1 and k−1 responses.
 */
function checkNothingDerivableBelowK(
  v: RoundVisibility,
  cells: ResponseCell[],
  nodes: DepartmentNode[],
  k: number,
  context: string,
) {
  const known = new Set(nodes.map((n) => n.id));
  const merged = new Map<string, ResponseCell>();
  for (const c of cells) {
    const departmentId = c.departmentId && known.has(c.departmentId) ? c.departmentId : null;
    const key = `${departmentId}|${c.position}`;
    const m = merged.get(key) ?? cell(departmentId, c.position, 0);
    m.count += c.count;
    merged.set(key, m);
  }
  const fine = [...merged.values()];
  const published: number[][] = [];
  if (v.round.shown) published.push(fine.map(() => 1));
  for (const [id, d] of v.departments) {
    if (!d.shown) continue;
    const ids = subtreeIdsOf(nodes, id);
    published.push(fine.map((c) => (c.departmentId !== null && ids.has(c.departmentId) ? 1 : 0)));
  }
  for (const [p, d] of v.positions) if (d.shown) published.push(fine.map((c) => (c.position === p ? 1 : 0)));
  const basis = echelon(published);
  const chosen: number[] = [];
  const visit = (from: number, sum: number) => {
    if (sum > 0) {
      const x = fine.map((_, i) => (chosen.includes(i) ? 1 : 0));
      expect(inSpan(basis, x), `${context}: cells ${chosen.join(',')} (${sum} responses) can be derived`).toBe(false);
    }
    for (let i = from; i < fine.length; i++) {
      const n = (fine[i] as ResponseCell).count;
      if (sum + n >= k) continue;
      chosen.push(i);
      visit(i + 1, sum + n);
      chosen.pop();
    }
  };
  visit(0, 0);
}

const eps = 1e-9;

/** Row echelon form of the rows: each row's pivot column is its first non-zero entry. */
function echelon(rows: number[][]): { row: number[]; pivot: number }[] {
  const basis: { row: number[]; pivot: number }[] = [];
  for (const original of rows) {
    const row = reduce(basis, [...original]);
    const pivot = row.findIndex((x) => Math.abs(x) > eps);
    if (pivot >= 0) basis.push({ row, pivot });
  }
  return basis;
}

function reduce(basis: { row: number[]; pivot: number }[], row: number[]): number[] {
  for (const b of basis) {
    const factor = (row[b.pivot] ?? 0) / (b.row[b.pivot] ?? 1);
    if (Math.abs(factor) > eps) for (let i = 0; i < row.length; i++) row[i] = (row[i] ?? 0) - factor * (b.row[i] ?? 0);
  }
  return row;
}

function inSpan(basis: { row: number[]; pivot: number }[], x: number[]): boolean {
  // Reducing in insertion order works because each basis row is zero at earlier rows' pivots.
  return reduce(basis, [...x]).every((value) => Math.abs(value) < eps);
}
