import { useLocation, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { can, findMembership } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { sectionOfPath } from './nav-items.js';

/** Chooses the organisation to work in; the current section stays open when the other org allows it. */
export function OrgSwitcher({ currentOrgId }: { currentOrgId: string | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();

  if (me.memberships.length < 2) {
    const only = me.memberships[0];
    return only ? (
      <span className="org-name">
        <DataText>{only.orgName}</DataText>
      </span>
    ) : null;
  }

  const switchTo = (orgId: string) => {
    const target = findMembership(me, orgId);
    const section = sectionOfPath(location.pathname);
    if (section && can(target, section.permission)) {
      void navigate({ to: section.to, params: { orgId } });
    } else {
      void navigate({ to: '/orgs/$orgId', params: { orgId } });
    }
  };

  return (
    <div className="org-switcher">
      <label htmlFor={id} className="org-switcher__label">
        {t('header.org')}
      </label>
      <select
        id={id}
        className="select select--compact"
        value={currentOrgId ?? ''}
        onChange={(event) => switchTo(event.target.value)}
      >
        {currentOrgId === null && <option value="">—</option>}
        {me.memberships.map((membership) => (
          <option key={membership.orgId} value={membership.orgId}>
            {t('header.orgOption', { org: membership.orgName, role: t(`roles.${membership.role}`) })}
          </option>
        ))}
      </select>
    </div>
  );
}
