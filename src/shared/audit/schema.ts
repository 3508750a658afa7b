import { z } from 'zod';
import { idSchema, textSchema } from '../common/schema.js';

/** A calendar day within the years the system can mean (an ISO date such as 2026-04-01). */
const calendarDateSchema = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'date out of range' });

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
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
