import type { Role } from '../../shared/auth/roles.js';
import { type CaseInput, caseInputSchema } from '../../shared/cases/case-schema.js';
import { dayInJapan, fiscalYearOfDay } from '../../shared/common/japan-days.js';
import { computeLgCheckDigit } from '../../shared/orgs/lg-code.js';
import type { Db } from '../db/client.js';
import { departments } from '../db/schema/departments.js';
import { memberships } from '../db/schema/memberships.js';
import { organizations } from '../db/schema/organizations.js';
import { users } from '../db/schema/users.js';
import * as repo from '../features/cases/repo.js';
import { createCase } from '../features/cases/service.js';
import type { OrgContext, OrgScope } from '../lib/context.js';
import { newId } from '../lib/ids.js';

/**
 * Demo kaizen cases worth searching: デモ市 has published cases across scenes, fields and methods
 * (with effects and its Smile / Smart / Speedy tags) and one submitted case waiting for its manager;
 * a second, fictional town shares two cases with member organisations, so searching 窓口 from デモ市
 * also finds another municipality's work. Cases are created through the cases service, so their
 * search index is built as for any reported case; review steps are written directly, without mail.
 */

export const DEMO_TOWN_NAME = '青葉町';
/** Fictional like デモ市: a municipality number no real body uses, with a correct check digit. */
const DEMO_TOWN_LG_CODE = `20990${computeLgCheckDigit('20990')}`;

export const DEMO_CASE_TITLES = {
  submitted: '会議資料のペーパーレス化（タブレット持参）',
  townCounter: '窓口の「書かない申請」で転入手続を15分に',
} as const;

interface DemoCase {
  input: CaseInput;
  reporter: string;
  department?: string;
  /** Days before the seed's now that the kaizen happened. */
  daysAgo: number;
  status: 'published' | 'submitted';
  award?: string;
}

