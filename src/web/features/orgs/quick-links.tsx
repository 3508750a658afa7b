import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MembershipSummary } from '../../../shared/auth/schema.js';
import { can } from '../../lib/permissions.js';

/** Shortcuts to what this person may do here; links they could not use are left out. */
export function QuickLinks({ orgId, membership }: { orgId: string; membership: MembershipSummary }) {
  const { t } = useTranslation();
  return (
    <ul className="quick-links">
      {can(membership, 'department.read') && (
        <li>
          <Link to="/orgs/$orgId/departments" params={{ orgId }} className="quick-link">
            <span className="quick-link__title">{t('nav.departments')}</span>
            <span className="quick-link__text">{t('overview.linkDepartments')}</span>
          </Link>
        </li>
      )}
      {can(membership, 'member.read') && (
        <li>
          <Link to="/orgs/$orgId/members" params={{ orgId }} className="quick-link">
            <span className="quick-link__title">{t('nav.members')}</span>
            <span className="quick-link__text">{t('overview.linkMembers')}</span>
          </Link>
        </li>
      )}
      {can(membership, 'audit.read') && (
        <li>
          <Link to="/orgs/$orgId/audit" params={{ orgId }} className="quick-link">
            <span className="quick-link__title">{t('nav.audit')}</span>
            <span className="quick-link__text">{t('overview.linkAudit')}</span>
          </Link>
        </li>
      )}
      {can(membership, 'outbox.read') && (
        <li>
          <Link to="/orgs/$orgId/outbox" params={{ orgId }} className="quick-link">
            <span className="quick-link__title">{t('nav.outbox')}</span>
            <span className="quick-link__text">{t('overview.linkOutbox')}</span>
          </Link>
        </li>
      )}
      {can(membership, 'org.update') && (
        <li>
          <Link to="/orgs/$orgId/settings" params={{ orgId }} className="quick-link">
            <span className="quick-link__title">{t('nav.settings')}</span>
            <span className="quick-link__text">{t('overview.linkSettings')}</span>
          </Link>
        </li>
      )}
      <li>
        <Link to="/profile" className="quick-link">
          <span className="quick-link__title">{t('header.profile')}</span>
          <span className="quick-link__text">{t('overview.linkProfile')}</span>
        </Link>
      </li>
    </ul>
  );
}
