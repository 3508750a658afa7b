import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMembership } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';

/** The way to the bulk import, for those who may publish cases (organisation administrators). */
export function CaseImportLink({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const membership = useMembership();
  if (!can(membership, 'case.publish')) return null;
  return (
    <p className="case-import-link">
      <Link to="/orgs/$orgId/cases/import" params={{ orgId }}>
        {t('caseImport.link')}
      </Link>
    </p>
  );
}