const cityCases: DemoCase[] = [
  {
    reporter: 'staff@demo.kaizen-navi.jp',
    department: '窓口係',
    daysAgo: 40,
    status: 'published',
    input: {
      title: '住民票の窓口で押印を廃止し、申請書を1枚に',
      problem:
        '住民票の写しの請求で、市民が住所・氏名を2枚の様式に書き、押印していた。印鑑を忘れて出直す方が月に30人ほどいた。',
      action: '法令上押印が不要な様式を洗い出し、押印欄を削除。2枚の様式を1枚に統合し、記入例を窓口に掲示した。',
      result: '出直しがなくなり、1件あたりの記入時間が約3分短くなった。窓口の待ち時間も平均で5分短縮した。',
      remaining: '戸籍関係の様式にも広げる。',
      sceneId: 'workplace-improvement',
      policyField: 'counter',
      method: 'stop',
      sharing: 'network',
      tags: ['Speedy', 'Smile'],
      effects: [
        { kind: 'hours_per_year', target: 100, actual: 120, note: '記入支援の時間' },
        { kind: 'waiting_minutes', target: 5, actual: 5, note: '平均の短縮分' },
      ],
      happenedOn: '',
    },
  },
  {
    reporter: 'admin@demo.kaizen-navi.jp',
    department: '行革係',
    daysAgo: 90,
    status: 'published',
    award: '市長表彰（改善部門）',
    input: {
      title: 'RPAで給与・旅費の入力作業を自動化',
      problem: '毎月の旅費精算で、紙の申請を職員が手で財務システムに入力していた。月末に残業が集中していた。',
      action: 'ＲＰＡのシナリオを作り、申請データの取込みと入力を自動化。例外だけを職員が確認する手順にした。',
      result: '入力作業が年間600時間減り、入力ミスによる差戻しもほぼなくなった。',
      remaining: '他課の定型入力（支払・調定）への展開。',
      costYen: 480000,
      costNote: 'ＲＰＡのライセンス（年額）',
      sceneId: 'government-improvement',
      policyField: 'ict',
      method: 'ict',
      sharing: 'network',
      tags: ['Smart'],
      effects: [
        { kind: 'hours_per_year', target: 500, actual: 600 },
        { kind: 'yen_per_year', target: 1000000, actual: 1200000, note: '時間外勤務手当の削減' },
      ],
      happenedOn: '',
    },
  },
  {
    reporter: 'manager@demo.kaizen-navi.jp',
    department: '市民課',
    daysAgo: 200,
    status: 'published',
    input: {
      title: '窓口の呼出し番号をスマホで確認できるように',
      problem: '繁忙期には窓口の前に30人以上が待ち、いつ呼ばれるか分からず離れられなかった。',
      action: '呼出し番号をウェブで公開し、スマホで待ち状況を見られるようにした。庁舎内に案内を掲示した。',
      result: '待合スペースの混雑が解消し、アンケートの満足度が20ポイント上がった。',
      sceneId: 'workplace-innovation',
      policyField: 'counter',
      method: 'change',
      sharing: 'public',
      tags: ['Smile', 'Smart'],
      effects: [{ kind: 'satisfaction', target: 10, actual: 20, note: '来庁者アンケート（満足の割合）' }],
      happenedOn: '',
    },
  },
  {
    reporter: 'director@demo.kaizen-navi.jp',
    department: '総務部',
    daysAgo: 120,
    status: 'published',
    input: {
      title: '庁内の定例会議を半分にやめた',
      problem: '部内の定例会議が週に5本あり、報告だけで終わる会議が多かった。',
      action: '会議の目的を棚卸しし、報告だけの会議をやめてチャットでの共有に切り替えた。',
      result: '管理職の会議時間が年間300時間減り、現場で話す時間が増えた。',
      sceneId: 'government-fix',
      policyField: 'internal_affairs',
      method: 'stop',
      sharing: 'org',
      tags: ['Speedy'],
      effects: [{ kind: 'hours_per_year', target: 200, actual: 300 }],
      happenedOn: '',
    },
  },
  {
    reporter: 'staff@demo.kaizen-navi.jp',
    department: '窓口係',
    daysAgo: 15,
    status: 'published',
    input: {
      title: 'コピー用紙の削減：両面・集約印刷を標準に',
      problem: '課内の印刷のほとんどが片面で、月に2万枚のコピー用紙を使っていた。',
      action: 'プリンターの既定を両面・2ページ集約に変更し、内部資料は画面で見ることを申し合わせた。',
      result: 'コピー用紙が年間8万枚減った。',
      sceneId: 'individual-fix',
      policyField: 'environment',
      method: 'reduce',
      sharing: 'network',
      tags: ['Smart'],
      internalFields: ['reporters'],
      effects: [
        { kind: 'paper_sheets', target: 50000, actual: 80000 },
        { kind: 'yen_per_year', actual: 40000, note: '用紙代' },
      ],
      happenedOn: '',
    },
  },
  {
    reporter: 'manager@demo.kaizen-navi.jp',
    department: '子育て支援課',
    daysAgo: 300,
    status: 'published',
    input: {
      title: '保育所の入所申込をオンラインで受付',
      problem: '入所申込の時期に窓口が混み、保護者は仕事を休んで来庁していた。',
      action: '電子申請サービスで申込を受け付け、添付書類も画像で提出できるようにした。',
      result: '申込の6割がオンラインになり、窓口の受付時間が年間250時間減った。',
      sceneId: 'region-improvement',
      policyField: 'welfare',
      method: 'ict',
      sharing: 'public',
      tags: ['Smile', 'Speedy'],
      effects: [
        { kind: 'hours_per_year', target: 200, actual: 250 },
        { kind: 'other', label: 'オンライン申込の割合', unit: '%', target: 50, actual: 60 },
      ],
      happenedOn: '',
    },
  },
  {
    reporter: 'admin@demo.kaizen-navi.jp',
    department: '改善推進係',
    daysAgo: 420,
    status: 'published',
    input: {
      title: '道路の損傷を市民がスマホで通報できる仕組み',
      problem: '道路の穴や街灯の故障は電話で受けており、場所の特定に時間がかかっていた。',
      action: '地図付きの通報フォームを公開し、写真と位置情報を受け取れるようにした。地域の自治会と連携して周知した。',
      result: '通報から補修までが平均7日から3日に短縮した。',
      sceneId: 'region-innovation',
      policyField: 'collaboration',
      method: 'change',
      sharing: 'network',
      tags: ['Speedy', 'Smile'],
      effects: [{ kind: 'other', label: '通報から補修までの日数', unit: '日', target: 4, actual: 3 }],
      happenedOn: '',
    },
  },
  {
    reporter: 'staff@demo.kaizen-navi.jp',
    department: '窓口係',
    daysAgo: 60,
    status: 'published',
    input: {
      title: '窓口の記入台にわかりやすい記入例を置いた',
      problem: '申請書の書き間違いが多く、窓口で書き直してもらうことが1日に10件ほどあった。',
      action: 'よくある間違いを集めて記入例を作り、記入台に置いた。',
      result: '書き直しが1日2件程度に減った。',
      sceneId: 'individual-improvement',
      policyField: 'counter',
      method: 'reduce',
      sharing: 'org',
      tags: ['Smile'],
      effects: [{ kind: 'hours_per_year', target: 40, actual: 50 }],
      happenedOn: '',
    },
  },
  {
    reporter: 'staff@demo.kaizen-navi.jp',
    department: '窓口係',
    daysAgo: 7,
    status: 'submitted',
    input: {
      title: DEMO_CASE_TITLES.submitted,
      problem: '係内の打合せのたびに資料を人数分印刷していた。',
      action: '資料を共有フォルダに置き、タブレットで見る運用に変えた。',
      result: '印刷の手間と用紙が減った（集計中）。',
      sceneId: 'workplace-fix',
      policyField: 'internal_affairs',
      method: 'reduce',
      sharing: 'org',
      tags: ['Smart'],
      effects: [{ kind: 'paper_sheets', target: 5000 }],
      happenedOn: '',
    },
  },
];

