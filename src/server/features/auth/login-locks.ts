import { setTimeout as sleep } from 'node:timers/promises';
import type { Env } from '../../env.js';
import { AppError } from '../../lib/app-error.js';
import type { ServiceContext } from '../../lib/context.js';
import { clearRateLimit, clearRateLimitsStartingWith, hitRateLimit, readRateLimits } from '../../lib/rate-limit.js';
import { verifyPassword } from './password.js';

/**
 * How failed password attempts are limited. Municipal staff reach the system through one LGWAN or
 * proxy address, so nothing that counts per address may refuse a login: a few forgetful people, or
 * one attacker, would shut out a whole city hall. Instead:
 * - per account and address: after `maxPerAddressAndAccount` failures that account is refused from
 *   that address for the window (a person mistyping their own password stops themselves only);
 * - per account, from anywhere: after `maxPerAccount` failures the account is locked for the window
 *   (guessing one person's password from many addresses); the person lifts it by resetting their
 *   password, or an org admin lifts it from the members page;
 * - per address: failures beyond `maxPerIp` are answered slowly (`slowDownMs` more for each, up to
 *   `maxSlowDownMs`), so spraying guesses over many accounts gets expensive, while a correct password
 *   from the same address is never delayed or refused.
 */
export interface LoginLimits {
  maxPerAccount: number;
  maxPerAddressAndAccount: number;
  maxPerIp: number;
  windowSeconds: number;
  slowDownMs: number;
  maxSlowDownMs: number;
}

export function loginLimitsFrom(env: Env): LoginLimits {
  return {
    maxPerAccount: env.LOGIN_MAX_PER_ACCOUNT,
    maxPerAddressAndAccount: Math.min(env.LOGIN_MAX_PER_ADDRESS_AND_ACCOUNT, env.LOGIN_MAX_PER_ACCOUNT),
    maxPerIp: env.LOGIN_MAX_PER_IP,
    windowSeconds: env.LOGIN_WINDOW_SECONDS,
    slowDownMs: env.LOGIN_SLOWDOWN_MS,
    maxSlowDownMs: 3000,
  };
}

const accountKey = (email: string) => `login:account:${email}`;
const pairPrefix = (email: string) => `login:pair:${email}|`;
const pairKey = (email: string, ip: string) => `${pairPrefix(email)}${ip}`;
const addressKey = (ip: string) => `login:ip:${ip}`;

/** How long a failure from an address that has failed `count` times this window is held back. */
export function slowDownFor(count: number, limits: LoginLimits): number {
  return count <= limits.maxPerIp ? 0 : Math.min(limits.maxSlowDownMs, (count - limits.maxPerIp) * limits.slowDownMs);
}

/**
 * Checks a password while counting attempts. The attempt is counted before the check, so parallel
 * guesses cannot all slip under a limit; a correct password takes its counts back. Used wherever a
 * password is typed: login, joining with an invitation, changing it.
 */
export async function verifyPasswordAttempt(
  ctx: ServiceContext,
  email: string,
  password: string,
  passwordHash: string | null,
  limits: LoginLimits,
): Promise<boolean> {
  const now = ctx.now();
  const ip = ctx.ip ?? 'unknown';
  // Refused here, an attempt checks no password, so it does not count towards the account's lock.
  const pairCount = await hitRateLimit(ctx.db, pairKey(email, ip), limits.windowSeconds, now);
  if (pairCount > limits.maxPerAddressAndAccount) throw new AppError('rate_limited');
  const accountCount = await hitRateLimit(ctx.db, accountKey(email), limits.windowSeconds, now);
  if (accountCount > limits.maxPerAccount) throw new AppError('account_locked');
  const valid = await verifyPassword(password, passwordHash);
  if (valid) {
    await clearRateLimit(ctx.db, accountKey(email));
    await clearRateLimit(ctx.db, pairKey(email, ip));
    return true;
  }
  const addressCount = await hitRateLimit(ctx.db, addressKey(ip), limits.windowSeconds, now);
  const delay = slowDownFor(addressCount, limits);
  if (delay > 0) await sleep(delay);
  return false;
}

/** The accounts among these e-mail addresses that are locked now, with when the lock ends. */
export async function lockedAccounts(
  ctx: ServiceContext,
  emails: string[],
  limits: LoginLimits,
): Promise<Map<string, Date>> {
  const now = ctx.now();
  const rows = await readRateLimits(ctx.db, emails.map(accountKey), limits.windowSeconds, now);
  const out = new Map<string, Date>();
  for (const row of rows) {
    if (row.count < limits.maxPerAccount) continue;
    out.set(row.key.slice(accountKey('').length), new Date(row.windowStart.getTime() + limits.windowSeconds * 1000));
  }
  return out;
}

/** Lifts the lock of an account and its per-address counts: the person may try again at once. */
export async function liftLoginLock(ctx: ServiceContext, email: string): Promise<void> {
  await clearRateLimit(ctx.db, accountKey(email));
  await clearRateLimitsStartingWith(ctx.db, pairPrefix(email));
}
