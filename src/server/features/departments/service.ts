import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from '../../../shared/departments/schema.js';
import { AppError } from '../../lib/app-error.js';
import { diffFields, inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { lockOrg } from '../orgs/repo.js';
import * as repo from './repo.js';
import { wouldCreateCycle } from './tree.js';

function toDepartment(row: repo.DepartmentRow, memberCount: number): Department {
  return {
    id: row.id,
    orgId: row.orgId,
    parentId: row.parentId,
    name: row.name,
    level: row.level,
    sortOrder: row.sortOrder,
    memberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listDepartments(ctx: OrgContext): Promise<Department[]> {
  const rows = await repo.listDepartments(ctx.db, ctx.scope);
  return rows.map((r) => toDepartment(r.department, Number(r.memberCount ?? 0)));
}

async function getDepartment(ctx: OrgContext, id: string): Promise<Department> {
  const found = await repo.findDepartment(ctx.db, ctx.scope, id);
  if (!found) throw new AppError('not_found');
  const { members } = await repo.countChildrenAndMembers(ctx.db, ctx.scope, id);
  return toDepartment(found, members);
}

async function assertParent(ctx: OrgContext, parentId: string) {
  if (!(await repo.findDepartment(ctx.db, ctx.scope, parentId))) {
    throw new AppError('validation', undefined, [{ path: 'body.parentId', code: 'department.unknown' }]);
  }
}

/** Adds a department (部・課・係) under a parent of the same organisation, or at the top. */
export async function createDepartment(ctx: OrgContext, input: CreateDepartmentInput): Promise<Department> {
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    if (input.parentId) await assertParent(tx, input.parentId);
    const now = ctx.now();
    await repo.insertDepartment(tx.db, {
      id,
      orgId: tx.scope.orgId,
      parentId: input.parentId ?? null,
      name: input.name,
      level: input.level,
      sortOrder: input.sortOrder ?? 0,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'department.create',
      targetType: 'department',
      targetId: id,
      changes: { name: input.name, level: input.level, parentId: input.parentId ?? null },
    });
  });
  return getDepartment(ctx, id);
}

/** Renames or moves a department; a department can never end up under itself. */
export async function updateDepartment(ctx: OrgContext, id: string, input: UpdateDepartmentInput): Promise<Department> {
  await inTransaction(ctx, async (tx) => {
    // Two moves at once (A under B, B under A) could each pass the cycle check alone; a move to the
    // top takes the lock too, so a round taking its units reads the tree between moves.
    if (input.parentId !== undefined) await lockOrg(tx.db, tx.scope);
    const before = await repo.findDepartment(tx.db, tx.scope, id);
    if (!before) throw new AppError('not_found');
    if (input.parentId) {
      await assertParent(tx, input.parentId);
      if (wouldCreateCycle(await repo.listParentLinks(tx.db, tx.scope), id, input.parentId)) {
        throw new AppError('department_cycle');
      }
    }
    const changes = diffFields(before, input);
    await repo.updateDepartment(tx.db, tx.scope, id, { ...input, updatedAt: ctx.now() });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'department.update',
      targetType: 'department',
      targetId: id,
      changes,
    });
  });
  return getDepartment(ctx, id);
}

/** Deletes an empty department: one with sub-departments or members is refused, so nobody loses their place. */
export async function deleteDepartment(ctx: OrgContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findDepartment(tx.db, tx.scope, id);
    if (!before) throw new AppError('not_found');
    const { children, members } = await repo.countChildrenAndMembers(tx.db, tx.scope, id);
    if (children > 0 || members > 0) throw new AppError('department_not_empty');
    await repo.deleteDepartment(tx.db, tx.scope, id);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'department.delete',
      targetType: 'department',
      targetId: id,
      changes: { name: before.name },
    });
  });
}
