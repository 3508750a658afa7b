import { z } from 'zod';
import { positionSchema, roleSchema } from '../auth/roles.js';
import { emailSchema, idSchema, textSchema } from '../common/schema.js';

export const memberSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  userId: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  position: positionSchema,
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

/** A member whose account failed logins have locked, and when the lock ends by itself. */
export const loginLockSchema = z.object({
  membershipId: idSchema,
  displayName: z.string(),
  lockedUntil: z.string(),
});
export type LoginLock = z.infer<typeof loginLockSchema>;

export const listMembersQuerySchema = z.strictObject({
  q: textSchema(100).optional(),
  role: roleSchema.optional(),
  /** A department's id, or `none` for people not placed in any department yet. */
  departmentId: z.union([idSchema, z.literal('none')]).optional(),
});

export const updateMemberSchema = z.strictObject({
  role: roleSchema.optional(),
  position: positionSchema.optional(),
  departmentId: idSchema.nullable().optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const invitationSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  email: z.string(),
  role: roleSchema,
  position: positionSchema,
  departmentId: idSchema.nullable(),
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  position: positionSchema,
  departmentId: idSchema.nullable().optional(),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** What the invitation page shows before the person accepts. */
export const invitationPreviewSchema = z.object({
  orgId: idSchema,
  orgName: z.string(),
  email: z.string(),
  role: roleSchema,
  hasAccount: z.boolean(),
  expiresAt: z.string(),
});
