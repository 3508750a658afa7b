import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSummary } from '../../../shared/orgs/schema.js';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { api } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { findMembership } from '../../lib/permissions.js';
import { prefectureName } from '../../lib/prefectures.js';
import { useLanguage } from '../../lib/problems.js';
import { useMe } from '../../lib/session.js';
import { RegisterOrgDialog } from './register-org-dialog.js';

export const platformOrgsQueryKey = ['platform', 'orgs'] as const;

export function PlatformOrgsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const [registering, setRegistering] = useState(false);
  const orgs = useQuery({ queryKey: platformOrgsQueryKey, queryFn: () => api.get<OrgSummary[]>('/api/platform/orgs') });

  const columns: Column<OrgSummary>[] = [
    {
      key: 'name',
      header: t('platform.name'),
      isRowHeader: true,
      render: (org) => (
        <>
          {/* Platform admins can open only the organisations they belong to. */}
          {findMembership(me, org.id) ? (
            <Link to="/orgs/$orgId" params={{ orgId: org.id }}>
              <DataText>{org.name}</DataText>
            </Link>
          ) : (
            <DataText>{org.name}</DataText>
          )}
          {org.isPlatform && (
            <>
              {' '}
              <Badge tone="info">{t('platform.platformBadge')}</Badge>
            </>
          )}
        </>
      ),
    },
    { key: 'kind', header: t('platform.kind'), render: (org) => t(`orgKinds.${org.kind}`) },
    { key: 'code', header: t('platform.lgCode'), render: (org) => org.lgCode ?? t('common.notSet') },
    {
      key: 'type',
      header: t('platform.type'),
      render: (org) =>
        [
          prefectureName(org.prefectureCode, language),
          org.municipalityType && t(`municipalityTypes.${org.municipalityType}`),
        ]
          .filter(Boolean)
          .join(' · ') || t('common.notSet'),
    },
    {
      key: 'members',
      header: t('platform.members'),
      align: 'end',
      render: (org) => formatNumber(org.memberCount, language),
    },
    {
      key: 'departments',
      header: t('platform.departments'),
      align: 'end',
      render: (org) => formatNumber(org.departmentCount, language),
    },
    { key: 'created', header: t('platform.created'), render: (org) => <DateText value={org.createdAt} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('platform.title')}
        lead={t('platform.lead')}
        actions={
          <Button variant="primary" onClick={() => setRegistering(true)}>
            {t('platform.registerTitle')}
          </Button>
        }
      />
      {orgs.isPending && <Loading />}
      {orgs.isError && <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.data?.length === 0 && <EmptyState>{t('platform.empty')}</EmptyState>}
      {orgs.data && orgs.data.length > 0 && (
        <section className="section" aria-labelledby="platform-orgs-list">
          <h2 id="platform-orgs-list" className="visually-hidden">
            {t('platform.title')}
          </h2>
          <p className="toolbar__summary">{t('platform.count', { count: orgs.data.length })}</p>
          <DataTable caption={t('platform.title')} rows={orgs.data} columns={columns} rowKey={(org) => org.id} />
        </section>
      )}
      {registering && <RegisterOrgDialog onClose={() => setRegistering(false)} />}
    </>
  );
}
