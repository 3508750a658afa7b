import { dayInJapan } from '../../shared/common/japan-days.js';
import type { PlanContent } from '../../shared/plans/plan-schema.js';
import type { Db } from '../db/client.js';
import { planComments, planFollowups, plans, planVersions } from '../db/schema/plans.js';
import { scheduleFollowupReminder, scheduleStepReminders } from '../features/plans/reminders.js';
import { addMonths } from '../features/plans/versions.js';
import { newId } from '../lib/ids.js';

/**
 * A demo action plan worth opening: the demo staff member presented a 時点版 almost six months
 * ago and shared it with the demo navigator, who commented; the six-month follow-up is a few days
 * away (so its reminder is in the outbox after the first start), and one step is overdue.
 */
export async function seedDemoPlans(
  db: Db,
  args: { cityId: string; staffId: string; navigatorId: string; now: Date },
): Promise<void> {
  const { cityId, staffId, navigatorId, now } = args;
  const day = (plusDays: number) => dayInJapan(now, plusDays);
  const presentedOn = addMonths(day(5), -6);
  const presentedAt = new Date(`${presentedOn}T06:00:00Z`);
  const first: PlanContent = {
    title: '窓口の待ち時間を半分にする',
    goal: '5年後に、市民課から全庁の窓口改善をリードできる職員になる',
    aim: 'offense',
    startsOn: addMonths(presentedOn, -1),
    steps: [
      {
        id: 's1',
        text: '係内で曜日・時間帯ごとの待ち時間を測る',
        owner: '自分',
        dueOn: addMonths(presentedOn, 1),
        status: 'planned',
        after: [],
      },
      {
        id: 's2',
        text: '記載台の記入例を作り直す',
        owner: '自分と係の同僚',
        dueOn: addMonths(presentedOn, 2),
        status: 'planned',
        after: ['s1'],
      },
      {
        id: 's3',
        text: '番号札システムの試行を課長に提案する',
        owner: '係長',
        dueOn: addMonths(presentedOn, 4),
        status: 'planned',
        after: ['s1'],
      },
    ],
    involve: {
      colleagues: '係の同僚に測定を手伝ってもらう',
      bosses: '課長に試行の相談をし、係長と一緒に提案する',
      executives: '部長会で結果を紹介してもらう',
      hr: '窓口研修に記入例の作り方を入れてもらう',
    },
    sheetItems: [{ itemKey: 'vision', itemTitle: 'ビジョンの共有' }],
    scenes: ['workplace-improvement'],
  };
  const draft: PlanContent = {
    ...first,
    steps: [
      { ...(first.steps[0] as PlanContent['steps'][number]), status: 'done' },
      { ...(first.steps[1] as PlanContent['steps'][number]), status: 'in_progress', dueOn: day(-3) },
      // Moved on at the last meeting: the trial waits for next year's budget.
      { ...(first.steps[2] as PlanContent['steps'][number]), dueOn: day(45) },
    ],
  };
  const planId = newId();
  await db.insert(plans).values({
    id: planId,
    orgId: cityId,
    ownerKind: 'person',
    ownerId: staffId,
    visibility: 'facilitator',
    facilitatorId: navigatorId,
    status: 'presented',
    draft,
    followupMonths: [6, 12],
    createdBy: staffId,
    createdAt: new Date(`${first.startsOn}T01:00:00Z`),
    updatedAt: now,
  });
  await db.insert(planVersions).values({
    id: newId(),
    planId,
    number: 1,
    kind: 'snapshot',
    content: first,
    note: '第6回 アクションプラン（時点版）の発表',
    frozenAt: presentedAt,
    frozenBy: staffId,
  });
  const followups = [6, 12].map((months, i) => ({
    id: newId(),
    planId,
    sequence: i + 1,
    months,
    dueOn: addMonths(presentedOn, months),
  }));
  await db.insert(planFollowups).values(followups);
  for (const followup of followups) await scheduleFollowupReminder(db, planId, followup, now);
  await scheduleStepReminders(db, planId, draft, now);
  await db.insert(planComments).values({
    id: newId(),
    planId,
    versionNumber: 1,
    authorId: navigatorId,
    body: '測定の結果が出たら、次の面談で一緒に見ましょう。番号札は費用の見積もりも添えると通りやすいです。',
    createdAt: new Date(presentedAt.getTime() + 3 * 86_400_000),
  });
}
