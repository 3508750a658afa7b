import type { Page } from 'playwright-core';
import type { Messages } from '../../src/web/lib/i18n/ja.js';
import { type ApiSession, anonymousApi, apiAs, createMember, findMailLink } from './api.js';
import { DEMO_CITY, DEMO_NPO, demo, uniqueEmail, uniqueSuffix } from './demo.js';
import { expectVisible } from './expect.js';
import type { Orientation } from './pdf.js';

// Every page of the web app, with who opens it and the address of one real example, for the
// checks that go over all of them (e2e/accessibility.spec.ts). A page is a route of
// src/web/app/router.tsx; the spec fails when a route has no entry here.

/** Who is signed in when a page is opened; `anonymous` is nobody. */
export type Person = 'anonymous' | 'orgAdmin' | 'staff' | 'navigator' | 'platformAdmin' | 'newcomer';

/** The rows, links and people the pages are opened with, found or made once per run. */
export interface PageData {
  cityId: string;
  invitationPath: string;
  passwordResetPath: string;
  publicCase: { id: string; title: string };
  demoCase: { id: string; title: string };
  rounds: { closed: { id: string; title: string }; open: { id: string; title: string } };
  template: { id: string; title: string };
  /** 窓口係, whose trend over the demo rounds is shown. */
  counterUnitId: string;
  /** The staff member's demo plan: presented once, shared with the navigator, a follow-up due. */
  plan: { id: string; title: string; followupId: string; followupSequence: number; followupMonths: number };
  workshop: { id: string; code: string; title: string };
  event: { id: string; code: string; title: string; judgeKey: string };
  /** A colleague who shares their career map with the navigator. */
  sharer: { id: string; name: string };
  /** Cookies of each person's session, logged in once for the whole file. */
  sessions: Record<Exclude<Person, 'anonymous'>, Awaited<ReturnType<ApiSession['http']['storageState']>>>;
}

export interface AppPage {
  /** The route as router.tsx spells its full path; null for a state that is no route (a 404). */
  route: string | null;
  /** A state of the page beyond its first view (a dialog, the phone menu), named in the test. */
  state?: string;
  as: Person;
  path: (data: PageData) => string;
  /** What the page's h1 says, in the language shown. */
  heading?: (t: Messages, data: PageData) => string;
  /** Brings the page into its state, once it is loaded. */
  enter?: (page: Page, t: Messages) => Promise<void>;
  /** The page draws the error or not-found message on purpose. */
  isMessage?: boolean;
  /** Only at narrow widths, where the menu folds away (the phone menu). */
  narrowOnly?: boolean;
  /** Meant for paper: printed in Japanese and checked for size, page count and key text. */
  print?: PrintCheck;
}

export interface PrintCheck {
  orientation: Orientation;
  /** The number of A4 pages, or the range the demo data's length allows. */
  pages: number | readonly [number, number];
  /** Text the paper must carry: the title, headings, a value. */
  texts: (t: Messages, data: PageData) => string[];
  /** The margin of the page's @page rule, when not the usual 15 mm. */
  marginMm?: number;
}

/** `{{name}}` placeholders filled as i18next does (plain values only). */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

const org = (data: PageData, rest = '') => `/orgs/${data.cityId}${rest}`;

