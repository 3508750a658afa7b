import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema/jobs.js';
import { newId } from './ids.js';

/**
 * A durable job queue in PostgreSQL (and PGlite alike): jobs are rows with a unique key, a time
 * they fall due and a lease. A worker claims one due job (FOR UPDATE SKIP LOCKED, so several app
 * servers never take the same one), runs it, and finishes it in one transaction with whatever it
 * writes, fenced by the attempt that claimed it: a worker that died (or stalled past its lease)
 * cannot finish a job another has taken since. So a job's effect lands exactly once, across
 * restarts. Time comes from the app's clock, which tests can move. See docs/decisions/0010.
 */

export type JobRow = typeof jobs.$inferSelect;

/**
 * Queues a job unless one with its key exists; true when it was added. A job that was skipped
 * (it no longer applied when it fell due) is queued again, since it applies again now: a step
 * reopened, or moved back to its first date. One that ran stays run.
 */
export async function enqueue(
  db: Db,
  job: { kind: string; key: string; runAt: Date; payload: Record<string, unknown>; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({ id: newId(), kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload, createdAt: job.now })
    .onConflictDoUpdate({
      target: jobs.key,
      set: { runAt: job.runAt, payload: job.payload, outcome: null, finishedAt: null, lockedUntil: null, attempts: 0 },
      setWhere: sql`${jobs.outcome} = 'skipped'`,
    })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Takes the job due first that nobody holds, for `leaseSeconds`; null when none is due. */
export async function claim(db: Db, now: Date, leaseSeconds: number): Promise<JobRow | null> {
  const until = new Date(now.getTime() + leaseSeconds * 1000);
  const result = await db.execute(sql`
    update jobs set locked_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
    where id = (
      select id from jobs
      where finished_at is null and attempts < ${maxAttempts} and run_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
      order by run_at, id
      for update skip locked
      limit 1)
    returning id`);
  const id = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) return null;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/**
 * Finishes a claimed job and runs `effect` in the same transaction. Returns false (and writes
 * nothing) when the claim is stale: the job was finished, or taken again after this lease ran out.
 */
export async function finish(
  db: Db,
  job: JobRow,
  outcome: 'done' | 'skipped',
  now: Date,
  effect: (tx: Db) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const fenced = await tx
      .update(jobs)
      .set({ outcome, finishedAt: now, lockedUntil: null })
      .where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), isNull(jobs.finishedAt)))
      .returning({ id: jobs.id });
    if (fenced.length === 0) return false;
    await effect(tx);
    return true;
  });
}

/** Attempts before a job that keeps failing is given up (its last error kept for the record). */
export const maxAttempts = 5;

/** Records a failure: the job runs again after a pause that grows, or is given up. */
export async function fail(db: Db, job: JobRow, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown';
  const last = job.attempts >= maxAttempts;
  await db
    .update(jobs)
    .set({
      lastError: message,
      lockedUntil: last ? null : new Date(now.getTime() + 60_000 * 2 ** job.attempts),
      ...(last ? { outcome: 'failed' as const, finishedAt: now } : {}),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempts), isNull(jobs.finishedAt)));
}

/** What a job does: decides, writes with `tx` (in the finishing transaction), and says how it ended. */
export interface JobHandler {
  /** Reads what the job is about; 'skip' when it no longer applies (nothing is written). */
  prepare(db: Db, job: JobRow, now: Date): Promise<'skip' | ((tx: Db) => Promise<string[]>)>;
}

export interface JobWorkerOptions {
  leaseSeconds: number;
  pollMs: number;
  /** Called after a job's transaction committed with the mail ids it queued, to send them. */
  afterCommit?: (mailIds: string[]) => Promise<void>;
  onError?: (error: unknown, job: JobRow) => void;
}

/** Runs due jobs on one app server; any number of servers may run one. */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly now: () => Date,
    private readonly options: JobWorkerOptions = { leaseSeconds: 300, pollMs: 30_000 },
  ) {}

  start(): void {
    const tick = () => {
      this.runDue().catch(() => {
        // The next tick tries again; each job's failure is recorded on it.
      });
    };
    this.timer = setInterval(tick, this.options.pollMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => 0);
  }

  /** Runs every job due now, one at a time; returns how many this call finished. */
  runDue(limit = 100): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let finished = 0;
      for (let i = 0; i < limit; i++) {
        const now = this.now();
        const job = await claim(this.db, now, this.options.leaseSeconds);
        if (!job) break;
        if (await this.runOne(job, now)) finished++;
      }
      return finished;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs a claimed job; true when this claim finished it. */
  async runOne(job: JobRow, now: Date): Promise<boolean> {
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      const plan = await handler.prepare(this.db, job, now);
      let mailIds: string[] = [];
      const done = await finish(this.db, job, plan === 'skip' ? 'skipped' : 'done', now, async (tx) => {
        if (plan !== 'skip') mailIds = await plan(tx);
      });
      if (done && mailIds.length > 0) await this.options.afterCommit?.(mailIds);
      return done;
    } catch (error) {
      this.options.onError?.(error, job);
      await fail(this.db, job, error, now).catch(() => {});
      return false;
    }
  }
}
