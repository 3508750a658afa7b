import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { wouldCreateCycle } from './tree.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('department tree', () => {
  it('builds 部 > 課 > 係, renames, moves and deletes, with an audit trail', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const base = `/api/orgs/${org.id}/departments`;
    const add = async (payload: object) => {
      const r = await t.app.inject({ method: 'POST', url: base, headers: { cookie }, payload });
      expect(r.statusCode).toBe(201);
      return r.json() as { id: string; parentId: string | null };
    };
    const bu = await add({ name: '市民部', level: 'bureau' });
    const ka = await add({ name: '市民課', level: 'division', parentId: bu.id });
    const kakari = await add({ name: '窓口係', level: 'unit', parentId: ka.id });
    const other = await add({ name: '総務部', level: 'bureau', sortOrder: 5 });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${ka.id}`,
      headers: { cookie },
      payload: { name: '市民窓口課' },
    });
    expect(renamed.json()).toMatchObject({ name: '市民窓口課', parentId: bu.id });

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${ka.id}`,
      headers: { cookie },
      payload: { parentId: other.id },
    });
    expect(moved.json().parentId).toBe(other.id);

    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${other.id}`,
      headers: { cookie },
      payload: { parentId: kakari.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('department_cycle');

    const self = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${other.id}`,
      headers: { cookie },
      payload: { parentId: other.id },
    });
    expect(self.statusCode).toBe(422);

    const notEmpty = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${other.id}`,
      headers: { cookie },
      payload: {},
    });
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json().code).toBe('department_not_empty');

    const gone = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${kakari.id}`,
      headers: { cookie },
      payload: {},
    });
    expect(gone.statusCode).toBe(200);

    const toTop = await t.app.inject({
      method: 'PATCH',
      url: `${base}/${ka.id}`,
      headers: { cookie },
      payload: { parentId: null },
    });
    expect(toTop.json().parentId).toBeNull();

    const list = await t.app.inject({ method: 'GET', url: base, headers: { cookie } });
    expect(
      list
        .json()
        .map((d: { name: string }) => d.name)
        .sort(),
    ).toEqual(['市民窓口課', '市民部', '総務部'].sort());

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${org.id}/audit-events?action=department`,
      headers: { cookie },
    });
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'department.create')).toHaveLength(4);
    expect(actions).toContain('department.delete');
    const rename = audit
      .json()
      .items.find(
        (e: { action: string; changes: Record<string, unknown> | null }) =>
          e.action === 'department.update' && e.changes?.name,
      );
    expect(rename.changes.name).toEqual(['市民課', '市民窓口課']);
  });

  it('refuses to delete a department people belong to', async () => {
    const { org, cookie } = await createOrgWithAdmin(t);
    const dept = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/departments`,
      headers: { cookie },
      payload: { name: '人事課', level: 'division' },
    });
    await createMember(t, { orgId: org.id, departmentId: dept.json().id });
    const list = await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/departments`, headers: { cookie } });
    expect(list.json()[0].memberCount).toBe(1);
    const r = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${org.id}/departments/${dept.json().id}`,
      headers: { cookie },
      payload: {},
    });
    expect(r.statusCode).toBe(409);
  });

  it('lets staff read the tree but not change it', async () => {
    const { org } = await createOrgWithAdmin(t);
    const staff = await createMember(t, { orgId: org.id, role: 'staff' });
    const cookie = await logIn(t, staff.user.email);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/departments`, headers: { cookie } })).statusCode,
    ).toBe(200);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/departments`,
      headers: { cookie },
      payload: { name: 'x', level: 'unit' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().messages.ja).toContain('権限');
  });
});

describe('wouldCreateCycle', () => {
  const links = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
  ];
  it('finds a move under a descendant or itself', () => {
    expect(wouldCreateCycle(links, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(links, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(links, 'c', 'a')).toBe(false);
  });
});
