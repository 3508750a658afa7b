import { describe, expect, it } from 'vitest';
import type { Department } from '../../../shared/departments/schema.js';
import { buildDepartmentTree, descendantIds, flattenTree, suggestChildLevel } from './build-tree.js';

function department(id: string, parentId: string | null, sortOrder = 0, name = id): Department {
  return {
    id,
    orgId: 'org',
    parentId,
    name,
    level: 'other',
    sortOrder,
    memberCount: 0,
    createdAt: '2026-04-01T00:00:00Z',
    updatedAt: '2026-04-01T00:00:00Z',
  };
}

describe('buildDepartmentTree', () => {
  const list = [department('b', null, 2), department('a', null, 1), department('a1', 'a'), department('a1x', 'a1')];

  it('nests children under parents, ordered by sortOrder', () => {
    const tree = buildDepartmentTree(list);
    expect(tree.map((n) => n.department.id)).toEqual(['a', 'b']);
    expect(tree[0]?.children[0]?.children[0]?.depth).toBe(2);
  });

  it('shows departments with a missing parent at the top', () => {
    const tree = buildDepartmentTree([department('orphan', 'gone')]);
    expect(tree[0]?.department.id).toBe('orphan');
  });

  it('flattens depth first', () => {
    expect(flattenTree(buildDepartmentTree(list)).map((n) => n.department.id)).toEqual(['a', 'a1', 'a1x', 'b']);
  });
});

describe('descendantIds', () => {
  it('collects every level below', () => {
    const list = [department('a', null), department('a1', 'a'), department('a1x', 'a1'), department('b', null)];
    expect([...descendantIds(list, 'a')].sort()).toEqual(['a1', 'a1x']);
  });
});

describe('suggestChildLevel', () => {
  it('follows 部 > 課 > 係', () => {
    expect(suggestChildLevel(undefined)).toBe('bureau');
    expect(suggestChildLevel({ ...department('a', null), level: 'bureau' })).toBe('division');
    expect(suggestChildLevel({ ...department('a', null), level: 'division' })).toBe('unit');
  });
});
