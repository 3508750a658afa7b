import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { buildSceneGrid } from '../../../shared/cases/scene-grid.js';
import { PageHeader } from '../../components/page-header.js';
import { useCaseWords } from './case-labels.js';
import { PublicCaseLink } from './case-links.js';
import { publicCaseSearchQueryOptions } from './case-queries.js';
import { type CasesSearch, parseCasesSearch } from './case-search-params.js';
import { CaseSearchView } from './case-search-view.js';
import './cases.css';

/** Without an organisation, scenes read with the grid's own labels. */
export const defaultSceneGrid = buildSceneGrid([]);

/** What a reader without login may search by: no own/others, no status (every public case is published). */
export function parsePublicCasesSearch(search: Record<string, unknown>): CasesSearch {
  const { from: _from, status: _status, ...rest } = parseCasesSearch(search);
  return rest;
}

/** 公開されている改善事例: the case search for anyone, over the cases organisations made public. */
export function PublicCasesPage() {
  const { t } = useTranslation();
  const search = parsePublicCasesSearch(useSearch({ from: '/public/public/cases' }));
  const navigate = useNavigate({ from: '/public/cases' });
  const words = useCaseWords(defaultSceneGrid);
  const results = useQuery(publicCaseSearchQueryOptions(search));

  return (
    <div className="public-cases">
      <PageHeader
        title={t('cases.public.title')}
        lead={t('cases.public.lead')}
        actions={
          <Link to="/login" className="button button--secondary">
            {t('cases.public.login')}
          </Link>
        }
      />
      <CaseSearchView
        search={search}
        onNavigate={(next) => void navigate({ search: next })}
        results={results}
        words={words}
        from="/public/cases"
        CaseLink={PublicCaseLink}
        ownOrgId={null}
        none={t('cases.public.emptyNone')}
      />
    </div>
  );
}
