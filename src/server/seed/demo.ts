import { count } from 'drizzle-orm';
import type { Position, Role } from '../../shared/auth/roles.js';
import type { DepartmentLevel } from '../../shared/departments/schema.js';
import { computeLgCheckDigit } from '../../shared/orgs/lg-code.js';
import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema/audit-events.js';
import { departments } from '../db/schema/departments.js';
import { memberships } from '../db/schema/memberships.js';
import { organizations } from '../db/schema/organizations.js';
import { users } from '../db/schema/users.js';
import { hashPassword } from '../features/auth/password.js';
import { newId } from '../lib/ids.js';
import { seedDemoCareer } from './demo-career.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoRounds } from './demo-rounds.js';

export const DEMO_PASSWORD = 'kaizen-demo-2026';

/** デモ市 is fictional: prefecture 13 with a municipality number no real body uses, and a correct check digit. */
export const DEMO_CITY_LG_CODE = `13990${computeLgCheckDigit('13990')}`;

export interface DemoLogin {
  email: string;
  name: string;
  role: string;
}

interface DepartmentSeed {
  name: string;
  level: DepartmentLevel;
  children?: DepartmentSeed[];
}

const demoCityTree: DepartmentSeed[] = [
  {
    name: '総務部',
    level: 'bureau',
    children: [
      {
        name: '行政改革課',
        level: 'division',
        children: [
          { name: '改善推進係', level: 'unit' },
          { name: '行革係', level: 'unit' },
        ],
      },
      { name: '人事課', level: 'division', children: [{ name: '人材育成係', level: 'unit' }] },
    ],
  },
  {
    name: '市民部',
    level: 'bureau',
    children: [
      {
        name: '市民課',
        level: 'division',
        children: [
          { name: '窓口係', level: 'unit' },
          { name: '証明係', level: 'unit' },
        ],
      },
      { name: '保険年金課', level: 'division' },
    ],
  },
  {
    name: '福祉部',
    level: 'bureau',
    children: [{ name: '子育て支援課', level: 'division', children: [{ name: '保育係', level: 'unit' }] }],
  },
  { name: '都市整備部', level: 'bureau', children: [{ name: '道路課', level: 'division' }] },
];

interface PersonSeed {
  email: string;
  name: string;
  memberships: { org: 'npo' | 'city'; role: Role; position: Position; department?: string }[];
}

const people: PersonSeed[] = [
  {
    email: 'platform@demo.kaizen-navi.jp',
    name: '運営 花子',
    memberships: [{ org: 'npo', role: 'platform_admin', position: 'other' }],
  },
  {
    email: 'navigator@demo.kaizen-navi.jp',
    name: '案内 翔太',
    memberships: [
      { org: 'npo', role: 'facilitator', position: 'other' },
      { org: 'city', role: 'facilitator', position: 'other' },
    ],
  },
  {
    email: 'admin@demo.kaizen-navi.jp',
    name: '改善 一郎',
    memberships: [{ org: 'city', role: 'org_admin', position: 'subsection_chief', department: '改善推進係' }],
  },
  {
    email: 'manager@demo.kaizen-navi.jp',
    name: '市民 課長',
    memberships: [{ org: 'city', role: 'manager', position: 'section_chief', department: '市民課' }],
  },
  {
    email: 'staff@demo.kaizen-navi.jp',
    name: '窓口 さくら',
    memberships: [{ org: 'city', role: 'staff', position: 'staff', department: '窓口係' }],
  },
  {
    email: 'director@demo.kaizen-navi.jp',
    name: '総務 部長',
    memberships: [{ org: 'city', role: 'manager', position: 'director', department: '総務部' }],
  },
];

const roleLabels: Record<Role, string> = {
  platform_admin: 'プラットフォーム管理者 / platform admin',
  org_admin: '組織管理者 / org admin',
  facilitator: 'ナビゲーター / facilitator',
  manager: '所属長 / manager',
  staff: '職員 / staff',
};

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Fills an empty database with the NPO, デモ市 and a person of every role, and デモ市's step-up sheet
 * rounds with results to look at, in one transaction.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const npoId = newId();
  const cityId = newId();
  const departmentIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    await tx.insert(organizations).values([
      {
        id: npoId,
        kind: 'npo',
        name: '自治体改善マネジメント研究会',
        nameKana: 'じちたいかいぜんまねじめんとけんきゅうかい',
        isPlatform: true,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: cityId,
        kind: 'municipality',
        name: 'デモ市',
        nameKana: 'でもし',
        lgCode: DEMO_CITY_LG_CODE,
        prefectureCode: '13',
        municipalityType: 'city',
        population: 180_000,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    const insertTree = async (nodes: DepartmentSeed[], parentId: string | null) => {
      for (const [index, node] of nodes.entries()) {
        const id = newId();
        departmentIds.set(node.name, id);
        await tx.insert(departments).values({
          id,
          orgId: cityId,
          parentId,
          name: node.name,
          level: node.level,
          sortOrder: index * 10,
          createdAt: now,
          updatedAt: now,
        });
        if (node.children) await insertTree(node.children, id);
      }
    };
    await insertTree(demoCityTree, null);
    const userIds = new Map<string, string>();
    const cityPeople = new Map<string, { userId: string; membershipId: string; role: Role }>();
    for (const person of people) {
      const userId = newId();
      userIds.set(person.email, userId);
      await tx.insert(users).values({
        id: userId,
        email: person.email,
        displayName: person.name,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      for (const m of person.memberships) {
        const membershipId = newId();
        if (m.org === 'city') cityPeople.set(person.email, { userId, membershipId, role: m.role });
        await tx.insert(memberships).values({
          id: membershipId,
          orgId: m.org === 'npo' ? npoId : cityId,
          userId,
          role: m.role,
          position: m.position,
          departmentId: m.department ? (departmentIds.get(m.department) ?? null) : null,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    await seedDemoRounds(tx, {
      cityId,
      departmentIds,
      adminUserId: userIds.get('admin@demo.kaizen-navi.jp') ?? '',
      now,
    });
    await seedDemoCases(tx, { cityId, departmentIds, people: cityPeople, now });
    await seedDemoCareer(tx, { userId: userIds.get('staff@demo.kaizen-navi.jp') ?? '', now });
    await seedDemoPlans(tx, {
      cityId,
      staffId: userIds.get('staff@demo.kaizen-navi.jp') ?? '',
      navigatorId: userIds.get('navigator@demo.kaizen-navi.jp') ?? '',
      now,
    });
    await tx.insert(auditEvents).values([
      {
        id: newId(),
        orgId: npoId,
        action: 'org.create',
        targetType: 'organization',
        targetId: npoId,
        changes: { seed: 'demo' },
        createdAt: now,
      },
      {
        id: newId(),
        orgId: cityId,
        action: 'org.create',
        targetType: 'organization',
        targetId: cityId,
        changes: { seed: 'demo' },
        createdAt: now,
      },
    ]);
  });
  return demoLogins();
}

export function demoLogins(): DemoLogin[] {
  return people.map((p) => ({
    email: p.email,
    name: p.name,
    role: p.memberships.map((m) => `${m.org === 'npo' ? '研究会' : 'デモ市'}: ${roleLabels[m.role]}`).join(', '),
  }));
}
