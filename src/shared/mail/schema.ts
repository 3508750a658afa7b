import { z } from 'zod';
import { idSchema } from '../common/schema.js';

/** stored: kept in the outbox (no SMTP configured); pending: waiting for SMTP; sent; failed. */
export const mailStatuses = ['stored', 'pending', 'sent', 'failed'] as const;

export const mailSchema = z.object({
  id: idSchema,
  orgId: idSchema.nullable(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(mailStatuses),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Mail = z.infer<typeof mailSchema>;
