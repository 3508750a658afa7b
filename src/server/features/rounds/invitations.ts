import { emailSchema } from '../../../shared/common/schema.js';
import type { InviteToRoundInput } from '../../../shared/sheets/round-schema.js';
import { inviteToRoundSchema } from '../../../shared/sheets/round-schema.js';
import { readAll } from '../../db/parallel.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { roundInvitationMail } from '../mail/templates.js';
import { findOrg } from '../orgs/repo.js';
import { inScope, loadScopeFacts, roundStatus } from './access.js';
import * as repo from './repo.js';

/**
 * Mails the round's link: to everyone in scope, to those who have not submitted, or to listed
 * addresses of members (who join a cohort round by it). Nobody outside the organisation is mailed.
 */
export async function inviteToRound(deps: AppDeps, ctx: OrgContext, roundId: string, input: InviteToRoundInput) {
  const data = inviteToRoundSchema.parse(input);
  const mailIds: string[] = [];
  const result = await inTransaction(ctx, async (tx) => {
    const row = await repo.findRound(tx.db, tx.scope, roundId, { lock: 'update' });
    if (!row) throw new AppError('not_found');
    const status = roundStatus(row.round, tx.now());
    if (status === 'closed') throw new AppError('round_closed');
    const facts = await loadScopeFacts(tx, [roundId]);
    const [members, people, submitted, org] = await readAll(tx.db, [
      () => repo.listMembers(tx.db, tx.scope),
      () => repo.listParticipants(tx.db, tx.scope, roundId),
      () => repo.submittedUserIds(tx.db, tx.scope, roundId),
      () => findOrg(tx.db, tx.scope),
    ]);
    const cohort = new Set(people.filter((p) => p.inCohort).map((p) => p.userId));
    const skipped: { email: string; reason: 'not_member' | 'not_in_scope' | 'invalid' }[] = [];
    let recipients: typeof members;
    if (data.to === 'emails') {
      const byEmail = new Map(members.map((m) => [m.email, m]));
      recipients = [];
      const addToCohort: string[] = [];
      for (const raw of data.emails) {
        const parsed = emailSchema.safeParse(raw);
        if (!parsed.success) {
          if (raw) skipped.push({ email: raw, reason: 'invalid' });
          continue;
        }
        const member = byEmail.get(parsed.data);
        if (!member) skipped.push({ email: parsed.data, reason: 'not_member' });
        else if (row.round.scopeKind === 'cohort') {
          addToCohort.push(member.userId);
          recipients.push(member);
        } else if (!inScope(row.round, facts, member, cohort))
          skipped.push({ email: parsed.data, reason: 'not_in_scope' });
        else recipients.push(member);
      }
      await repo.upsertParticipants(tx.db, tx.scope, roundId, addToCohort, { inCohort: true }, tx.now());
    } else {
      recipients = members.filter((m) => inScope(row.round, facts, m, cohort));
      if (data.to === 'not_submitted') recipients = recipients.filter((m) => !submitted.has(m.userId));
    }
    const unique = [...new Map(recipients.map((m) => [m.userId, m])).values()];
    const link = `${deps.mailer.publicUrl}/orgs/${tx.scope.orgId}/rounds/${roundId}/answer`;
    for (const member of unique) {
      const mail = roundInvitationMail({
        orgName: org?.name ?? '',
        roundTitle: row.round.title,
        closesOn: row.round.closesOn,
        senderName: null,
        message: data.message ?? null,
        link,
      });
      mailIds.push(await deps.mailer.queue(tx, { orgId: tx.scope.orgId, to: member.email, ...mail }));
    }
    await repo.upsertParticipants(
      tx.db,
      tx.scope,
      roundId,
      unique.map((m) => m.userId),
      { invitedAt: tx.now() },
      tx.now(),
    );
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'sheet_round.invite',
      targetType: 'sheet_round',
      targetId: roundId,
      changes: { to: data.to, sent: unique.length, skipped: skipped.length },
    });
    return { sent: unique.length, skipped };
  });
  await deps.mailer.deliver(mailIds);
  return result;
}
