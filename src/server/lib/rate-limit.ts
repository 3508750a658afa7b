import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rateLimits } from '../db/schema/rate-limits.js';

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

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** The count of a window still running, without adding to it; 0 when there is none. */
export async function readRateLimit(db: Db, key: string, windowSeconds: number, now: Date): Promise<number> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.windowStart.getTime() <= now.getTime() - windowSeconds * 1000) return 0;
  return row.count;
}

/** Removes every counter whose key begins with the prefix (taken literally, not as a pattern). */
export async function clearRateLimitsStartingWith(db: Db, prefix: string): Promise<void> {
  await db.delete(rateLimits).where(sql`left(${rateLimits.key}, ${prefix.length}) = ${prefix}`);
}

/** The counters of these keys whose window is still running. */
export async function readRateLimits(db: Db, keys: string[], windowSeconds: number, now: Date) {
  if (keys.length === 0) return [];
  const rows = await db.select().from(rateLimits).where(inArray(rateLimits.key, keys));
  return rows.filter((row) => row.windowStart.getTime() > now.getTime() - windowSeconds * 1000);
}
