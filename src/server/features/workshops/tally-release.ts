import type { Db } from '../../db/client.js';
import * as repo from './repo.js';

/**
 * On an anonymous round, a workshop's live tally moves only k people at a time. Watching a spread
 * before and after one colleague taps their phone would tell their level (a facilitator's console
 * once showed [0,1,1,0] become [0,1,1,1] as participant 2's count rose), so every screen counts
 * released levels instead of current ones, and the answers to an item are released together once
 * at least k people have answered or changed it since the last release: the room's spread of an
 * item only ever moves by whole batches of at least k people. The closing poll is released the
 * same way, k votes at a time. (A group's own spread moves with the batch, which may hold fewer
 * than k of its people; nobody's progress is shown to tell which of them.)
 *
 * Releasing locks the workshop row: answers hold a share lock on it while they are written, so
 * the counts read and the levels marked released are of the same moment.
 */
export async function releaseDueAnswers(db: Db, workshopId: string, k: number): Promise<boolean> {
  const pending = await repo.countUnreleased(db, workshopId);
  const due = pending.answers.filter((p) => p.n >= k);
  if (due.length === 0 && pending.poll < k) return false;
  return db.transaction(async (tx) => {
    const workshop = await repo.findWorkshopById(tx, workshopId, { lock: 'no key update' });
    if (!workshop) return false;
    const now = await repo.countUnreleased(tx, workshopId);
    const batches = now.answers.filter((p) => p.n >= k);
    if (batches.length > 0)
      await repo.releaseAnswers(
        tx,
        workshopId,
        batches.map((b) => b.itemKey),
      );
    if (now.poll >= k) await repo.releasePoll(tx, workshopId);
    return batches.length > 0 || now.poll >= k;
  });
}

/** Answers and votes not yet in the tally, waiting for enough others: shown as a number, never as levels. */
export async function countWaiting(db: Db, workshopId: string): Promise<number> {
  const pending = await repo.countUnreleased(db, workshopId);
  return pending.answers.reduce((sum, p) => sum + p.n, 0) + pending.poll;
}
