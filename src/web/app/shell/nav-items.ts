import type { Permission } from '../../../shared/auth/permissions.js';

/** The sections of an organisation, in menu order, each with the permission that reveals it. */
export const orgSections = [
  { key: 'home', to: '/orgs/$orgId', permission: 'org.read', label: 'nav.home' },
  { key: 'departments', to: '/orgs/$orgId/departments', permission: 'department.read', label: 'nav.departments' },
  { key: 'rounds', to: '/orgs/$orgId/rounds', permission: 'sheet.read', label: 'nav.rounds' },
  { key: 'sheets', to: '/orgs/$orgId/sheets', permission: 'sheet.read', label: 'nav.sheets' },
  { key: 'plans', to: '/orgs/$orgId/plans', permission: 'org.read', label: 'nav.plans' },
  { key: 'plan-drafts', to: '/orgs/$orgId/plan-drafts', permission: 'sheet.read', label: 'nav.planDrafts' },
  { key: 'cases', to: '/orgs/$orgId/cases', permission: 'org.read', label: 'nav.cases' },
  { key: 'case-stats', to: '/orgs/$orgId/case-stats', permission: 'org.read', label: 'nav.caseStats' },
  { key: 'scene-grid', to: '/orgs/$orgId/scene-grid', permission: 'org.read', label: 'nav.sceneGrid' },
  {
    key: 'workshops',
    to: '/orgs/$orgId/workshops',
    permission: 'workshop.run',
    label: 'nav.workshops',
    // Presentation events are opened and listed there too.
    also: ['presentation-events'],
  },
  { key: 'members', to: '/orgs/$orgId/members', permission: 'member.read', label: 'nav.members' },
  { key: 'audit', to: '/orgs/$orgId/audit', permission: 'audit.read', label: 'nav.audit' },
  { key: 'outbox', to: '/orgs/$orgId/outbox', permission: 'outbox.read', label: 'nav.outbox' },
  { key: 'settings', to: '/orgs/$orgId/settings', permission: 'org.update', label: 'nav.settings' },
] as const satisfies readonly {
  key: string;
  to: string;
  permission: Permission;
  label: `nav.${string}`;
  /** Other first path segments whose pages belong to this section. */
  also?: readonly string[];
}[];

export type OrgSection = (typeof orgSections)[number];

/** Which section a path shows, so switching organisation can stay on it. */
export function sectionOfPath(pathname: string): OrgSection | undefined {
  const match = /^\/orgs\/[^/]+(?:\/([^/]+))?/.exec(pathname);
  if (!match) return undefined;
  const key = match[1] ?? 'home';
  return orgSections.find(
    (section) => section.key === key || ('also' in section && (section.also as readonly string[]).includes(key)),
  );
}
