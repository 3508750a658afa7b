import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Mail } from '../../../shared/mail/schema.js';
import { mails } from '../../db/schema/mails.js';
import { memberships } from '../../db/schema/memberships.js';
import { users } from '../../db/schema/users.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { hideLinkTokens, type Mailer } from './mailer.js';

async function orgsOfRecipient(ctx: OrgContext, email: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, email));
  return rows.map((r) => r.orgId);
}

/** The mails the caller may read: the organisation's, and for platform admins those of no organisation (password resets). */
function readable(ctx: OrgContext) {
  return ctx.scope.role === 'platform_admin'
    ? or(eq(mails.orgId, ctx.scope.orgId), isNull(mails.orgId))
    : eq(mails.orgId, ctx.scope.orgId);
}

/**
 * The organisation's mails, newest first, never with a working invitation or reset link in them:
 * reading the outbox must not be enough to take over someone's account. Where no mail can be sent
 * at all (no SMTP), a kept mail's link can be opened one at a time with revealMail, on the record.
 */
export async function listOutbox(ctx: OrgContext, mailer: Mailer, limit: number): Promise<Mail[]> {
  const rows = await ctx.db.select().from(mails).where(readable(ctx)).orderBy(desc(mails.createdAt)).limit(limit);
  return rows.map((r) => {
    const text = hideLinkTokens(r.text);
    const hiddenLink = text !== r.text;
    return {
      id: r.id,
      orgId: r.orgId,
      to: r.to,
      subject: r.subject,
      text,
      hiddenLink,
      revealable: hiddenLink && !mailer.sends && r.status === 'stored',
      status: r.status,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    };
  });
}

/**
 * A kept mail's whole text, links included, for an admin to pass on by hand. Only where mails
 * cannot be sent at all (then the outbox is the only way the person gets their link), and every
 * reading is written to the audit log with who read it.
 */
export async function revealMail(ctx: OrgContext, mailer: Mailer, mailId: string): Promise<{ text: string }> {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(mails)
      .where(and(eq(mails.id, mailId), readable(tx)))
      .limit(1);
    if (!row) throw new AppError('not_found');
    if (mailer.sends || row.status !== 'stored') throw new AppError('mail_link_unavailable');
    // A mail of no organisation (a password reset) is recorded where its reader works and in every
    // organisation of the person it was for, whose admins should know their account's link was read.
    const orgIds = new Set([tx.scope.orgId]);
    if (row.orgId === null) for (const orgId of await orgsOfRecipient(tx, row.to)) orgIds.add(orgId);
    for (const orgId of orgIds)
      await recordAudit(tx, {
        orgId,
        action: 'mail.reveal_link',
        targetType: 'mail',
        targetId: row.id,
        changes: { to: row.to, subject: row.subject },
      });
    return { text: row.text };
  });
}
