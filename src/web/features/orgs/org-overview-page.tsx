import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { OrgProfileList } from './org-profile-list.js';
import { orgQueryOptions } from './org-queries.js';
import { QuickLinks } from './quick-links.js';

export function OrgOverviewPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const membership = useMembership();
  const org = useQuery(orgQueryOptions(orgId));
  const name = org.data?.name ?? membership.orgName;
  const nameLang = useDataLang(name);

  return (
    <>
      <PageHeader
        title={name}
        titleLang={nameLang}
        lead={<Badge tone="info">{t(`orgKinds.${org.data?.kind ?? membership.orgKind}`)}</Badge>}
      />
      {org.isPending && <Loading />}
      {org.isError && <QueryError error={org.error} onRetry={() => void org.refetch()} />}
      {org.data && (
        <div className="overview-grid">
          <section className="panel" aria-labelledby="overview-counts">
            <h2 id="overview-counts" className="panel__title">
              {t('overview.counts')}
            </h2>
            <dl className="stats">
              <div className="stat">
                <dt>{t('overview.memberCount')}</dt>
                <dd>{t('common.people', { count: org.data.memberCount })}</dd>
              </div>
              <div className="stat">
                <dt>{t('overview.departmentCount')}</dt>
                <dd>{t('departments.count', { count: org.data.departmentCount })}</dd>
              </div>
            </dl>
          </section>
          <section className="panel" aria-labelledby="overview-you">
            <h2 id="overview-you" className="panel__title">
              {t('overview.you')}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t('overview.yourRole')}</dt>
                <dd>{t(`roles.${membership.role}`)}</dd>
              </div>
              <div>
                <dt>{t('overview.yourPosition')}</dt>
                <dd>{t(`positions.${membership.position}`)}</dd>
              </div>
              <div>
                <dt>{t('overview.yourDepartment')}</dt>
                <dd>
                  {membership.departmentName ? <DataText>{membership.departmentName}</DataText> : t('common.none')}
                </dd>
              </div>
            </dl>
          </section>
          <section className="panel overview-grid__wide" aria-labelledby="overview-profile">
            <h2 id="overview-profile" className="panel__title">
              {t('overview.profile')}
            </h2>
            <OrgProfileList org={org.data} />
          </section>
          <section className="panel overview-grid__wide" aria-labelledby="overview-links">
            <h2 id="overview-links" className="panel__title">
              {t('overview.quickLinks')}
            </h2>
            <QuickLinks orgId={orgId} membership={membership} />
          </section>
        </div>
      )}
    </>
  );
}
