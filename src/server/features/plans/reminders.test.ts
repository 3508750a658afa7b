import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createOrgWithAdmin, logIn } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { PlanDetail } from '../../../shared/plans/plan-schema.js';
import { jobs } from '../../db/schema/jobs.js';
import { claim, finish, JobWorker } from '../../lib/jobs.js';
import { reminderHandlers } from './reminders.js';

/**
 * Reminders of action plans as durable jobs, on a clock the test moves: exactly one mail before a
 * follow-up and one for an overdue step, also when a worker dies holding the job and another
 * starts; none for a step finished or moved in the meantime.
 */

let t: TestApp;
let email: string;
let cookie: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrgWithAdmin(t, { name: 'リマインダー市' });
  orgId = org.org.id;
  const member = await createMember(t, { orgId, role: 'staff' });
  email = member.user.email;
  cookie = await logIn(t, email);
});
afterAll(() => t.close());

const worker = () =>
  new JobWorker(t.deps.db, reminderHandlers(t.deps.mailer), t.clock.now, { leaseSeconds: 300, pollMs: 60_000 });

async function plan(steps: { id: string; text: string; dueOn: string | null; status?: string }[]) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/plans`,
    headers: { cookie },
    payload: {
      content: {
        title: `リマインダー ${steps.length}`,
        goal: '改善をリードする',
        aim: 'defense',
        startsOn: '2026-12-01',
        steps,
      },
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PlanDetail;
}

const mailsAbout = async (words: string) =>
  (await t.mailsTo(email)).filter((m) => m.subject.includes(words) || m.text.includes(words));

describe('plan reminders', () => {
  it('sends exactly one mail for an overdue step and one before a follow-up, across a worker that dies', async () => {
    t.clock.set(new Date('2026-12-10T03:00:00Z'));
    const created = await plan([{ id: 's1', text: '待ち時間を測る', dueOn: '2027-01-15' }]);
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/plans/${created.id}/versions`,
      headers: { cookie },
      payload: { kind: 'snapshot', note: '第6回' },
    });
    expect(await worker().runDue()).toBe(0);

    // The day after the step's date, 10:00 in Japan: a worker takes the job and dies with it.
    t.clock.set(new Date('2027-01-16T01:00:00Z'));
    const dying = await claim(t.deps.db, t.clock.now(), 300);
    expect(dying?.kind).toBe('plan.step_overdue');
    // The restarted worker finds it held until the lease runs out, then runs it.
    const restarted = worker();
    expect(await restarted.runDue()).toBe(0);
    t.clock.advance(6 * 60_000);
    expect(await restarted.runDue()).toBe(1);
    // The dead worker's late finish is refused: nothing is written twice.
    expect(await finish(t.deps.db, dying as NonNullable<typeof dying>, 'done', t.clock.now(), async () => {})).toBe(
      false,
    );
    expect(await restarted.runDue()).toBe(0);
    expect(await worker().runDue()).toBe(0);
    const overdue = await mailsAbout('待ち時間を測る');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.text).toContain(`http://kaizen.test/orgs/${orgId}/plans/${created.id}`);

    // A week before the six-month follow-up (2027-06-10): one mail, however often workers run.
    t.clock.set(new Date('2027-06-02T23:00:00Z'));
    expect(await worker().runDue()).toBe(0);
    t.clock.set(new Date('2027-06-03T01:00:00Z'));
    await Promise.all([worker().runDue(), worker().runDue()]);
    await worker().runDue();
    const followup = await mailsAbout('2027-06-10');
    expect(followup).toHaveLength(1);
    expect(followup[0]?.subject).toContain('フォローアップ');
  });

  it('sends nothing for a step finished or moved before its day, and reminds of the new day once', async () => {
    t.clock.set(new Date('2026-12-10T03:00:00Z'));
    const created = await plan([
      { id: 's1', text: '先に終わる手順', dueOn: '2027-02-01' },
      { id: 's2', text: '延びる手順', dueOn: '2027-02-01' },
    ]);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${orgId}/plans/${created.id}`,
      headers: { cookie },
      payload: {
        content: {
          ...created.draft,
          steps: [
            { id: 's1', text: '先に終わる手順', dueOn: '2027-02-01', status: 'done' },
            { id: 's2', text: '延びる手順', dueOn: '2027-03-01' },
          ],
        },
      },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    t.clock.set(new Date('2027-02-02T01:00:00Z'));
    await worker().runDue();
    expect(await mailsAbout('先に終わる手順')).toHaveLength(0);
    expect(await mailsAbout('延びる手順')).toHaveLength(0);
    const skipped = await t.deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `plan-step:${created.id}:s2:2027-02-01`));
    expect(skipped[0]?.outcome).toBe('skipped');
    t.clock.set(new Date('2027-03-02T01:00:00Z'));
    await worker().runDue();
    await worker().runDue();
    expect(await mailsAbout('延びる手順')).toHaveLength(1);
  });

  it('reminds again of a step reopened, or moved away and back to its first date', async () => {
    t.clock.set(new Date('2026-12-10T03:00:00Z'));
    const created = await plan([{ id: 's1', text: '行ったり来たりの手順', dueOn: '2027-04-01' }]);
    const save = (dueOn: string, status = 'planned') =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${orgId}/plans/${created.id}`,
        headers: { cookie },
        payload: { content: { ...created.draft, steps: [{ id: 's1', text: '行ったり来たりの手順', dueOn, status }] } },
      });
    expect((await save('2027-05-01')).statusCode).toBe(200);
    t.clock.set(new Date('2027-04-02T01:00:00Z'));
    await worker().runDue();
    expect(await mailsAbout('行ったり来たり')).toHaveLength(0);
    // Back to the first date, now past: the skipped reminder applies again and goes out once.
    cookie = await logIn(t, email);
    expect((await save('2027-04-01')).statusCode).toBe(200);
    await worker().runDue();
    await worker().runDue();
    expect(await mailsAbout('行ったり来たり')).toHaveLength(1);
  });
});
