import { eq } from 'drizzle-orm';
import type { Position } from '../../shared/auth/roles.js';
import { dayInJapan } from '../../shared/common/japan-days.js';
import type { SheetTemplate } from '../../shared/sheets/template-schema.js';
import type { Db } from '../db/client.js';
import { departments } from '../db/schema/departments.js';
import { memberships } from '../db/schema/memberships.js';
import { sheetAnswers, sheetResponses, sheetRounds, sheetRoundUnits } from '../db/schema/sheet-rounds.js';
import { sheetTemplates, sheetTemplateVersions } from '../db/schema/sheet-templates.js';
import { users } from '../db/schema/users.js';
import { loadDefaultTemplates } from '../features/sheets/default-templates.js';
import { newId } from '../lib/ids.js';
import { createToken } from '../lib/tokens.js';

/**
 * Demo results worth looking at: デモ市 has copied the 職場編（簡易版） sample and run it twice
 * (both closed, the second a little better than the first), and a third round is open now, which
 * the demo manager and staff member have not answered yet. The colleagues who answered are demo
 * people without a password: they exist so that groups reach the anonymity threshold.
 */

export const DEMO_ROUND_TITLES = {
  first: '2025年度 職場の立ち位置チェック',
  second: '2026年度 上期 職場の立ち位置チェック',
  open: '2026年度 下期 職場の立ち位置チェック',
} as const;

const surnames = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '松本',
  '井上',
  '木村',
];
const givenNames = [
  '陽菜',
  '大輝',
  '美咲',
  '拓海',
  '結衣',
  '健太',
  '彩',
  '翔',
  '真央',
  '蓮',
  '優子',
  '直樹',
  '楓',
  '誠',
  '葵',
  '亮',
];

/** Colleagues per department: how many, and their positions (most are 職員). */
const colleagues: { department: string; positions: Position[] }[] = [
  { department: '窓口係', positions: ['subsection_chief', 'staff', 'staff', 'staff', 'staff', 'staff'] },
  { department: '証明係', positions: ['subsection_chief', 'staff', 'staff', 'staff'] },
  { department: '市民課', positions: ['section_chief'] },
  { department: '保険年金課', positions: ['section_chief', 'subsection_chief', 'staff', 'staff'] },
  { department: '改善推進係', positions: ['staff', 'staff'] },
  { department: '行革係', positions: ['subsection_chief', 'staff'] },
  { department: '行政改革課', positions: ['section_chief'] },
  { department: '人材育成係', positions: ['subsection_chief', 'staff', 'staff'] },
  { department: '保育係', positions: ['subsection_chief', 'staff', 'staff', 'staff'] },
  { department: '子育て支援課', positions: ['section_chief'] },
  { department: '道路課', positions: ['section_chief', 'subsection_chief', 'staff', 'staff'] },
];

