import type { CaseDetail, CaseStatus, ReviewActionInput } from '../../../shared/cases/case-schema.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { caseReviewMail } from '../mail/templates.js';
import { viewerOf } from './policy.js';
import * as repo from './repo.js';
import { getCase, lockCaseToChange } from './service.js';

/** The moves of the review workflow: from which statuses, to which, and who may make them. */
const transitions: Record<
  ReviewActionInput['action'],
  { from: CaseStatus[]; to: CaseStatus | null; who: 'reporter' | 'reviewer' | 'publisher' | 'any' }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', who: 'reporter' },
  return: { from: ['submitted', 'approved'], to: 'returned', who: 'reviewer' },
  approve: { from: ['submitted'], to: 'approved', who: 'reviewer' },
  publish: { from: ['approved'], to: 'published', who: 'publisher' },
  unpublish: { from: ['published'], to: 'approved', who: 'publisher' },
  comment: { from: ['submitted', 'returned', 'approved', 'published'], to: null, who: 'any' },
};

/**
 * One step of review: submit, return with comments, approve (with the manager's opinion),
 * publish or take back, or a comment. Reporters and reviewers hear of it by e-mail.
 */
export async function reviewCase(
  ctx: OrgContext,
  deps: AppDeps,
  caseId: string,
  input: ReviewActionInput,
): Promise<CaseDetail> {
  const mailIds = await inTransaction(ctx, async (tx) => {
    const { reporter, ...found } = await lockCaseToChange(tx, caseId);
    const move = transitions[input.action];
    const viewer = viewerOf(tx);
    const allowed =
      move.who === 'reporter'
        ? reporter
        : move.who === 'reviewer'
          ? viewer.canReview
          : move.who === 'publisher'
            ? viewer.canPublish
            : reporter || viewer.canReview;
    if (!allowed) throw new AppError('forbidden');
    if (!move.from.includes(found.row.status)) throw new AppError('case_status');
    const comment = input.comment?.trim() || null;
    if ((input.action === 'return' || input.action === 'comment') && !comment)
      throw new AppError('validation', undefined, [{ path: 'body.comment', code: 'case.comment_required' }]);
    const now = tx.now();
    if (move.to) {
      await repo.updateCase(tx.db, tx.scope, caseId, {
        status: move.to,
        updatedAt: now,
        ...(input.action === 'submit' ? { submittedAt: now } : {}),
        ...(input.action === 'publish' ? { publishedAt: now } : {}),
        ...(input.action === 'unpublish' ? { publishedAt: null } : {}),
        ...(input.action === 'approve' ? { managerOpinion: input.managerOpinion?.trim() || null } : {}),
      });
    }
    await repo.insertReview(tx.db, tx.scope, {
      caseId,
      action: input.action,
      comment,
      actorId: tx.actor.userId,
      at: now,
    });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: `case.${input.action}`,
      targetType: 'case',
      targetId: caseId,
      changes: move.to ? { status: [found.row.status, move.to] } : null,
    });
    // Submitted cases go to the reviewers; every other step goes back to the reporters.
    const to =
      input.action === 'submit'
        ? await repo.memberEmailsWithRoles(tx.db, tx.scope, ['org_admin', 'manager'])
        : await repo.reporterEmails(tx.db, caseId);
    const link = `${deps.mailer.publicUrl}/orgs/${tx.scope.orgId}/cases/${caseId}`;
    const ids: string[] = [];
    for (const email of new Set(to)) {
      const mail = caseReviewMail({ action: input.action, caseTitle: found.row.title, comment, link });
      ids.push(await deps.mailer.queue(tx, { orgId: tx.scope.orgId, to: email, ...mail }));
    }
    return ids;
  });
  await deps.mailer.deliver(mailIds);
  return getCase(ctx, caseId);
}

/** Records an award (表彰) for a published case in a fiscal year. */
export async function awardCase(ctx: OrgContext, caseId: string, award: { fiscalYear: number; name: string }) {
  await inTransaction(ctx, async (tx) => {
    // Locked, so the case cannot be unpublished between this check and the award.
    const found = await repo.findCase(tx.db, caseId, { lock: true });
    if (!found || found.row.orgId !== tx.scope.orgId) throw new AppError('not_found');
    if (!viewerOf(tx).canPublish) throw new AppError('forbidden');
    if (found.row.status !== 'published') throw new AppError('case_status');
    await repo.insertAward(tx.db, tx.scope, caseId, award.fiscalYear, award.name.trim());
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.award',
      targetType: 'case',
      targetId: caseId,
      changes: award,
    });
  });
  return getCase(ctx, caseId);
}
