import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rateLimits } from '../db/schema/rate-limits.js';

export interface RateLimitState {
  count: number;
  retryAfterSeconds: number;
}

/** The current count of a fixed window, 0 once the window has passed. */
export async function peekRateLimit(db: Db, key: string, windowSeconds: number, now: Date): Promise<RateLimitState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row) return { count: 0, retryAfterSeconds: 0 };
  const elapsed = (now.getTime() - row.windowStart.getTime()) / 1000;
  if (elapsed >= windowSeconds) return { count: 0, retryAfterSeconds: 0 };
  return { count: row.count, retryAfterSeconds: Math.ceil(windowSeconds - elapsed) };
}

/** Adds one to a window counter atomically, starting a new window when the old one has passed; returns the new count. */
export async function hitRateLimit(db: Db, key: string, windowSeconds: number, now: Date): Promise<number> {
  const windowEdge = new Date(now.getTime() - windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowEdge.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowEdge.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 1;
}

/** Takes back one hit, for an attempt that turned out to be legitimate. */
export async function undoRateLimitHit(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
