import { dayInJapan } from '../../shared/common/japan-days.js';
import type { Db } from '../db/client.js';
import { careerEntries } from '../db/schema/career.js';
import { newId } from '../lib/ids.js';

/**
 * A few entries of the demo staff member's career map, so a newcomer opens a map that already
 * tells a story: the cases she reported appear beside them by themselves.
 */
export async function seedDemoCareer(db: Db, options: { userId: string; now: Date }): Promise<void> {
  const { userId, now } = options;
  const day = (daysAgo: number) => dayInJapan(now, -daysAgo);
  await db.insert(careerEntries).values([
    {
      id: newId(),
      userId,
      kind: 'role',
      title: '窓口係の改善推進員',
      description: '係の改善提案を集め、月1回の係内ミーティングで共有する役を引き受けた。',
      startedOn: day(400),
      endedOn: null,
      orgName: 'デモ市',
      departmentName: '市民課 窓口係',
      sceneId: 'workplace-improvement',
      reflection: '一人で考えるより、係のみんなで話すほうが続けやすいと分かった。',
      createdAt: now,
      updatedAt: now,
    },
    {
      id: newId(),
      userId,
      kind: 'seminar',
      title: '改善ステップアップセミナーに参加',
      description: '他の自治体の職員と、改善活動の12場面を使って自分の取組を振り返った。',
      startedOn: day(200),
      endedOn: day(200),
      orgName: '自治体改善マネジメント研究会',
      departmentName: '',
      sceneId: null,
      reflection: '次は課をまたぐ取組に挑戦したい。',
      createdAt: now,
      updatedAt: now,
    },
  ]);
}
