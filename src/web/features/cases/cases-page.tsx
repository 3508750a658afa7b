import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSorts } from '../../../shared/cases/case-schema.js';
import { Button } from '../../components/button.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useLanguage } from '../../lib/problems.js';
import { CaseImportLink } from '../case-import/case-import-link.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { CaseFacets } from './case-facets.js';
import { CaseHitCard } from './case-hit-card.js';
import { useCaseWords } from './case-labels.js';
import { CasePagination } from './case-pagination.js';
import { caseExportUrl, casePageSize, caseSearchQueryOptions } from './case-queries.js';
import { type CaseFilterKey, type CasesSearch, caseFilterKeys, parseCasesSearch } from './case-search-params.js';
import { CasesEmpty } from './cases-empty.js';
import './cases.css';

const froms = ['all', 'own', 'others'] as const;

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
  const resultsId = useId();

  /** Every change of the search starts again at its first page. */
  const update = (patch: Partial<CasesSearch>) =>
    void navigate({ search: clean({ ...search, ...patch, page: undefined }) });
  const setFilter = (key: CaseFilterKey, value: string | undefined) =>
    update({ [key]: key === 'fiscalYear' && value ? Number(value) : value });
  const clearFilters = () => update(Object.fromEntries(caseFilterKeys.map((key) => [key, undefined])));
  const page = search.page ?? 1;
  const total = results.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        lead={t('cases.search.lead')}
        actions={
          <Link to="/orgs/$orgId/cases/new" params={{ orgId }} className="button button--primary">
            {t('cases.report')}
          </Link>
        }
      />
      <CaseImportLink orgId={orgId} />
      <SearchForm key={search.q ?? ''} initial={search.q ?? ''} onSearch={(q) => update({ q: q || undefined })} />
      <div className="case-search__controls">
        <fieldset className="case-from">
          <legend className="field__label">{t('cases.search.from')}</legend>
          <div className="case-from__options">
            {froms.map((from) => (
              <label key={from} className="case-from__option">
                <input
                  type="radio"
                  name="from"
                  value={from}
                  checked={(search.from ?? 'all') === from}
                  onChange={() => update({ from: from === 'all' ? undefined : from })}
                />
                <span>{t(`cases.search.froms.${from}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('cases.search.sort')}
          name="sort"
          fieldClassName="case-search__sort"
          value={search.sort ?? 'relevance'}
          onChange={(event) =>
            update({
              sort: event.target.value === 'relevance' ? undefined : (event.target.value as CasesSearch['sort']),
            })
          }
        >
          {caseSorts.map((sort) => (
            <option key={sort} value={sort}>
              {t(`cases.search.sorts.${sort}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <div className="case-search">
        <details className="case-search__filters" open={wideScreen()}>
          <summary>{t('cases.search.filtersShow')}</summary>
          <CaseFacets
            facets={results.data?.facets}
            search={search}
            words={words}
            onChange={setFilter}
            onClear={clearFilters}
          />
        </details>
        <section className="case-search__results" aria-labelledby={resultsId} aria-busy={results.isFetching}>
          <h2 id={resultsId} className="visually-hidden">
            {t('cases.search.results')}
          </h2>
          {results.isPending && <Loading />}
          {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
          {results.data && (
            <>
              <p className="toolbar__summary" role="status">
                {t('cases.search.total', { count: total })}
                {total > casePageSize &&
                  ` ${t('cases.search.showing', {
                    from: (page - 1) * casePageSize + 1,
                    to: Math.min(page * casePageSize, total),
                  })}`}
              </p>
              {results.data.hits.length === 0 ? (
                <CasesEmpty orgId={orgId} search={search} terms={results.data.terms} />
              ) : (
                <ol className="case-list">
                  {results.data.hits.map((hit) => (
                    <li key={hit.id}>
                      <CaseHitCard orgId={orgId} hit={hit} words={words} />
                    </li>
                  ))}
                </ol>
              )}
              <CasePagination page={page} total={total} pageSize={casePageSize} search={search} />
              {total > 0 && (
                <p className="case-search__downloads">
                  {t('cases.search.download', { count: Math.min(total, 10_000) })}{' '}
                  <a href={caseExportUrl(orgId, search, 'csv', language)} download>
                    {t('cases.search.downloadCsv')}
                  </a>{' '}
                  <a href={caseExportUrl(orgId, search, 'xlsx', language)} download>
                    {t('cases.search.downloadXlsx')}
                  </a>
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial);
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(q.trim());
  };
  return (
    <search>
      <form className="case-search__form" aria-label={t('cases.search.form')} onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {t('cases.search.q')}
          </label>
          <p className="field__hint" id={`${inputId}-hint`}>
            {t('cases.search.qHint')}
          </p>
          <div className="case-search__box">
            <input
              id={inputId}
              className="input"
              type="search"
              name="q"
              maxLength={200}
              value={q}
              aria-describedby={`${inputId}-hint`}
              onChange={(event) => setQ(event.target.value)}
            />
            <Button type="submit" variant="primary">
              {t('cases.search.submit')}
            </Button>
          </div>
        </div>
      </form>
    </search>
  );
}

/** On wide screens the filters start open beside the results; on phones they fold above them. */
function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(min-width: 769px)').matches;
}

/** Drops empty values so the address carries only what was chosen. */
function clean(search: CasesSearch): CasesSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, value]) => value !== undefined && value !== ''),
  ) as CasesSearch;
}
