import { desc, eq, isNull, or } from 'drizzle-orm';
import type { Mail } from '../../../shared/mail/schema.js';
import { mails } from '../../db/schema/mails.js';
import type { OrgContext } from '../../lib/context.js';

/**
 * The organisation's mails, newest first. The platform organisation's admins also see mails that
 * belong to no organisation (password resets), so a demo without SMTP can follow every link.
 */
export async function listOutbox(ctx: OrgContext, limit: number): Promise<Mail[]> {
  const platformWide = ctx.scope.role === 'platform_admin';
  const rows = await ctx.db
    .select()
    .from(mails)
    .where(platformWide ? or(eq(mails.orgId, ctx.scope.orgId), isNull(mails.orgId)) : eq(mails.orgId, ctx.scope.orgId))
    .orderBy(desc(mails.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    to: r.to,
    subject: r.subject,
    text: r.text,
    status: r.status,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
