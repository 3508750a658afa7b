import { z } from 'zod';
import { emailSchema, idSchema, localeSchema, passwordSchema, requiredTextSchema } from '../common/schema.js';
import { orgKindSchema } from '../orgs/schema.js';
import { permissions } from './permissions.js';
import { positionSchema, roleSchema } from './roles.js';

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const membershipSummarySchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  orgKind: orgKindSchema,
  role: roleSchema,
  position: positionSchema,
  departmentId: idSchema.nullable(),
  departmentName: z.string().nullable(),
  permissions: z.array(z.enum(permissions as [string, ...string[]])),
});
export type MembershipSummary = z.infer<typeof membershipSummarySchema>;

export const meSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  isPlatformAdmin: z.boolean(),
  memberships: z.array(membershipSummarySchema),
});
export type Me = z.infer<typeof meSchema>;

export const updateProfileSchema = z.strictObject({
  displayName: requiredTextSchema(80).optional(),
  locale: localeSchema.optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const requestPasswordResetSchema = z.strictObject({ email: emailSchema });

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);

export const confirmPasswordResetSchema = z.strictObject({
  token: tokenSchema,
  password: passwordSchema,
});

export const acceptInvitationSchema = z.strictObject({
  displayName: requiredTextSchema(80).optional(),
  password: passwordSchema.optional(),
});

export const sessionInfoSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
});
