import { setTimeout as sleep } from 'node:timers/promises';
import { listPermissions } from '../../../shared/auth/permissions.js';
import type { Me } from '../../../shared/auth/schema.js';
import type { Locale } from '../../../shared/common/schema.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { hitRateLimit } from '../../lib/rate-limit.js';
import { createToken, hashToken } from '../../lib/tokens.js';
import type { Mailer } from '../mail/mailer.js';
import { passwordResetMail } from '../mail/templates.js';
import { addressBucket, type LoginLimits, liftLoginLock, slowDownFor, verifyPasswordAttempt } from './login-locks.js';
import { hashPassword } from './password.js';
import * as repo from './repo.js';

export const RESET_TTL_MINUTES = 60;

/** Checks a password and opens a server-side session; refuses after too many failures per account or address. */
export async function logIn(
  ctx: ServiceContext,
  input: { email: string; password: string; userAgent: string | null },
  limits: LoginLimits,
  sessionTtlDays: number,
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const valid = await verifyPasswordAttempt(ctx, input.email, input.password, user?.passwordHash ?? null, limits);
  if (!user || !valid) throw new AppError('invalid_credentials');
  return openSession(ctx, user.id, input.userAgent, sessionTtlDays);
}

/** Creates a server-side session for the person; the cookie carries the token, the table its hash. */
export async function openSession(
  ctx: ServiceContext,
  userId: string,
  userAgent: string | null,
  sessionTtlDays: number,
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const now = ctx.now();
  const { token, hash } = createToken();
  const expiresAt = new Date(now.getTime() + sessionTtlDays * 86_400_000);
  await inTransaction({ ...ctx, actor: { userId, isPlatformAdmin: false } }, async (tx) => {
    await repo.insertSession(tx.db, {
      id: hash,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: ctx.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, { orgId: null, action: 'auth.login', targetType: 'user', targetId: userId });
  });
  return { token, userId, expiresAt };
}

export async function logOut(ctx: ServiceContext, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await repo.deleteSession(tx.db, sessionId);
    await recordAudit(tx, {
      orgId: null,
      action: 'auth.logout',
      targetType: 'user',
      targetId: ctx.actor?.userId ?? null,
    });
  });
}

/** Ends every session of the person, on every device. */
export async function logOutEverywhere(ctx: ServiceContext, userId: string): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const count = await repo.deleteSessionsOfUser(tx.db, userId);
    await recordAudit(tx, {
      orgId: null,
      action: 'auth.logout_all',
      targetType: 'user',
      targetId: userId,
      changes: { sessions: count },
    });
    return count;
  });
}

/** The signed-in person with their organisations and what they may do in each. */
export async function getMe(ctx: ServiceContext, userId: string): Promise<Me> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('unauthenticated');
  const rows = await repo.listMembershipsOfUser(ctx.db, userId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    isPlatformAdmin: rows.some((r) => r.isPlatform && r.role === 'platform_admin'),
    memberships: rows.map((r) => ({
      id: r.id,
      orgId: r.orgId,
      orgName: r.orgName,
      orgKind: r.orgKind,
      role: r.role,
      position: r.position,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      permissions: listPermissions(r.role),
    })),
  };
}

export async function updateProfile(
  ctx: ServiceContext,
  userId: string,
  input: { displayName?: string | undefined; locale?: Locale | undefined },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await repo.findUserById(tx.db, userId);
    if (!user) throw new AppError('unauthenticated');
    const patch = {
      ...(input.displayName ? { displayName: input.displayName } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    };
    await repo.updateUser(tx.db, userId, { ...patch, updatedAt: ctx.now() });
    await recordAudit(tx, {
      orgId: null,
      action: 'user.update_profile',
      targetType: 'user',
      targetId: userId,
      changes: patch,
    });
  });
}