const townCases: DemoCase[] = [
  {
    reporter: 'aoba-staff@demo.kaizen-navi.jp',
    department: '住民課',
    daysAgo: 100,
    status: 'published',
    input: {
      title: DEMO_CASE_TITLES.townCounter,
      problem: '転入の手続で、住民が住所や氏名を何枚もの申請書に書いていた。窓口での待ち時間は平均40分だった。',
      action: '職員が聞き取ってシステムから申請書を印刷する「書かない窓口」に変えた。押印も廃止した。',
      result: '転入手続が平均15分で終わるようになった。',
      remaining: '証明書交付機の設置は予算要求中（庁内検討段階）。',
      costYen: 1200000,
      costNote: '申請書作成システムの改修',
      sceneId: 'workplace-innovation',
      policyField: 'counter',
      method: 'change',
      sharing: 'network',
      internalFields: ['remaining', 'cost'],
      tags: ['窓口改革'],
      effects: [{ kind: 'waiting_minutes', target: 20, actual: 25, note: '平均待ち時間の短縮分' }],
      happenedOn: '',
    },
  },
  {
    reporter: 'aoba-staff@demo.kaizen-navi.jp',
    department: '住民課',
    daysAgo: 250,
    status: 'published',
    input: {
      title: 'ごみ収集カレンダーをアプリで配信',
      problem: '紙のカレンダーを全戸に配っていたが、分別の問合せ電話が多かった。',
      action: '分別辞典つきのアプリで収集日を通知し、紙の配布は希望者だけにした。',
      result: '問合せ電話が3割減り、印刷費も下がった。',
      sceneId: 'region-improvement',
      policyField: 'environment',
      method: 'ict',
      sharing: 'network',
      tags: ['くらし'],
      effects: [{ kind: 'yen_per_year', target: 300000, actual: 350000, note: '印刷・配布費' }],
      happenedOn: '',
    },
  },
];

const daysBefore = (now: Date, days: number): string => dayInJapan(now, -days);

