import type { Position, Role } from '../../../shared/auth/roles.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { createToken, hashToken } from '../../lib/tokens.js';
import { type LoginLimits, verifyPasswordAttempt } from '../auth/login-locks.js';
import { hashPassword } from '../auth/password.js';
import * as authRepo from '../auth/repo.js';
import type { Mailer } from '../mail/mailer.js';
import { invitationMail } from '../mail/templates.js';
import * as repo from './repo.js';

export const INVITATION_TTL_DAYS = 14;

export interface InvitationInput {
  email: string;
  role: Role;
  position: Position;
  departmentId: string | null;
}

/**
 * Invites an address to an organisation and queues the mail, inside the caller's transaction.
 * The caller has already been authorised for orgId (an org admin's scope, or a platform admin).
 */
export async function inviteToOrg(
  ctx: ServiceContext,
  mailer: Mailer,
  orgId: string,
  input: InvitationInput,
  /** Whose outbox keeps the mail; the invited organisation's unless the platform sends it. */
  outboxOrgId: string = orgId,
): Promise<{ id: string; mailIds: string[] }> {
  const org = await repo.findOrgById(ctx.db, orgId);
  if (!org) throw new AppError('not_found');
  if (input.role === 'platform_admin' && !(org.isPlatform && ctx.actor?.isPlatformAdmin)) {
    throw new AppError('role_not_allowed');
  }
  if (input.departmentId && !(await repo.departmentBelongsTo(ctx.db, orgId, input.departmentId))) {
    throw new AppError('validation', undefined, [{ path: 'body.departmentId', code: 'department.unknown' }]);
  }
  const existingUser = await authRepo.findUserByEmail(ctx.db, input.email);
  if (existingUser && (await repo.findMembershipOfUser(ctx.db, orgId, existingUser.id))) {
    throw new AppError('already_member');
  }
  const now = ctx.now();
  const { token, hash } = createToken();
  const id = newId();
  await repo.revokeOpenInvitationsFor(ctx.db, orgId, input.email, now);
  await repo.insertInvitation(ctx.db, {
    id,
    orgId,
    email: input.email,
    role: input.role,
    position: input.position,
    departmentId: input.departmentId,
    tokenHash: hash,
    invitedBy: ctx.actor?.userId ?? null,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
    createdAt: now,
  });
  const inviter = ctx.actor ? await authRepo.findUserById(ctx.db, ctx.actor.userId) : null;
  const mail = invitationMail({
    orgName: org.name,
    inviterName: inviter?.displayName ?? null,
    link: `${mailer.publicUrl}/invite/${token}`,
    expiresDays: INVITATION_TTL_DAYS,
  });
  const mailId = await mailer.queue(ctx, { orgId: outboxOrgId, to: input.email, ...mail });
  await recordAudit(ctx, {
    orgId,
    action: 'invitation.create',
    targetType: 'invitation',
    targetId: id,
    changes: { email: input.email, role: input.role, position: input.position, departmentId: input.departmentId },
  });
  return { id, mailIds: [mailId] };
}

/** What the invitation page shows: which organisation, for which address, and whether to sign up or log in. */
export async function previewInvitation(ctx: ServiceContext, token: string) {
  const found = await repo.findOpenInvitationByToken(ctx.db, hashToken(token), ctx.now());
  if (!found) throw new AppError('token_invalid');
  const user = await authRepo.findUserByEmail(ctx.db, found.invitation.email);
  return {
    orgId: found.invitation.orgId,
    orgName: found.orgName,
    email: found.invitation.email,
    role: found.invitation.role,
    hasAccount: Boolean(user?.passwordHash),
    expiresAt: found.invitation.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation. A signed-in person with the invited address joins at once; otherwise an
 * existing account proves itself with its password, and a new person chooses a name and password.
 * Returns the user id, so the route can open a session.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
  input: { displayName?: string | undefined; password?: string | undefined },
  limits: LoginLimits,
): Promise<{ userId: string }> {
  const found = await repo.findOpenInvitationByToken(ctx.db, hashToken(token), ctx.now());
  if (!found) throw new AppError('token_invalid');
  const invitation = found.invitation;
  const user = await authRepo.findUserByEmail(ctx.db, invitation.email);
  if (ctx.actor) {
    if (!user || user.id !== ctx.actor.userId) throw new AppError('forbidden', 'invitation is for another address');
  } else if (user?.passwordHash) {
    // The same counted check as logging in: an invitation link must not become a way to guess passwords.
    if (!input.password || !(await verifyPasswordAttempt(ctx, user.email, input.password, user.passwordHash, limits))) {
      throw new AppError('invalid_credentials');
    }
  } else if (!input.displayName || !input.password) {
    throw new AppError('validation', undefined, [
      ...(input.displayName ? [] : [{ path: 'body.displayName', code: 'required' as const }]),
      ...(input.password ? [] : [{ path: 'body.password', code: 'required' as const }]),
    ]);
  }
  const passwordHash = !user?.passwordHash && input.password ? await hashPassword(input.password) : null;
  const now = ctx.now();
  const userId = user?.id ?? newId();
  await inTransaction({ ...ctx, actor: { userId, isPlatformAdmin: false } }, async (tx) => {
    if (!(await repo.markInvitationAccepted(tx.db, invitation.id, now))) throw new AppError('token_invalid');
    if (!user) {
      await authRepo.insertUser(tx.db, {
        id: userId,
        email: invitation.email,
        displayName: input.displayName ?? invitation.email,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
    } else if (passwordHash) {
      await authRepo.updateUser(tx.db, userId, {
        passwordHash,
        displayName: input.displayName ?? user.displayName,
        updatedAt: now,
      });
    }
    if (await repo.findMembershipOfUser(tx.db, invitation.orgId, userId)) throw new AppError('already_member');
    const membershipId = newId();
    await repo.insertMembership(tx.db, {
      id: membershipId,
      orgId: invitation.orgId,
      userId,
      role: invitation.role,
      position: invitation.position,
      departmentId: invitation.departmentId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      orgId: invitation.orgId,
      action: 'invitation.accept',
      targetType: 'membership',
      targetId: membershipId,
      changes: { email: invitation.email, role: invitation.role },
    });
  });
  return { userId };
}