/** Changes the password after checking the current one; other sessions are ended. */
export async function changePassword(
  ctx: ServiceContext,
  userId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  limits: LoginLimits,
): Promise<void> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPasswordAttempt(ctx, user.email, input.currentPassword, user.passwordHash, limits))) {
    throw new AppError('wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, userId, { passwordHash, updatedAt: ctx.now() });
    await repo.expirePasswordResetsOfUser(tx.db, userId, ctx.now());
    await repo.deleteSessionsOfUser(tx.db, userId, sessionId);
    await recordAudit(tx, { orgId: null, action: 'user.change_password', targetType: 'user', targetId: userId });
  });
}

/**
 * Counts a reset request per address and per sender; false when the address has had its share
 * of links this window. Does the same work whether or not the address has an account.
 */
export async function admitPasswordResetRequest(
  ctx: ServiceContext,
  email: string,
  limits: LoginLimits,
): Promise<boolean> {
  const now = ctx.now();
  // Five links per address and a login's worth of requests per sender and window: enough for a
  // person who lost a mail, too few to flood someone's inbox.
  const perAddress = await hitRateLimit(ctx.db, `reset:account:${email}`, limits.windowSeconds, now);
  // A city hall asks from one address: that address is slowed, and refused only far beyond what
  // its people would ask (a reset is how a locked account is opened again).
  const perSender = await hitRateLimit(ctx.db, `reset:ip:${addressBucket(ctx.ip)}`, limits.windowSeconds, now);
  if (perSender > limits.maxPerIp * 10) throw new AppError('rate_limited');
  const delay = slowDownFor(perSender, limits);
  if (delay > 0) await sleep(delay);
  return perAddress <= 5;
}

/**
 * Mails a reset link when the address has an account. Called after the answer has gone out,
 * so neither the answer nor its timing tells whether the address has an account.
 */
export async function sendPasswordReset(ctx: ServiceContext, mailer: Mailer, email: string): Promise<void> {
  const now = ctx.now();
  const user = await repo.findUserByEmail(ctx.db, email);
  if (!user) return;
  const { token, hash } = createToken();
  const mailIds = await inTransaction(ctx, async (tx) => {
    await repo.insertPasswordReset(tx.db, {
      tokenHash: hash,
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000),
      createdAt: now,
    });
    const mail = passwordResetMail({
      link: `${mailer.publicUrl}/reset-password/${token}`,
      expiresMinutes: RESET_TTL_MINUTES,
    });
    const id = await mailer.queue(tx, { orgId: null, to: user.email, ...mail });
    await recordAudit(tx, {
      orgId: null,
      action: 'auth.request_password_reset',
      targetType: 'user',
      targetId: user.id,
    });
    return [id];
  });
  await mailer.deliver(mailIds);
}

/**
 * Sets a new password from a mailed token; the token works once, every session ends, and a login
 * lock on the account is lifted (the person has shown they hold its mailbox).
 */
export async function confirmPasswordReset(ctx: ServiceContext, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    const userId = await repo.consumePasswordReset(tx.db, hashToken(token), ctx.now());
    if (!userId) throw new AppError('token_invalid');
    const user = await repo.findUserById(tx.db, userId);
    if (user) await liftLoginLock(tx, user.email);
    await repo.updateUser(tx.db, userId, { passwordHash, updatedAt: ctx.now() });
    await repo.expirePasswordResetsOfUser(tx.db, userId, ctx.now());
    await repo.deleteSessionsOfUser(tx.db, userId);
    await recordAudit(
      { ...tx, actor: { userId, isPlatformAdmin: false } },
      { orgId: null, action: 'auth.reset_password', targetType: 'user', targetId: userId },
    );
  });
}

export async function listSessions(ctx: ServiceContext, userId: string, currentId: string | null) {
  const rows = await repo.listSessionsOfUser(ctx.db, userId, ctx.now());
  return rows.map((r) => ({
    id: r.id.slice(0, 12),
    current: r.id === currentId,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    userAgent: r.userAgent,
    ip: r.ip,
  }));
}