interface OrgSeed {
  orgId: string;
  /** Each reporter's user id, membership id and role in this organisation. */
  people: Map<string, { userId: string; membershipId: string; role: Role }>;
  departmentIds: Map<string, string>;
}

async function seedCases(db: Db, org: OrgSeed, cases: DemoCase[], now: Date) {
  for (const demoCase of cases) {
    const reporter = org.people.get(demoCase.reporter);
    if (!reporter) throw new Error(`No demo reporter ${demoCase.reporter}`);
    // The scope the auth hook would mint for this reporter's membership.
    const scope = { orgId: org.orgId, role: reporter.role, membershipId: reporter.membershipId } as OrgScope;
    const ctx: OrgContext = {
      db,
      actor: { userId: reporter.userId, isPlatformAdmin: false },
      scope,
      ip: null,
      now: () => now,
    };
    const happenedOn = daysBefore(now, demoCase.daysAgo);
    const input = caseInputSchema.parse({
      ...demoCase.input,
      happenedOn,
      departmentId: demoCase.department ? (org.departmentIds.get(demoCase.department) ?? null) : null,
    });
    const { id } = await createCase(ctx, input);
    const submittedAt = new Date(now.getTime() - Math.max(demoCase.daysAgo - 3, 1) * 86_400_000);
    await repo.updateCase(db, scope, id, { status: demoCase.status, submittedAt, updatedAt: submittedAt });
    await repo.insertReview(db, scope, {
      caseId: id,
      action: 'submit',
      comment: null,
      actorId: reporter.userId,
      at: submittedAt,
    });
    if (demoCase.status !== 'published') continue;
    const publishedAt = new Date(submittedAt.getTime() + 2 * 86_400_000);
    await repo.updateCase(db, scope, id, { publishedAt, updatedAt: publishedAt });
    await repo.insertReview(db, scope, {
      caseId: id,
      action: 'publish',
      comment: null,
      actorId: reporter.userId,
      at: publishedAt,
    });
    if (demoCase.award) {
      await repo.insertAward(db, scope, id, fiscalYearOfDay(happenedOn), demoCase.award);
    }
  }
}

/** デモ市's cases, and a second town with a department and a reporter (no password) that shares two. */
export async function seedDemoCases(
  db: Db,
  city: {
    cityId: string;
    departmentIds: Map<string, string>;
    people: Map<string, { userId: string; membershipId: string; role: Role }>;
    now: Date;
  },
) {
  const { now } = city;
  await seedCases(db, { orgId: city.cityId, people: city.people, departmentIds: city.departmentIds }, cityCases, now);

  const townId = newId();
  await db.insert(organizations).values({
    id: townId,
    kind: 'municipality',
    name: DEMO_TOWN_NAME,
    nameKana: 'あおばちょう',
    lgCode: DEMO_TOWN_LG_CODE,
    prefectureCode: '20',
    municipalityType: 'town',
    population: 12_000,
    createdAt: now,
    updatedAt: now,
  });
  const departmentId = newId();
  await db.insert(departments).values({
    id: departmentId,
    orgId: townId,
    parentId: null,
    name: '住民課',
    level: 'division',
    sortOrder: 0,
    createdAt: now,
    updatedAt: now,
  });
  const userId = newId();
  const membershipId = newId();
  await db.insert(users).values({
    id: userId,
    email: 'aoba-staff@demo.kaizen-navi.jp',
    displayName: '青葉 職員',
    passwordHash: null,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(memberships).values({
    id: membershipId,
    orgId: townId,
    userId,
    role: 'org_admin',
    position: 'staff',
    departmentId,
    createdAt: now,
    updatedAt: now,
  });
  await seedCases(
    db,
    {
      orgId: townId,
      people: new Map([['aoba-staff@demo.kaizen-navi.jp', { userId, membershipId, role: 'org_admin' }]]),
      departmentIds: new Map([['住民課', departmentId]]),
    },
    townCases,
    now,
  );
}
