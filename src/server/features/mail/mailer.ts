import { inArray } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import { mails } from '../../db/schema/mails.js';
import type { ServiceContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Where links in e-mails point, e.g. https://kaizen.example.lg.jp */
  publicUrl: string;
  /** Records the mail in the caller's transaction; returns its id for deliver(). */
  queue(ctx: ServiceContext, mail: OutgoingMail): Promise<string>;
  /** After the transaction committed: sends queued mails through SMTP, when configured. */
  deliver(ids: string[]): Promise<void>;
}

/** An SMTP transport from SMTP_URL, or null: then mails stay in the outbox for admins to read. */
export function createSmtpTransport(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

/**
 * Once a mail has gone out, the copy we keep loses the secret part of its links: the outbox and
 * the delivery log must not let an administrator use someone else's invitation or reset link.
 */
export function hideLinkTokens(text: string): string {
  return text.replace(/\/(invite|reset-password)\/[A-Za-z0-9_-]+/g, '/$1/••••••');
}

export function createMailer(options: {
  db: Db;
  transport: Transporter | null;
  from: string;
  publicUrl: string;
  now: () => Date;
}): Mailer {
  const { db, transport, from } = options;
  return {
    publicUrl: options.publicUrl,
    async queue(ctx, mail) {
      const id = newId();
      await ctx.db.insert(mails).values({
        id,
        orgId: mail.orgId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        status: transport ? 'pending' : 'stored',
        createdAt: ctx.now(),
      });
      return id;
    },
    async deliver(ids) {
      if (!transport || ids.length === 0) return;
      const rows = await db.select().from(mails).where(inArray(mails.id, ids));
      for (const row of rows) {
        if (row.status !== 'pending') continue;
        try {
          await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.text });
          await db
            .update(mails)
            .set({ status: 'sent', sentAt: options.now(), text: hideLinkTokens(row.text) })
            .where(inArray(mails.id, [row.id]));
        } catch (error) {
          await db
            .update(mails)
            .set({ status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'unknown' })
            .where(inArray(mails.id, [row.id]));
        }
      }
    },
  };
}