export const appPages: AppPage[] = [
  // Before login.
  { route: '/login', as: 'anonymous', path: () => '/login', heading: (t) => t.auth.loginTitle },
  { route: '/forgot-password', as: 'anonymous', path: () => '/forgot-password', heading: (t) => t.auth.forgotTitle },
  {
    route: '/reset-password/$token',
    as: 'anonymous',
    path: (d) => d.passwordResetPath,
    heading: (t) => t.auth.resetTitle,
  },
  { route: '/invite/$token', as: 'anonymous', path: (d) => d.invitationPath, heading: (t) => t.invite.title },
  { route: '/public/cases', as: 'anonymous', path: () => '/public/cases', heading: (t) => t.cases.public.title },
  {
    route: '/public/cases/$caseId',
    as: 'anonymous',
    path: (d) => `/public/cases/${d.publicCase.id}`,
    heading: (_, d) => d.publicCase.title,
    print: { orientation: 'portrait', pages: 2, texts: (_, d) => [d.publicCase.title, '改善前', '改善後'] },
  },
  { route: '/w', as: 'anonymous', path: () => '/w', heading: (t) => t.workshops.join.codeTitle },
  { route: '/w/$code', as: 'anonymous', path: (d) => `/w/${d.workshop.code}`, heading: (_, d) => d.workshop.title },
  {
    route: '/w/$code',
    state: 'judge',
    as: 'anonymous',
    path: (d) => `/w/${d.event.code}?judge=${d.event.judgeKey}`,
    heading: (_, d) => d.event.title,
  },
  { route: null, state: 'not-found', as: 'anonymous', path: () => '/no-such-page', isMessage: true },

  // A person's own pages.
  { route: '/', as: 'newcomer', path: () => '/', heading: (t) => t.home.noMembershipTitle },
  { route: '/profile', as: 'orgAdmin', path: () => '/profile', heading: (t) => t.profile.title },
  {
    route: '/career',
    as: 'staff',
    path: () => '/career',
    heading: (t) => t.career.title,
    print: {
      orientation: 'portrait',
      // Entries other specs add and remove meanwhile may lengthen the timeline.
      pages: [3, 4],
      texts: () => ['改善キャリアマップ', `${demo.staff.name}さんの改善キャリアマップ`, '広がりと深まり'],
    },
  },
  { route: '/career/shared', as: 'navigator', path: () => '/career/shared', heading: (t) => t.career.shared.title },
  {
    route: '/career/shared/$userId',
    as: 'navigator',
    path: (d) => `/career/shared/${d.sharer.id}`,
    heading: (t, d) => fill(t.career.shared.mapTitle, { name: d.sharer.name }),
    print: {
      orientation: 'portrait',
      pages: 2,
      texts: (_, d) => [`${d.sharer.name}さんの改善キャリアマップ`, '12場面での位置'],
    },
  },
  { route: '/platform/orgs', as: 'platformAdmin', path: () => '/platform/orgs', heading: (t) => t.platform.title },
  {
    route: '/facilitated-plans/$planId',
    as: 'navigator',
    path: (d) => `/facilitated-plans/${d.plan.id}`,
    heading: (_, d) => d.plan.title,
  },
  {
    route: '/facilitated-plans/$planId/versions/$number',
    as: 'navigator',
    path: (d) => `/facilitated-plans/${d.plan.id}/versions/1`,
    heading: (_, d) => d.plan.title,
    print: { orientation: 'portrait', pages: 2, texts: (_, d) => [d.plan.title, '第1版（時点版）', 'ゴール', '手順1'] },
  },

  // An organisation's pages.
  { route: '/orgs/$orgId', as: 'orgAdmin', path: (d) => org(d), heading: () => DEMO_CITY },
  {
    route: '/orgs/$orgId',
    state: 'menu',
    as: 'orgAdmin',
    path: (d) => org(d),
    heading: () => DEMO_CITY,
    narrowOnly: true,
    enter: async (page, t) => {
      await page.getByRole('button', { name: t.nav.menu, exact: true }).click();
      await expectVisible(page.getByRole('navigation', { name: t.nav.main, exact: true }).getByRole('link').first());
    },
  },
  {
    route: '/orgs/$orgId/departments',
    as: 'orgAdmin',
    path: (d) => org(d, '/departments'),
    heading: (t) => t.departments.title,
  },
  {
    route: '/orgs/$orgId/departments',
    state: 'add-dialog',
    as: 'orgAdmin',
    path: (d) => org(d, '/departments'),
    heading: (t) => t.departments.title,
    enter: async (page, t) => {
      await page.getByRole('button', { name: t.departments.addTop, exact: true }).click();
      await expectVisible(page.getByRole('dialog'));
    },
  },
  {
    route: '/orgs/$orgId/departments/$departmentId/trend',
    as: 'orgAdmin',
    path: (d) => org(d, `/departments/${d.counterUnitId}/trend?templateId=${d.template.id}`),
    heading: (t) => fill(t.results.trendTitle, { name: '窓口係' }),
    print: {
      orientation: 'portrait',
      // A round of the demo sheet that another spec closes adds a point to each chart, a column to the table.
      pages: [3, 4],
      texts: () => ['窓口係の推移', '項目ごとの推移', 'めざす姿と目標の共有'],
    },
  },
  { route: '/orgs/$orgId/rounds', as: 'orgAdmin', path: (d) => org(d, '/rounds'), heading: (t) => t.rounds.title },
  {
    route: '/orgs/$orgId/rounds/new',
    as: 'orgAdmin',
    path: (d) => org(d, '/rounds/new'),
    heading: (t) => t.rounds.new.title,
  },
  // A valid link leads straight on to the answer page; an invalid one is what this page shows itself.
  {
    route: '/orgs/$orgId/rounds/join',
    as: 'staff',
    path: (d) => org(d, '/rounds/join?token=not-a-valid-token'),
    heading: (t) => t.rounds.join.title,
  },
  {
    route: '/orgs/$orgId/rounds/$roundId',
    as: 'orgAdmin',
    path: (d) => org(d, `/rounds/${d.rounds.open.id}`),
    heading: (_, d) => d.rounds.open.title,
  },
  {
    route: '/orgs/$orgId/rounds/$roundId/answer',
    as: 'staff',
    path: (d) => org(d, `/rounds/${d.rounds.open.id}/answer`),
    heading: (_, d) => d.rounds.open.title,
    print: {
      orientation: 'portrait',
      pages: 9,
      texts: (_, d) => [d.rounds.open.title, 'あなたについて', '1. めざす姿と目標の共有', '段階1 個人任せ'],
    },
  },
  {
    route: '/orgs/$orgId/rounds/$roundId/results',
    as: 'orgAdmin',
    path: (d) => org(d, `/rounds/${d.rounds.closed.id}/results`),
    heading: (t, d) => fill(t.results.pageTitle, { title: d.rounds.closed.title }),
    // Not meant for paper: its A4 version is the report below (the screen prints on about 11 pages).
  },
  {
    route: '/orgs/$orgId/rounds/$roundId/report',
    as: 'orgAdmin',
    path: (d) => org(d, `/rounds/${d.rounds.closed.id}/report`),
    heading: (_, d) => d.rounds.closed.title,
    print: { orientation: 'portrait', pages: 3, texts: (_, d) => ['結果レポート', d.rounds.closed.title, '回答数'] },
  },
  {
    route: '/orgs/$orgId/plan-drafts',
    as: 'orgAdmin',
    path: (d) => org(d, '/plan-drafts'),
    heading: (t) => t.results.draftsTitle,
  },
  { route: '/orgs/$orgId/plans', as: 'staff', path: (d) => org(d, '/plans'), heading: (t) => t.plans.title },
  {
    route: '/orgs/$orgId/plans/new',
    as: 'staff',
    path: (d) => org(d, '/plans/new'),
    heading: (t) => t.plans.form.newTitle,
  },
  {
    route: '/orgs/$orgId/plans/$planId',
    as: 'staff',
    path: (d) => org(d, `/plans/${d.plan.id}`),
    heading: (_, d) => d.plan.title,
  },
  {
    route: '/orgs/$orgId/plans/$planId/edit',
    as: 'staff',
    path: (d) => org(d, `/plans/${d.plan.id}/edit`),
    heading: (t) => t.plans.form.editTitle,
  },
  {
    route: '/orgs/$orgId/plans/$planId/versions/$number',
    as: 'staff',
    path: (d) => org(d, `/plans/${d.plan.id}/versions/1`),
    heading: (_, d) => d.plan.title,
    print: { orientation: 'portrait', pages: 2, texts: (_, d) => [d.plan.title, '第1版（時点版）', 'ゴール', '手順1'] },
  },
  {
    route: '/orgs/$orgId/plans/$planId/compare',
    as: 'staff',
    path: (d) => org(d, `/plans/${d.plan.id}/compare?from=1`),
    heading: (t) => t.plans.compare.title,
    print: { orientation: 'portrait', pages: 2, texts: (_, d) => ['版を比べる', d.plan.title, '第1版と現在の下書き'] },
  },
  {
    route: '/orgs/$orgId/plans/$planId/followups/$followupId',
    as: 'staff',
    path: (d) => org(d, `/plans/${d.plan.id}/followups/${d.plan.followupId}`),
    heading: (t, d) =>
      fill(t.plans.followup.title, { sequence: d.plan.followupSequence, months: d.plan.followupMonths }),
  },
  {
    route: '/orgs/$orgId/scene-grid',
    as: 'orgAdmin',
    path: (d) => org(d, '/scene-grid'),
    heading: (t) => t.sceneGrid.title,
  },
  { route: '/orgs/$orgId/cases', as: 'staff', path: (d) => org(d, '/cases'), heading: (t) => t.cases.title },
  {
    route: '/orgs/$orgId/case-stats',
    as: 'staff',
    path: (d) => org(d, '/case-stats'),
    heading: (t) => t.caseStats.title,
    print: {
      orientation: 'portrait',
      // Cases other specs publish this year lengthen the tables by department, field and award.
      pages: [5, 6],
      texts: () => ['事例の統計', '事例数', '月別の事例数'],
    },
  },
  {
    route: '/orgs/$orgId/cases/new',
    as: 'staff',
    path: (d) => org(d, '/cases/new'),
    heading: (t) => t.cases.form.newTitle,
  },
  {
    route: '/orgs/$orgId/cases/import',
    as: 'orgAdmin',
    path: (d) => org(d, '/cases/import'),
    heading: (t) => t.caseImport.title,
  },
  {
    route: '/orgs/$orgId/cases/$caseId',
    as: 'staff',
    path: (d) => org(d, `/cases/${d.demoCase.id}`),
    heading: (_, d) => d.demoCase.title,
    print: {
      orientation: 'portrait',
      pages: 2,
      texts: (_, d) => [d.demoCase.title, '改善前', '効果の数値', '600時間/年'],
    },
  },
  {
    route: '/orgs/$orgId/cases/$caseId/edit',
    as: 'orgAdmin',
    path: (d) => org(d, `/cases/${d.demoCase.id}/edit`),
    heading: (t) => t.cases.form.editTitle,
    enter: (page, t) => expectVisible(page.getByRole('button', { name: t.cases.form.saveChanges, exact: true })),
  },
  {
    route: '/orgs/$orgId/cases/$caseId/presentation',
    as: 'staff',
    path: (d) => org(d, `/cases/${d.demoCase.id}/presentation`),
    heading: (_, d) => d.demoCase.title,
    print: {
      orientation: 'landscape',
      pages: 1,
      marginMm: 10,
      texts: (_, d) => [d.demoCase.title, '改善前', '改善後', '600時間/年'],
    },
  },
  { route: '/orgs/$orgId/sheets', as: 'orgAdmin', path: (d) => org(d, '/sheets'), heading: (t) => t.sheets.title },
  {
    route: '/orgs/$orgId/sheets/$templateId',
    as: 'orgAdmin',
    // A sample's title is shown in the reader's language, so no one heading fits both.
    path: (d) => org(d, `/sheets/${d.template.id}`),
    print: { orientation: 'portrait', pages: 5, texts: (_, d) => [d.template.title, 'めざす姿と目標の共有', '段階1'] },
  },
  {
    route: '/orgs/$orgId/sheets/$templateId/edit',
    as: 'orgAdmin',
    path: (d) => org(d, `/sheets/${d.template.id}/edit`),
    heading: (t) => t.editor.title,
  },
  { route: '/orgs/$orgId/members', as: 'orgAdmin', path: (d) => org(d, '/members'), heading: (t) => t.members.title },
  {
    route: '/orgs/$orgId/members',
    state: 'invite-dialog',
    as: 'orgAdmin',
    path: (d) => org(d, '/members'),
    heading: (t) => t.members.title,
    enter: async (page, t) => {
      await page.getByRole('button', { name: t.invitations.title, exact: true }).click();
      await expectVisible(page.getByRole('dialog'));
    },
  },
  { route: '/orgs/$orgId/audit', as: 'orgAdmin', path: (d) => org(d, '/audit'), heading: (t) => t.audit.title },
  { route: '/orgs/$orgId/outbox', as: 'orgAdmin', path: (d) => org(d, '/outbox'), heading: (t) => t.outbox.title },
  {
    route: '/orgs/$orgId/settings',
    as: 'orgAdmin',
    path: (d) => org(d, '/settings'),
    heading: (t) => t.settings.title,
  },
  {
    route: '/orgs/$orgId/workshops',
    as: 'orgAdmin',
    path: (d) => org(d, '/workshops'),
    heading: (t) => t.workshops.title,
  },
  {
    route: '/orgs/$orgId/workshops/$workshopId',
    as: 'orgAdmin',
    path: (d) => org(d, `/workshops/${d.workshop.id}`),
    heading: (_, d) => d.workshop.title,
  },
  {
    route: '/orgs/$orgId/workshops/$workshopId/present',
    as: 'orgAdmin',
    // The projector opens on the first item, in the round's words.
    path: (d) => org(d, `/workshops/${d.workshop.id}/present`),
  },
  {
    route: '/orgs/$orgId/workshops/$workshopId/summary',
    as: 'orgAdmin',
    path: (d) => org(d, `/workshops/${d.workshop.id}/summary`),
    heading: (_, d) => d.workshop.title,
    print: {
      orientation: 'portrait',
      pages: 4,
      texts: (_, d) => [d.workshop.title, '回答の分布', '1. めざす姿と目標の共有'],
    },
  },
  {
    route: '/orgs/$orgId/presentation-events/new',
    as: 'orgAdmin',
    path: (d) => org(d, '/presentation-events/new'),
    heading: (t) => t.presentations.create.title,
  },
  {
    route: '/orgs/$orgId/presentation-events/$workshopId',
    as: 'orgAdmin',
    path: (d) => org(d, `/presentation-events/${d.event.id}`),
    heading: (_, d) => d.event.title,
  },
  {
    route: '/orgs/$orgId/presentation-events/$workshopId/present',
    as: 'orgAdmin',
    path: (d) => org(d, `/presentation-events/${d.event.id}/present`),
    heading: (t) => t.presentations.present.noCurrent,
  },
  {
    route: '/orgs/$orgId/presentation-events/$workshopId/results',
    as: 'orgAdmin',
    path: (d) => org(d, `/presentation-events/${d.event.id}/results`),
    heading: (_, d) => d.event.title,
    print: {
      orientation: 'portrait',
      pages: 1,
      texts: (_, d) => [d.event.title, '審査員評価', '窓口の待ち時間を半分に'],
    },
  },
];

