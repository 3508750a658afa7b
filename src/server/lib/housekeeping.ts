import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { caseImports } from '../db/schema/case-imports.js';
import { mails } from '../db/schema/mails.js';
import { passwordResets } from '../db/schema/password-resets.js';
import { rateLimits } from '../db/schema/rate-limits.js';
import { sessions } from '../db/schema/sessions.js';
import { workshopEvents } from '../db/schema/workshops.js';

const DAY_MS = 86_400_000;

/**
 * Deletes rows that can no longer matter: ended sessions, reset links past their expiry and
 * rate-limit windows a day old, case imports left unfinished for a day, and workshop events two
 * days old (a stream resumes from minutes ago; notes and answers live in their own tables); and
 * gives up mails SMTP has not taken for a day, removing their links. Safe to
 * run on every app server at once (plain deletes).
 */
export async function purgeExpiredRows(
  db: Db,
  now: Date,
): Promise<{
  sessions: number;
  resets: number;
  rateLimits: number;
  caseImports: number;
  workshopEvents: number;
  mailsGivenUp: number;
}> {
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
  const removedEvents = await db
    .delete(workshopEvents)
    .where(lt(workshopEvents.createdAt, new Date(now.getTime() - 2 * DAY_MS)))
    .returning({ id: workshopEvents.id });
  // A mail still waiting for SMTP a day on will not go (its job died or never was): it is given up
  // without its links, like one whose last attempt failed, never left with a working link.
  const givenUp = await db
    .update(mails)
    .set({
      status: 'failed',
      error: sql`coalesce(${mails.error}, 'not sent within a day')`,
      text: sql`regexp_replace(${mails.text}, ${'/(invite|reset-password)/[A-Za-z0-9_-]+'}, ${'/\\1/••••••'}, 'g')`,
    })
    .where(and(eq(mails.status, 'pending'), lt(mails.createdAt, dayAgo)))
    .returning({ id: mails.id });
  return {
    mailsGivenUp: givenUp.length,
    workshopEvents: removedEvents.length,
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
