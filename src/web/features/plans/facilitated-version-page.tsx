import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { useDataLang } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { PlanContentView } from './plan-content-view.js';
import { facilitatedVersionQueryOptions } from './plan-queries.js';
import { VersionFacts } from './plan-version-page.js';
import './plans.css';

/** A frozen version of a plan shared with me as its facilitator: read-only, printable on A4. */
export function FacilitatedPlanVersionPage() {
  const { t } = useTranslation();
  const params = useParams({ from: '/authed/facilitated-plans/$planId/versions/$number' });
  const { planId } = params;
  const number = Number(params.number);
  const version = useQuery({ ...facilitatedVersionQueryOptions(planId, number), enabled: number > 0 });
  const titleLang = useDataLang(version.data?.content.title);
  return (
    <article className="plan-print">
      <p className="back-link">
        <Link to="/facilitated-plans/$planId" params={{ planId }}>
          {t('plans.backToPlan')}
        </Link>
      </p>
      {version.isPending && <Loading />}
      {version.error && <QueryError error={version.error} onRetry={() => void version.refetch()} />}
      {version.data && (
        <>
          <PageHeader
            title={version.data.content.title}
            titleLang={titleLang}
            lead={t('plans.versions.heading', {
              number: version.data.number,
              kind: t(`plans.versionKind.${version.data.kind}`),
            })}
            actions={<Button onClick={() => window.print()}>{t('plans.versions.print')}</Button>}
          />
          <VersionFacts version={version.data} />
          <PlanContentView content={version.data.content} orgId={null} />
        </>
      )}
    </article>
  );
}
