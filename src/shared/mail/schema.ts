import { z } from 'zod';
import { idSchema } from '../common/schema.js';

/** stored: kept in the outbox (no SMTP configured); pending: waiting for SMTP; sent; failed. */
export const mailStatuses = ['stored', 'pending', 'sent', 'failed'] as const;

export const mailSchema = z.object({
  id: idSchema,
  orgId: idSchema.nullable(),
  to: z.string(),
  subject: z.string(),
  /** The text, with every invitation or reset link hidden. */
  text: z.string(),
  /** The mail holds a link that lets its holder in, hidden above. */
  hiddenLink: z.boolean(),
  /** Its link can be shown (on the record): only where no mail can be sent at all. */
  revealable: z.boolean(),
  status: z.enum(mailStatuses),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Mail = z.infer<typeof mailSchema>;

export const revealedMailSchema = z.object({ text: z.string() });

/** How mails leave: by SMTP, or kept in the outbox only (no SMTP configured). */
export const mailDeliverySchema = z.enum(['smtp', 'outbox']);
