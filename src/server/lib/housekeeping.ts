import { lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { caseImports } from '../db/schema/case-imports.js';
import { passwordResets } from '../db/schema/password-resets.js';
import { rateLimits } from '../db/schema/rate-limits.js';
import { sessions } from '../db/schema/sessions.js';

const DAY_MS = 86_400_000;

/**
 * Deletes rows that can no longer matter: ended sessions, reset links past their expiry and
 * rate-limit windows a day old, case imports left unfinished for a day. Safe to run on every app server at once (plain deletes).
 */
export async function purgeExpiredRows(
  db: Db,
  now: Date,
): Promise<{ sessions: number; resets: number; rateLimits: number; caseImports: number }> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const removedSessions = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  const removedResets = await db
    .delete(passwordResets)
    .where(lt(passwordResets.expiresAt, dayAgo))
    .returning({ id: passwordResets.tokenHash });
  const removedLimits = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, dayAgo))
    .returning({ key: rateLimits.key });
  // Imports started a day ago and never committed: their staged rows go with them.
  const removedImports = await db
    .delete(caseImports)
    .where(lt(caseImports.createdAt, dayAgo))
    .returning({ id: caseImports.id });
  return {
    sessions: removedSessions.length,
    resets: removedResets.length,
    rateLimits: removedLimits.length,
    caseImports: removedImports.length,
  };
}

/** Purges at start and then every hour, without keeping the process alive. */
export function startHousekeeping(db: Db, now: () => Date, onError: (error: unknown) => void): () => void {
  const run = () => purgeExpiredRows(db, now()).catch(onError);
  void run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
