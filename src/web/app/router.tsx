import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  redirect,
} from '@tanstack/react-router';
import type { Permission } from '../../shared/auth/permissions.js';
import type { MembershipSummary } from '../../shared/auth/schema.js';
import { Loading } from '../components/loading.js';
import { keepCasesSearch } from '../features/cases/case-search-route.js';
import { pickHomeOrg } from '../lib/last-org.js';
import { can, ForbiddenError, findMembership } from '../lib/permissions.js';
import { queryClient } from '../lib/query-client.js';
import { meQueryOptions } from '../lib/session.js';
import { ErrorPage } from './error-page.js';
import { NotFoundPage } from './not-found-page.js';
import { PublicLayout } from './public-layout.js';
import { RootErrorPage, RootLayout, RootNotFoundPage } from './root-layout.js';
import { AppShell } from './shell/app-shell.js';

interface RouterContext {
  queryClient: QueryClient;
}

/** Only same-site paths may be a redirect target after login, never another origin. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RootErrorPage,
  notFoundComponent: RootNotFoundPage,
});

const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });

const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('../features/auth/login-page.js'), 'LoginPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/forgot-password',
  component: lazyRouteComponent(() => import('../features/auth/forgot-password-page.js'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/reset-password/$token',
  component: lazyRouteComponent(() => import('../features/auth/reset-password-page.js'), 'ResetPasswordPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/invite/$token',
  component: lazyRouteComponent(() => import('../features/invitations/invite-page.js'), 'InvitePage'),
});

const publicCasesRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/public/cases',
  validateSearch: keepCasesSearch,
  component: lazyRouteComponent(() => import('../features/cases/public-cases-page.js'), 'PublicCasesPage'),
});

const publicCaseRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/public/cases/$caseId',
  component: lazyRouteComponent(() => import('../features/cases/public-case-page.js'), 'PublicCasePage'),
});

const workshopCodeRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/w',
  component: lazyRouteComponent(() => import('../features/workshops/join-pages.js'), 'WorkshopCodePage'),
});

const workshopJoinRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/w/$code',
  // A judge's link carries the judges' key of a presentation event: /w/CODE?judge=KEY.
  validateSearch: (search: Record<string, unknown>): { judge?: string } =>
    typeof search.judge === 'string' && search.judge ? { judge: search.judge.slice(0, 32) } : {},
  component: lazyRouteComponent(() => import('../features/workshops/join-pages.js'), 'WorkshopJoinPage'),
});

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
    return { me };
  },
  component: AppShell,
});

const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const orgId = pickHomeOrg(context.me);
    if (orgId) throw redirect({ to: '/orgs/$orgId', params: { orgId } });
  },
  component: lazyRouteComponent(() => import('../features/orgs/no-membership-page.js'), 'NoMembershipPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('../features/profile/profile-page.js'), 'ProfilePage'),
});

// The career map is the person's own, not an organisation's: it lives beside the profile.
const careerRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/career',
  component: lazyRouteComponent(() => import('../features/career/career-page.js'), 'CareerPage'),
});

const careerSharedRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/career/shared',
  component: lazyRouteComponent(() => import('../features/career/career-shared-pages.js'), 'CareerSharedListPage'),
});

const careerSharedMapRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/career/shared/$userId',
  component: lazyRouteComponent(() => import('../features/career/career-shared-pages.js'), 'CareerSharedMapPage'),
});

const platformOrgsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/platform/orgs',
  beforeLoad: ({ context }) => {
    if (!context.me.isPlatformAdmin) throw new ForbiddenError();
  },
  component: lazyRouteComponent(() => import('../features/platform/platform-orgs-page.js'), 'PlatformOrgsPage'),
});

/** A plan shared with a facilitator, read from whichever organisation it belongs to. */
const facilitatedPlanRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/facilitated-plans/$planId',
  component: lazyRouteComponent(() => import('../features/plans/plan-page.js'), 'FacilitatedPlanPage'),
});

const facilitatedPlanVersionRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/facilitated-plans/$planId/versions/$number',
  component: lazyRouteComponent(
    () => import('../features/plans/facilitated-version-page.js'),
    'FacilitatedPlanVersionPage',
  ),
});

const orgRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/orgs/$orgId',
  beforeLoad: ({ context, params }) => {
    const membership = findMembership(context.me, params.orgId) ?? null;
    return { membership };
  },
  // Not found is raised in the loader, not beforeLoad, so it renders inside the app shell.
  loader: ({ context }) => {
    if (!context.membership) throw notFound();
  },
});

function requirePermission(permission: Permission) {
  return ({ context }: { context: { membership: MembershipSummary | null } }) => {
    // A missing membership is the parent loader's not-found, not a permission problem.
    if (context.membership && !can(context.membership, permission)) throw new ForbiddenError();
  };
}

const orgOverviewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/orgs/org-overview-page.js'), 'OrgOverviewPage'),
});

const departmentsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'departments',
  beforeLoad: requirePermission('department.read'),
  component: lazyRouteComponent(() => import('../features/departments/departments-page.js'), 'DepartmentsPage'),
});

const sheetsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'sheets',
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/sheets/sheets-page.js'), 'SheetsPage'),
});

const sheetRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'sheets/$templateId',
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/sheets/sheet-page.js'), 'SheetPage'),
});

const roundsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds',
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/rounds/rounds-page.js'), 'RoundsPage'),
});

const roundNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds/new',
  beforeLoad: requirePermission('sheet.manage'),
  component: lazyRouteComponent(() => import('../features/rounds/round-new-page.js'), 'RoundNewPage'),
});

const roundJoinRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds/join',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' ? { token: search.token } : {},
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/rounds/round-join-page.js'), 'RoundJoinPage'),
});

const roundRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds/$roundId',
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/rounds/round-page.js'), 'RoundPage'),
});

const answerRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds/$roundId/answer',
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/rounds/answer-page.js'), 'AnswerPage'),
});

/** Filters of a results view, kept in the address so a view can be shared and printed. */
export interface ResultsSearch {
  departmentId?: string;
  position?: string;
  compareTo?: string;
}

function resultsSearch(search: Record<string, unknown>): ResultsSearch {
  const out: ResultsSearch = {};
  for (const key of ['departmentId', 'position', 'compareTo'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value) out[key] = value;
  }
  return out;
}

const resultsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds/$roundId/results',
  validateSearch: resultsSearch,
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/results/results-page.js'), 'ResultsPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'rounds/$roundId/report',
  validateSearch: (search: Record<string, unknown>): ResultsSearch & { kind: 'group' | 'mine' } => ({
    ...resultsSearch(search),
    kind: search.kind === 'mine' ? 'mine' : 'group',
  }),
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/results/report-page.js'), 'ReportPage'),
});

const unitTrendRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'departments/$departmentId/trend',
  validateSearch: (search: Record<string, unknown>): { templateId?: string } =>
    typeof search.templateId === 'string' ? { templateId: search.templateId } : {},
  beforeLoad: requirePermission('sheet.manage'),
  component: lazyRouteComponent(() => import('../features/results/unit-trend-page.js'), 'UnitTrendPage'),
});

const planDraftsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plan-drafts',
  beforeLoad: requirePermission('sheet.read'),
  component: lazyRouteComponent(() => import('../features/results/plan-drafts-page.js'), 'PlanDraftsPage'),
});

const plansRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plans-page.js'), 'PlansPage'),
});

const planNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans/new',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plan-form-pages.js'), 'PlanNewPage'),
});

const planRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans/$planId',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plan-page.js'), 'PlanPage'),
});

const planEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans/$planId/edit',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plan-form-pages.js'), 'PlanEditPage'),
});

const planVersionRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans/$planId/versions/$number',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plan-version-page.js'), 'PlanVersionPage'),
});

/** Which versions a comparison shows: `to` left out means the current draft. */
function planCompareSearch(search: Record<string, unknown>): { from?: number; to?: number } {
  const out: { from?: number; to?: number } = {};
  for (const key of ['from', 'to'] as const) {
    const value = Number(search[key]);
    if (Number.isInteger(value) && value > 0) out[key] = value;
  }
  return out;
}

const planCompareRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans/$planId/compare',
  validateSearch: planCompareSearch,
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plan-compare-page.js'), 'PlanComparePage'),
});

const planFollowupRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'plans/$planId/followups/$followupId',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/plans/plan-followup-page.js'), 'PlanFollowupPage'),
});

const templateEditorRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'sheets/$templateId/edit',
  validateSearch: (search: Record<string, unknown>): { version?: number } => {
    const version = Number(search.version);
    return Number.isInteger(version) && version > 0 ? { version } : {};
  },
  beforeLoad: requirePermission('sheet.manage'),
  component: lazyRouteComponent(() => import('../features/sheets/template-editor-page.js'), 'TemplateEditorPage'),
});

const membersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'members',
  beforeLoad: requirePermission('member.read'),
  component: lazyRouteComponent(() => import('../features/members/members-page.js'), 'MembersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'audit',
  beforeLoad: requirePermission('audit.read'),
  component: lazyRouteComponent(() => import('../features/audit/audit-page.js'), 'AuditPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'outbox',
  beforeLoad: requirePermission('outbox.read'),
  component: lazyRouteComponent(() => import('../features/outbox/outbox-page.js'), 'OutboxPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'settings',
  beforeLoad: requirePermission('org.update'),
  component: lazyRouteComponent(() => import('../features/orgs/org-settings-page.js'), 'OrgSettingsPage'),
});

const sceneGridRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'scene-grid',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/scene-grid/scene-grid-page.js'), 'SceneGridPage'),
});

const casesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'cases',
  validateSearch: keepCasesSearch,
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/cases/cases-page.js'), 'CasesPage'),
});

const caseStatsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'case-stats',
  validateSearch: (search: Record<string, unknown>): { fiscalYear?: number } => {
    const year = Number(search.fiscalYear);
    return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { fiscalYear: year } : {};
  },
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/case-stats/case-stats-page.js'), 'CaseStatsPage'),
});

const caseImportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'cases/import',
  beforeLoad: requirePermission('case.publish'),
  component: lazyRouteComponent(() => import('../features/case-import/case-import-page.js'), 'CaseImportPage'),
});

const caseNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'cases/new',
  beforeLoad: requirePermission('case.report'),
  component: lazyRouteComponent(() => import('../features/cases/case-form-page.js'), 'CaseNewPage'),
});

const caseRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'cases/$caseId',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/cases/case-detail-page.js'), 'CaseDetailPage'),
});

const casePresentationRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'cases/$caseId/presentation',
  beforeLoad: requirePermission('org.read'),
  component: lazyRouteComponent(() => import('../features/cases/case-presentation-page.js'), 'CasePresentationPage'),
});

const caseEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'cases/$caseId/edit',
  beforeLoad: requirePermission('case.report'),
  component: lazyRouteComponent(() => import('../features/cases/case-form-page.js'), 'CaseEditPage'),
});

const workshopsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'workshops',
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(() => import('../features/workshops/workshops-page.js'), 'WorkshopsPage'),
});

const workshopConsoleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'workshops/$workshopId',
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(() => import('../features/workshops/workshop-console-page.js'), 'WorkshopConsolePage'),
});

const workshopPresentRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'workshops/$workshopId/present',
  staticData: { fullScreen: true },
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(() => import('../features/workshops/workshop-present-page.js'), 'WorkshopPresentPage'),
});

const workshopSummaryRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'workshops/$workshopId/summary',
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(() => import('../features/workshops/workshop-summary-page.js'), 'WorkshopSummaryPage'),
});

const presentationEventNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'presentation-events/new',
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(
    () => import('../features/presentation-events/event-create-page.js'),
    'PresentationEventCreatePage',
  ),
});

const presentationEventConsoleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'presentation-events/$workshopId',
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(
    () => import('../features/presentation-events/event-console-page.js'),
    'PresentationEventConsolePage',
  ),
});

const presentationEventPresentRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'presentation-events/$workshopId/present',
  staticData: { fullScreen: true },
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(
    () => import('../features/presentation-events/event-present-page.js'),
    'PresentationEventPresentPage',
  ),
});

const presentationEventResultsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'presentation-events/$workshopId/results',
  beforeLoad: requirePermission('workshop.run'),
  component: lazyRouteComponent(
    () => import('../features/presentation-events/event-results-page.js'),
    'PresentationEventResultsPage',
  ),
});

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([
    loginRoute,
    forgotPasswordRoute,
    resetPasswordRoute,
    inviteRoute,
    publicCasesRoute,
    publicCaseRoute,
    workshopCodeRoute,
    workshopJoinRoute,
  ]),
  authedRoute.addChildren([
    homeRoute,
    profileRoute,
    careerRoute,
    careerSharedRoute,
    careerSharedMapRoute,
    platformOrgsRoute,
    facilitatedPlanRoute,
    facilitatedPlanVersionRoute,
    orgRoute.addChildren([
      orgOverviewRoute,
      departmentsRoute,
      roundsRoute,
      roundNewRoute,
      roundJoinRoute,
      roundRoute,
      answerRoute,
      resultsRoute,
      reportRoute,
      unitTrendRoute,
      planDraftsRoute,
      plansRoute,
      planNewRoute,
      planRoute,
      planEditRoute,
      planVersionRoute,
      planCompareRoute,
      planFollowupRoute,
      sceneGridRoute,
      casesRoute,
      caseStatsRoute,
      caseNewRoute,
      caseImportRoute,
      caseRoute,
      caseEditRoute,
      casePresentationRoute,
      sheetsRoute,
      sheetRoute,
      templateEditorRoute,
      membersRoute,
      auditRoute,
      outboxRoute,
      settingsRoute,
      workshopsRoute,
      workshopSummaryRoute,
      workshopConsoleRoute,
      workshopPresentRoute,
      presentationEventNewRoute,
      presentationEventConsoleRoute,
      presentationEventPresentRoute,
      presentationEventResultsRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: () => <Loading />,
  defaultErrorComponent: ErrorPage,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
