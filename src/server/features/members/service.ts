import type { Role } from '../../../shared/auth/roles.js';
import type { Invitation, LoginLock, Member, UpdateMemberInput } from '../../../shared/members/schema.js';
import { AppError } from '../../lib/app-error.js';
import { diffFields, inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { admitLoginLockLift, type LoginLimits, liftLoginLock, lockedAccounts } from '../auth/login-locks.js';
import type { Mailer } from '../mail/mailer.js';
import { lockOrg } from '../orgs/repo.js';
import { type InvitationInput, inviteToOrg } from './invitations.js';
import * as repo from './repo.js';

function toMember(row: repo.MemberRow): Member {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function listMembers(ctx: OrgContext, filter: Parameters<typeof repo.listMembers>[2]): Promise<Member[]> {
  return (await repo.listMembers(ctx.db, ctx.scope, filter)).map(toMember);
}

/** The role that administers an organisation: platform_admin in the platform organisation, org_admin elsewhere. */
function adminRoleOf(org: { isPlatform: boolean }): Role {
  return org.isPlatform ? 'platform_admin' : 'org_admin';
}

/**
 * Locks the organisation for this transaction and tells its administering role. Two admins
 * demoting each other at once would both see "another admin remains"; with the lock the second
 * one waits and then sees the first one's change.
 */
async function lockOrgForAdminCheck(ctx: OrgContext): Promise<Role> {
  const org = await lockOrg(ctx.db, ctx.scope);
  if (!org) throw new AppError('not_found');
  return adminRoleOf(org);
}

/** Changes a member's role, position or department; an organisation always keeps an administrator. */
export async function updateMember(ctx: OrgContext, membershipId: string, input: UpdateMemberInput): Promise<Member> {
  return inTransaction(ctx, async (tx) => {
    const adminRole = await lockOrgForAdminCheck(tx);
    const before = await repo.findMember(tx.db, tx.scope, membershipId);
    if (!before) throw new AppError('not_found');
    if (input.role === 'platform_admin' && before.role !== 'platform_admin') {
      if (adminRole !== 'platform_admin' || !tx.actor.isPlatformAdmin) throw new AppError('role_not_allowed');
    }
    if (
      before.role === 'platform_admin' &&
      input.role &&
      input.role !== 'platform_admin' &&
      !tx.actor.isPlatformAdmin
    ) {
      throw new AppError('forbidden');
    }
    if (input.departmentId && !(await repo.departmentBelongsTo(tx.db, tx.scope.orgId, input.departmentId))) {
      throw new AppError('validation', undefined, [{ path: 'body.departmentId', code: 'department.unknown' }]);
    }
    if (
      input.role &&
      before.role === adminRole &&
      input.role !== adminRole &&
      (await repo.countMembersWithRole(tx.db, tx.scope, adminRole)) <= 1
    ) {
      throw new AppError('last_admin');
    }
    const changes = diffFields(before, input);
    await repo.updateMembership(tx.db, tx.scope, membershipId, { ...input, updatedAt: ctx.now() });
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'membership.update',
      targetType: 'membership',
      targetId: membershipId,
      changes,
    });
    const after = await repo.findMember(tx.db, tx.scope, membershipId);
    if (!after) throw new AppError('not_found');
    return toMember(after);
  });
}

/** Removes a person from the organisation (their account and other memberships stay). */
export async function removeMember(ctx: OrgContext, membershipId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const adminRole = await lockOrgForAdminCheck(tx);
    const before = await repo.findMember(tx.db, tx.scope, membershipId);
    if (!before) throw new AppError('not_found');
    if (before.role === 'platform_admin' && !tx.actor.isPlatformAdmin) throw new AppError('forbidden');
    if (before.role === adminRole && (await repo.countMembersWithRole(tx.db, tx.scope, adminRole)) <= 1) {
      throw new AppError('last_admin');
    }
    await repo.deleteMembership(tx.db, tx.scope, membershipId);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'membership.delete',
      targetType: 'membership',
      targetId: membershipId,
      changes: { email: before.email, role: before.role },
    });
  });
}

/** Members whose account is locked after failed logins now, and until when. */
export async function listLoginLocks(ctx: OrgContext, limits: LoginLimits): Promise<LoginLock[]> {
  const members = await repo.listMembers(ctx.db, ctx.scope, {});
  const locked = await lockedAccounts(
    ctx,
    members.map((m) => m.email),
    limits,
  );
  return members.flatMap((m) => {
    const until = locked.get(m.email);
    return until ? [{ membershipId: m.id, displayName: m.displayName, lockedUntil: until.toISOString() }] : [];
  });
}

/**
 * Lets a member of the organisation log in again at once after failed logins locked their account
 * (they asked the admin, who knows them; an attacker who locked it is not helped by this).
 */
export async function liftMemberLoginLock(ctx: OrgContext, membershipId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const member = await repo.findMember(tx.db, tx.scope, membershipId);
    if (!member) throw new AppError('not_found');
    // Lifting in a loop would let someone guess on and on: a few a day, then a password reset.
    if (!(await admitLoginLockLift(tx, member.email))) throw new AppError('login_unlock_limit');
    await liftLoginLock(tx, member.email);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'membership.login_unlock',
      targetType: 'membership',
      targetId: membershipId,
      changes: { email: member.email },
    });
  });
}

export async function listInvitations(ctx: OrgContext, onlyId?: string): Promise<Invitation[]> {
  const rows = await repo.listPendingInvitations(ctx.db, ctx.scope, ctx.now(), onlyId);
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString() }));
}

/** Invites someone to the caller's organisation and mails the link. */
export async function createInvitation(ctx: OrgContext, mailer: Mailer, input: InvitationInput): Promise<Invitation> {
  const { id, mailIds } = await inTransaction(ctx, (tx) => inviteToOrg(tx, mailer, tx.scope.orgId, input));
  await mailer.deliver(mailIds);
  const [created] = await listInvitations(ctx, id);
  if (!created) throw new AppError('internal');
  return created;
}

export async function revokeInvitation(ctx: OrgContext, invitationId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.revokeInvitation(tx.db, tx.scope, invitationId, ctx.now()))) throw new AppError('not_found');
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'invitation.revoke',
      targetType: 'invitation',
      targetId: invitationId,
    });
  });
}
