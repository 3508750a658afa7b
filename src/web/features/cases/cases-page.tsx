import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.js';
import { useOrgId } from '../../lib/org-context.js';
import { useLanguage } from '../../lib/problems.js';
import { CaseImportLink } from '../case-import/case-import-link.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { useCaseWords } from './case-labels.js';
import { MemberCaseLink } from './case-links.js';
import { caseExportUrl, caseSearchQueryOptions } from './case-queries.js';
import { parseCasesSearch } from './case-search-params.js';
import { CaseSearchView } from './case-search-view.js';

/** 事例を探す: full-text search over every case the person may see, with facets, sorting and pages. */
export function CasesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const orgId = useOrgId();
  const search = parseCasesSearch(useSearch({ from: '/authed/orgs/$orgId/cases' }));
  const navigate = useNavigate({ from: '/orgs/$orgId/cases' });
  const grid = useSceneGrid(orgId);
  const words = useCaseWords(grid.data);
  const results = useQuery(caseSearchQueryOptions(orgId, search));
  const total = results.data?.total ?? 0;
  const report = (
    <Link to="/orgs/$orgId/cases/new" params={{ orgId }} className="button button--primary">
      {t('cases.report')}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('cases.title')} lead={t('cases.search.lead')} actions={report} />
      <CaseImportLink orgId={orgId} />
      <CaseSearchView
        search={search}
        onNavigate={(next) => void navigate({ search: next })}
        results={results}
        words={words}
        from="/orgs/$orgId/cases"
        CaseLink={MemberCaseLink}
        ownOrgId={orgId}
        none={t('cases.search.emptyNone')}
        noneAction={report}
        footer={
          <p className="case-search__downloads">
            {t('cases.search.download', { count: Math.min(total, 10_000) })}{' '}
            <a href={caseExportUrl(orgId, search, 'csv', language)} download>
              {t('cases.search.downloadCsv')}
            </a>{' '}
            <a href={caseExportUrl(orgId, search, 'xlsx', language)} download>
              {t('cases.search.downloadXlsx')}
            </a>
          </p>
        }
      />
    </>
  );
}
