import { z } from 'zod';
import { daySchema, idSchema, textSchema } from '../common/schema.js';

export const auditEventSchema = z.object({
  id: idSchema,
  orgId: idSchema.nullable(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const listAuditQuerySchema = z.strictObject({
  action: textSchema(100).optional(),
  actorId: idSchema.optional(),
  targetType: textSchema(50).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
