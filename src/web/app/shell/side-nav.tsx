import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { can, findMembership } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { orgSections, sectionOfPath } from './nav-items.js';

/** The menu, built from what the person may do in the current organisation. */
export function SideNavLinks({ orgId }: { orgId: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const membership = orgId ? findMembership(me, orgId) : undefined;
  const sections = orgSections.filter((section) => can(membership, section.permission));
  const { pathname } = useLocation();
  const current = sectionOfPath(pathname)?.key;

  return (
    <>
      {membership && orgId && (
        <>
          <p className="side-nav__heading">
            <DataText>{membership.orgName}</DataText>
          </p>
          <ul className="side-nav__list">
            {sections.map((section) => (
              <li key={section.key}>
                <Link
                  to={section.to}
                  params={{ orgId }}
                  className="side-nav__link"
                  activeOptions={{ exact: section.key === 'home', includeSearch: false }}
                  // Pages that belong to a section under another path (e.g. presentation events
                  // under workshops) mark it too.
                  {...(current === section.key && section.key !== 'home' ? { 'aria-current': 'page' as const } : {})}
                >
                  {t(section.label)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {/* The person's own records, whichever organisation is open. */}
      <p className="side-nav__heading">{t('nav.personalSection')}</p>
      <ul className="side-nav__list">
        <li>
          <Link to="/career" className="side-nav__link" activeOptions={{ exact: true }}>
            {t('nav.career')}
          </Link>
        </li>
        {me.memberships.some((m) => m.role === 'facilitator') && (
          <li>
            <Link to="/career/shared" className="side-nav__link">
              {t('nav.careerShared')}
            </Link>
          </li>
        )}
      </ul>
      {me.isPlatformAdmin && (
        <>
          <p className="side-nav__heading">{t('nav.platformSection')}</p>
          <ul className="side-nav__list">
            <li>
              <Link to="/platform/orgs" className="side-nav__link">
                {t('nav.platformOrgs')}
              </Link>
            </li>
          </ul>
        </>
      )}
    </>
  );
}
