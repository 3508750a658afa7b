import { setTimeout as sleep } from 'node:timers/promises';
import type { Env } from '../../env.js';
import { AppError } from '../../lib/app-error.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  clearRateLimit,
  clearRateLimitsStartingWith,
  hitRateLimit,
  readRateLimit,
  readRateLimits,
} from '../../lib/rate-limit.js';
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
 * - per address (IPv6 by its /64): once it has failed `maxPerIp` times, each further attempt waits
 *   (`slowDownMs` more for each failure, up to `maxSlowDownMs`) before its password is hashed, one
 *   at a time, so spraying guesses over many accounts gets slow and cannot take the server's CPU;
 *   a correct password from that address still succeeds, after the wait (only a flood of attempts
 *   at the same moment is refused, see oneAtATime).
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
  const ip = addressBucket(ctx.ip);
  // Refused here, an attempt checks no password, so it does not count towards the account's lock.
  const pairCount = await hitRateLimit(ctx.db, pairKey(email, ip), limits.windowSeconds, now);
  if (pairCount > limits.maxPerAddressAndAccount) throw new AppError('rate_limited');
  const accountCount = await hitRateLimit(ctx.db, accountKey(email), limits.windowSeconds, now);
  if (accountCount > limits.maxPerAccount) throw new AppError('account_locked');
  // From an address that keeps failing, every attempt waits before its password is hashed, and
  // they are hashed one at a time: spraying guesses in parallel then costs time, not the server.
  const delay = slowDownFor(await readRateLimit(ctx.db, addressKey(ip), limits.windowSeconds, now), limits);
  if (delay > 0) await sleep(delay);
  const valid =
    delay > 0
      ? await oneAtATime(ip, () => verifyPassword(password, passwordHash))
      : await verifyPassword(password, passwordHash);
  if (valid) {
    await clearRateLimit(ctx.db, accountKey(email));
    await clearRateLimit(ctx.db, pairKey(email, ip));
    return true;
  }
  await hitRateLimit(ctx.db, addressKey(ip), limits.windowSeconds, now);
  return false;
}

/**
 * Attempts from an address that keeps failing are hashed one at a time on this server, with a few
 * waiting their turn; more than that at once is a flood, refused without hashing (429). A bound on
 * the CPU one address can take, not a record: each server keeps its own.
 */
const slowedAddresses = new Map<string, { running: Promise<unknown> | null; waiting: number }>();
const maxWaitingPerSlowedAddress = 20;

async function oneAtATime<T>(ip: string, work: () => Promise<T>): Promise<T> {
  const slot = slowedAddresses.get(ip) ?? { running: null, waiting: 0 };
  slowedAddresses.set(ip, slot);
  if (slot.waiting >= maxWaitingPerSlowedAddress) throw new AppError('rate_limited');
  slot.waiting += 1;
  try {
    while (slot.running) await slot.running.catch(() => {});
    const task = work();
    slot.running = task;
    try {
      return await task;
    } finally {
      slot.running = null;
    }
  } finally {
    slot.waiting -= 1;
    if (slot.waiting === 0 && !slot.running) slowedAddresses.delete(ip);
  }
}

/**
 * The address a limit counts: IPv4 as it is, IPv6 by its /64, which one household or office holds
 * whole (otherwise each of its addresses would get a count of its own).
 */
export function addressBucket(ip: string | null): string {
  if (!ip) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1] as string;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
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

/** How often an administrator may lift one account's lock in a day: each lift is another round of guesses. */
export const liftsPerDay = 3;

/** Counts an administrator's lift of an account's lock; false past the day's share. */
export async function admitLoginLockLift(ctx: ServiceContext, email: string): Promise<boolean> {
  return (await hitRateLimit(ctx.db, `login:lift:${email}`, 86_400, ctx.now())) <= liftsPerDay;
}

/** Lifts the lock of an account and its per-address counts: the person may try again at once. */
export async function liftLoginLock(ctx: ServiceContext, email: string): Promise<void> {
  await clearRateLimit(ctx.db, accountKey(email));
  await clearRateLimitsStartingWith(ctx.db, pairPrefix(email));
}
