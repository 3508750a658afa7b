import type { UseQueryResult } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSorts } from '../../../shared/cases/case-schema.js';
import { Button } from '../../components/button.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { CaseFacets } from './case-facets.js';
import { CaseHitCard } from './case-hit-card.js';
import type { useCaseWords } from './case-labels.js';
import type { CaseLinkComponent } from './case-links.js';
import { CasePagination } from './case-pagination.js';
import { type CaseSearchResult, casePageSize } from './case-queries.js';
import { type CaseFilterKey, type CasesSearch, caseFilterKeys } from './case-search-params.js';
import { CasesEmpty } from './cases-empty.js';
import './cases.css';

const froms = ['all', 'own', 'others'] as const;

interface CaseSearchViewProps {
  search: CasesSearch;
  /** Goes to the search with these values changed (the caller's address). */
  onNavigate: (search: CasesSearch) => void;
  results: UseQueryResult<CaseSearchResult>;
  words: ReturnType<typeof useCaseWords>;
  /** The search page whose address paging links keep. */
  from: '/orgs/$orgId/cases' | '/public/cases';
  CaseLink: CaseLinkComponent;
  /** The reader's organisation; null without login, where there is no own/others choice and no status. */
  ownOrgId: string | null;
  /** What the empty state says when there are no cases at all, and its action. */
  none: string;
  noneAction?: ReactNode;
  /** Shown under the results when there are any (the member's downloads). */
  footer?: ReactNode;
}

/**
 * The search over cases, for whoever reads them: the query box, own/others and sort, the facets
 * beside the results, the highlighted hits and their pages. Where the results come from and where
 * a hit leads are the caller's.
 */
export function CaseSearchView({
  search,
  onNavigate,
  results,
  words,
  from,
  CaseLink,
  ownOrgId,
  none,
  noneAction,
  footer,
}: CaseSearchViewProps) {
  const { t } = useTranslation();
  const resultsId = useId();
  const member = ownOrgId !== null;

  /** Every change of the search starts again at its first page. */
  const update = (patch: Partial<CasesSearch>) => onNavigate(clean({ ...search, ...patch, page: undefined }));
  const setFilter = (key: CaseFilterKey, value: string | undefined) =>
    update({ [key]: key === 'fiscalYear' && value ? Number(value) : value });
  const clearFilters = () => update(Object.fromEntries(caseFilterKeys.map((key) => [key, undefined])));
  const page = search.page ?? 1;
  const total = results.data?.total ?? 0;
  const estimate = results.data?.estimate ?? null;
  /** What the pages run through: a ranked sample is as far as relevance and effect orders go. */
  const pageable = estimate?.sampled ?? total;

  return (
    <>
      <SearchForm key={search.q ?? ''} initial={search.q ?? ''} onSearch={(q) => update({ q: q || undefined })} />
      <div className="case-search__controls">
        {member && (
          <fieldset className="case-from">
            <legend className="field__label">{t('cases.search.from')}</legend>
            <div className="case-from__options">
              {froms.map((value) => (
                <label key={value} className="case-from__option">
                  <input
                    type="radio"
                    name="from"
                    value={value}
                    checked={(search.from ?? 'all') === value}
                    onChange={() => update({ from: value === 'all' ? undefined : value })}
                  />
                  <span>{t(`cases.search.froms.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
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
            approximate={estimate?.facets ?? false}
            search={search}
            words={words}
            onChange={setFilter}
            onClear={clearFilters}
            withStatus={member}
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
                {t(estimate?.total ? 'cases.search.totalApprox' : 'cases.search.total', { count: total })}
                {pageable > casePageSize &&
                  ` ${t('cases.search.showing', {
                    from: (page - 1) * casePageSize + 1,
                    to: Math.min(page * casePageSize, pageable),
                  })}`}
              </p>
              {estimate && (
                <p className="case-search__estimate">
                  {t('cases.search.estimateNote')}
                  {estimate.sampled !== null && ` ${t('cases.search.sampledNote', { count: estimate.sampled })}`}
                </p>
              )}
              {results.data.hits.length === 0 ? (
                <CasesEmpty search={search} terms={results.data.terms} none={none} noneAction={noneAction} />
              ) : (
                <ol className="case-list">
                  {results.data.hits.map((hit) => (
                    <li key={hit.id}>
                      <CaseHitCard ownOrgId={ownOrgId} hit={hit} words={words} CaseLink={CaseLink} />
                    </li>
                  ))}
                </ol>
              )}
              <CasePagination from={from} page={page} total={pageable} pageSize={casePageSize} search={search} />
              {total > 0 && footer}
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
