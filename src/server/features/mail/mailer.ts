import { and, eq, inArray } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.js';
import { mails } from '../../db/schema/mails.js';
import type { ServiceContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { enqueue, type JobHandler, maxAttempts } from '../../lib/jobs.js';

export interface OutgoingMail {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
}

type MailRow = typeof mails.$inferSelect;

export interface Mailer {
  /** Where links in e-mails point, e.g. https://kaizen.example.lg.jp */
  publicUrl: string;
  /** Whether mails leave at all: false without SMTP, when they are only kept in the outbox. */
  sends: boolean;
  /** Records the mail in the caller's transaction, with a job that retries it; returns its id for deliver(). */
  queue(ctx: ServiceContext, mail: OutgoingMail): Promise<string>;
  /** After the transaction committed: tries to send queued mails at once, when SMTP is configured. */
  deliver(ids: string[]): Promise<void>;
  /** Hands one mail to SMTP; throws when the server refuses it. */
  transmit(row: MailRow): Promise<void>;
}

/**
 * An SMTP transport from SMTP_URL, or null: then mails stay in the outbox for admins to read. A
 * server that does not answer gives up well within a job's lease, so a retry never overlaps a send
 * still hanging (which would send the mail twice).
 */
export function createSmtpTransport(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl
    ? nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : null;
}

/**
 * The links in a mail that let whoever holds them in (an invitation, a password reset), hidden. The
 * outbox and the delivery log show mails so; a copy that has gone out, or that will never go out,
 * keeps only this.
 */
export function hideLinkTokens(text: string): string {
  return text.replace(/\/(invite|reset-password)\/[A-Za-z0-9_-]+/g, '/$1/••••••');
}

/** A mail job's key: one per mail, so queuing it again does nothing. */
const jobKey = (mailId: string) => `mail:${mailId}`;
/** The first retry comes this long after the attempt made right after the commit. */
const firstRetryMs = 2 * 60_000;

/** Marks a mail as gone out, keeping no usable link. */
async function markSent(db: Db, row: MailRow, now: Date) {
  await db
    .update(mails)
    .set({ status: 'sent', sentAt: now, error: null, text: hideLinkTokens(row.text) })
    .where(and(eq(mails.id, row.id), eq(mails.status, 'pending')));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message.slice(0, 500) : 'unknown');

export function createMailer(options: {
  db: Db;
  transport: Transporter | null;
  from: string;
  publicUrl: string;
  now: () => Date;
}): Mailer {
  const { db, transport, from } = options;
  const mailer: Mailer = {
    publicUrl: options.publicUrl,
    sends: transport !== null,
    async queue(ctx, mail) {
      const id = newId();
      const now = ctx.now();
      await ctx.db.insert(mails).values({
        id,
        orgId: mail.orgId,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        status: transport ? 'pending' : 'stored',
        createdAt: now,
      });
      // The attempt after the commit may fail or never happen (the server stops): the job retries.
      if (transport) {
        await enqueue(ctx.db, {
          kind: 'mail.send',
          key: jobKey(id),
          runAt: new Date(now.getTime() + firstRetryMs),
          payload: { mailId: id },
          now,
        });
      }
      return id;
    },
    async deliver(ids) {
      if (!transport || ids.length === 0) return;
      const rows = await db.select().from(mails).where(inArray(mails.id, ids));
      for (const row of rows) {
        if (row.status !== 'pending') continue;
        try {
          await mailer.transmit(row);
          await markSent(db, row, options.now());
        } catch (error) {
          // Still pending: the mail's job tries again later, and gives up with the link removed.
          await db
            .update(mails)
            .set({ error: errorText(error) })
            .where(and(eq(mails.id, row.id), eq(mails.status, 'pending')));
        }
      }
    },
    async transmit(row) {
      if (!transport) throw new Error('no SMTP transport');
      await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.text });
    },
  };
  return mailer;
}

/**
 * Retries a mail SMTP did not take. After the last attempt the mail is marked failed and its links
 * are removed: nobody can read a working invitation or reset link from a mail that never arrived
 * (the person asks again, or the admin invites again).
 */
export function mailJobHandlers(mailer: Mailer): Record<string, JobHandler> {
  return {
    'mail.send': {
      async prepare(db, job, now) {
        const mailId = String(job.payload.mailId ?? '');
        const [row] = await db.select().from(mails).where(eq(mails.id, mailId));
        if (row?.status !== 'pending') return 'skip';
        try {
          await mailer.transmit(row);
        } catch (error) {
          if (job.attempts < maxAttempts) throw error;
          return async (tx) => {
            await tx
              .update(mails)
              .set({ status: 'failed', error: errorText(error), text: hideLinkTokens(row.text) })
              .where(and(eq(mails.id, row.id), eq(mails.status, 'pending')));
            return [];
          };
        }
        return async (tx) => {
          await markSent(tx, row, now);
          return [];
        };
      },
    },
  };
}