/** A small deterministic generator, so every fresh demo shows the same results. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const dayOffset = (now: Date, days: number) => dayInJapan(now, days);

export async function seedDemoRounds(
  tx: Db,
  options: {
    cityId: string;
    departmentIds: Map<string, string>;
    adminUserId: string;
    now: Date;
  },
): Promise<void> {
  const { cityId, departmentIds, now } = options;
  const sample = loadDefaultTemplates().find((t) => t.key === 'workplace-quick');
  if (!sample) throw new Error('The 職場編（簡易版） sample is missing.');
  const content: SheetTemplate = { ...sample, sample: false };
  const templateId = newId();
  const versionId = newId();
  await tx.insert(sheetTemplates).values({
    id: templateId,
    orgId: cityId,
    key: content.key,
    sourceSampleKey: sample.key,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(sheetTemplateVersions).values({
    id: versionId,
    templateId,
    orgId: cityId,
    version: 1,
    content,
    createdBy: options.adminUserId,
    createdAt: now,
  });

  // The colleagues, as members of デモ市 who cannot log in.
  const people: { userId: string; position: Position; departmentId: string | null }[] = [];
  let n = 0;
  for (const group of colleagues) {
    const departmentId = departmentIds.get(group.department) ?? null;
    for (const position of group.positions) {
      n += 1;
      const userId = newId();
      const name = `${surnames[n % surnames.length]} ${givenNames[(n * 7) % givenNames.length]}`;
      await tx.insert(users).values({
        id: userId,
        email: `colleague${String(n).padStart(2, '0')}@demo.kaizen-navi.jp`,
        displayName: name,
        passwordHash: null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(memberships).values({
        id: newId(),
        orgId: cityId,
        userId,
        role: position === 'staff' ? 'staff' : 'manager',
        position,
        departmentId,
        createdAt: now,
        updatedAt: now,
      });
      people.push({ userId, position, departmentId });
    }
  }

  const items = content.sections.flatMap((s) => s.items);
  // Where each item tends to stand (0 = the bottom level, 1 = the top), and how much higher
  // managers see it than staff do: the gap is where dialogue starts.
  const baseline = items.map((_, i) => 0.25 + ((i * 37) % 100) / 250);
  const managerLift = items.map((_, i) => (i % 3 === 0 ? 0.3 : i % 3 === 1 ? 0.1 : -0.05));

  const rounds = [
    { title: DEMO_ROUND_TITLES.first, opens: -540, closes: -510, lift: 0, share: 0.9 },
    { title: DEMO_ROUND_TITLES.second, opens: -150, closes: -120, lift: 0.12, share: 0.95 },
    { title: DEMO_ROUND_TITLES.open, opens: -3, closes: 14, lift: 0.18, share: 0.45 },
  ];
  for (const [r, spec] of rounds.entries()) {
    const roundId = newId();
    const created = new Date(now.getTime() + spec.opens * 86_400_000);
    await tx.insert(sheetRounds).values({
      id: roundId,
      orgId: cityId,
      templateId,
      templateVersionId: versionId,
      title: spec.title,
      scopeKind: 'org',
      opensOn: dayOffset(now, spec.opens),
      closesOn: dayOffset(now, spec.closes),
      anonymityThreshold: 3,
      anonymous: true,
      joinToken: createToken().token.slice(0, 32),
      createdBy: options.adminUserId,
      createdAt: created,
      updatedAt: created,
    });
    // Answered rounds count on the tree as it was when they were answered (rounds/units.ts).
    const tree = await tx.select().from(departments).where(eq(departments.orgId, cityId));
    await tx.insert(sheetRoundUnits).values(
      tree.map((d) => ({
        roundId,
        orgId: cityId,
        departmentId: d.id,
        parentId: d.parentId,
        name: d.name,
        sortOrder: d.sortOrder,
      })),
    );
    const random = generator(2026 + r);
    const respondents = people.filter(() => random() < spec.share);
    for (const person of respondents) {
      const responseId = newId();
      const isManager = person.position !== 'staff';
      const levels = items.map((item, i) => {
        const position =
          (baseline[i] ?? 0.4) + spec.lift + (isManager ? (managerLift[i] ?? 0) : 0) + (random() - 0.5) * 0.45;
        const top = item.levels.length;
        return Math.min(top, Math.max(1, 1 + Math.round(position * (top - 1))));
      });
      const lowest = levels.indexOf(Math.min(...levels));
      await tx.insert(sheetResponses).values({
        id: responseId,
        roundId,
        orgId: cityId,
        userId: person.userId,
        status: 'submitted',
        position: person.position,
        departmentId: person.departmentId,
        mostImportantItemKey: items[random() < 0.6 ? lowest : Math.floor(random() * items.length)]?.key ?? null,
        submittedAt: created,
        createdAt: created,
        updatedAt: created,
      });
      await tx
        .insert(sheetAnswers)
        .values(
          items.map((item, i) => ({ responseId, roundId, itemKey: item.key, level: levels[i] ?? 1, comment: null })),
        );
    }
  }
}