/** The page's name in test titles: its route, and its state when it has one. */
export function pageName(entry: AppPage): string {
  return `${entry.route ?? '(no route)'}${entry.state ? ` [${entry.state}]` : ''}`;
}

interface Row {
  id: string;
  title: string;
}

function find<T extends { title: string }>(rows: T[], title: string, what: string): T {
  const row = rows.find((r) => r.title === title);
  if (!row) throw new Error(`The demo data has no ${what} 「${title}」.`);
  return row;
}

/**
 * Finds the demo rows the pages show and makes the few the seed lacks: an open workshop, a
 * presentation event, a colleague sharing a career map, a newcomer without an organisation, and
 * the links mailed for an invitation and a password reset. Nothing the other specs rely on changes.
 */
export async function preparePageData(): Promise<PageData> {
  const admin = await apiAs(demo.orgAdmin.email);
  const staff = await apiAs(demo.staff.email);
  const navigator = await apiAs(demo.navigator.email);
  const platform = await apiAs(demo.platformAdmin.email);
  const anonymous = await anonymousApi();
  try {
    const cityId = await admin.orgId(DEMO_CITY);
    const npoId = await platform.orgId(DEMO_NPO);

    const invitee = uniqueEmail('pages-invitee');
    await admin.post(`/api/orgs/${cityId}/invitations`, { email: invitee, role: 'staff', position: 'staff' });
    const invitationPath = new URL(await findMailLink(admin, cityId, invitee, '/invite/')).pathname;
    await anonymous.post('/api/auth/password-reset/request', { email: demo.director.email });
    const passwordResetPath = new URL(await findMailLink(platform, npoId, demo.director.email, '/reset-password/'))
      .pathname;

    const publicTitle = '窓口の呼出し番号をスマホで確認できるように';
    const publicHits = await anonymous.get<{ hits: Row[] }>(
      `/api/public/cases?q=${encodeURIComponent(publicTitle)}&limit=5`,
    );
    const demoCaseTitle = 'RPAで給与・旅費の入力作業を自動化';
    const caseHits = await admin.get<{ hits: Row[] }>(
      `/api/orgs/${cityId}/cases?q=${encodeURIComponent(demoCaseTitle)}&limit=5`,
    );

    const rounds = await admin.get<(Row & { templateId: string })[]>(`/api/orgs/${cityId}/rounds`);
    const closed = find(rounds, '2026年度 上期 職場の立ち位置チェック', 'round');
    const open = find(rounds, '2026年度 下期 職場の立ち位置チェック', 'round');
    // The sheet of the demo rounds (other specs bring sheets of their own).
    const templates = await admin.get<Row[]>(`/api/orgs/${cityId}/sheet-templates`);
    const template = templates.find((t) => t.id === closed.templateId);
    if (!template) throw new Error('デモ市 has no template of its demo rounds.');
    const departments = await admin.get<{ id: string; name: string }[]>(`/api/orgs/${cityId}/departments`);
    const counterUnit = departments.find((department) => department.name === '窓口係');
    if (!counterUnit) throw new Error('デモ市 has no 窓口係.');

    // The staff member's demo plan, presented and shared with the navigator (other specs add more).
    const { plans } = await navigator.get<{ plans: Row[] }>('/api/me/facilitated-plans');
    const demoPlan = find(plans, '窓口の待ち時間を半分にする', 'plan');
    const plan = await staff.get<Row & { followups: { id: string; sequence: number; months: number }[] }>(
      `/api/orgs/${cityId}/plans/${demoPlan.id}`,
    );
    const [followup] = plan.followups;
    if (!followup) throw new Error('The demo plan has no follow-up.');

    const suffix = uniqueSuffix();
    const workshopTitle = `点検用ワークショップ ${suffix}`;
    const workshop = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/workshops`, {
      roundId: open.id,
      title: workshopTitle,
      grouping: 'assigned',
      groupNames: ['A班', 'B班'],
    });
    const eventTitle = `点検用の事例発表会 ${suffix}`;
    const event = await admin.post<{ id: string; code: string }>(`/api/orgs/${cityId}/presentation-events`, {
      title: eventTitle,
      minutes: 5,
      criteria: ['効果', '創意工夫'],
      presentations: [
        { title: '窓口の待ち時間を半分に', presenter: '市民課 窓口係' },
        { title: '紙の申請をオンラインへ', presenter: '情報政策課' },
      ],
    });
    const { judgeKey } = await admin.get<{ judgeKey: string }>(`/api/orgs/${cityId}/presentation-events/${event.id}`);

    // A colleague shares a career map with the navigator; a newcomer's only membership is removed.
    const sharer = { email: uniqueEmail('pages-sharer'), displayName: `共有 花子${suffix.slice(-3)}` };
    const newcomer = { email: uniqueEmail('pages-newcomer'), displayName: '新任 太郎' };
    const password = 'pages-check-2026';
    await createMember(admin, cityId, { ...sharer, password, role: 'staff' });
    await createMember(admin, cityId, { ...newcomer, password, role: 'staff' });
    const sharerApi = await apiAs(sharer.email, password);
    const newcomerApi = await apiAs(newcomer.email, password);
    try {
      const { facilitators } = await sharerApi.get<{ facilitators: { id: string; displayName: string }[] }>(
        '/api/me/career/facilitators',
      );
      const navigatorId = facilitators.find((f) => f.displayName === demo.navigator.name)?.id;
      await sharerApi.http.put('/api/me/career/shares', { data: { facilitatorIds: [navigatorId] } });
      const members = await admin.get<{ id: string; email: string; userId: string }[]>(`/api/orgs/${cityId}/members`);
      const sharerId = members.find((m) => m.email === sharer.email)?.userId ?? '';
      const membership = members.find((m) => m.email === newcomer.email);
      if (membership) await admin.delete(`/api/orgs/${cityId}/members/${membership.id}`);

      return {
        cityId,
        invitationPath,
        passwordResetPath,
        publicCase: find(publicHits.hits, publicTitle, 'public case'),
        demoCase: find(caseHits.hits, demoCaseTitle, 'case'),
        rounds: { closed: { id: closed.id, title: closed.title }, open: { id: open.id, title: open.title } },
        template: { id: template.id, title: template.title },
        counterUnitId: counterUnit.id,
        plan: {
          id: plan.id,
          title: plan.title,
          followupId: followup.id,
          followupSequence: followup.sequence,
          followupMonths: followup.months,
        },
        workshop: { ...workshop, title: workshopTitle },
        event: { ...event, title: eventTitle, judgeKey },
        sharer: { id: sharerId, name: sharer.displayName },
        sessions: {
          orgAdmin: await admin.http.storageState(),
          staff: await staff.http.storageState(),
          navigator: await navigator.http.storageState(),
          platformAdmin: await platform.http.storageState(),
          newcomer: await newcomerApi.http.storageState(),
        },
      };
    } finally {
      await Promise.all([sharerApi.dispose(), newcomerApi.dispose()]);
    }
  } finally {
    await Promise.all([admin.dispose(), staff.dispose(), navigator.dispose(), platform.dispose(), anonymous.dispose()]);
  }
}
