import { z } from 'zod';
import { idSchema, requiredTextSchema } from '../common/schema.js';

/** 部 / 課 / 係, or another kind of unit (室, センター …). */
export const departmentLevels = ['bureau', 'division', 'unit', 'other'] as const;
export const departmentLevelSchema = z.enum(departmentLevels);
export type DepartmentLevel = z.infer<typeof departmentLevelSchema>;

export const departmentSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  parentId: idSchema.nullable(),
  name: z.string(),
  level: departmentLevelSchema,
  sortOrder: z.number().int(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Department = z.infer<typeof departmentSchema>;

export const createDepartmentSchema = z.strictObject({
  name: requiredTextSchema(100),
  level: departmentLevelSchema,
  parentId: idSchema.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentSchema>;

export const updateDepartmentSchema = z.strictObject({
  name: requiredTextSchema(100).optional(),
  level: departmentLevelSchema.optional(),
  parentId: idSchema.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentSchema>;
