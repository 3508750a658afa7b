import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.js';
import { type CasesSearch, caseFilterKeys } from './case-search-params.js';

/** When nothing matches: the words the search used, and what to try next. */
export function CasesEmpty({
  search,
  terms,
  none,
  noneAction,
}: {
  search: CasesSearch;
  terms: string[];
  /** What to say when there are no cases at all, and what the reader can do about it. */
  none: string;
  noneAction?: ReactNode;
}) {
  const { t } = useTranslation();
  const filtered = caseFilterKeys.some((key) => search[key] !== undefined) || (search.from ?? 'all') !== 'all';
  if (!search.q && !filtered) {
    return <EmptyState action={noneAction}>{none}</EmptyState>;
  }
  return (
    <div className="empty-state case-empty">
      <p className="case-empty__title">{t('cases.search.emptyTitle')}</p>
      {terms.length > 0 && (
        <p>
          {t('cases.search.emptyTerms')}{' '}
          {terms.map((term) => (
            <span key={term} className="case-chip">
              {term}
            </span>
          ))}
        </p>
      )}
      <ul className="case-empty__advice">
        {search.q && <li>{t('cases.search.emptyAdvice.shorter')}</li>}
        {terms.length > 1 && <li>{t('cases.search.emptyAdvice.fewer')}</li>}
        {filtered && <li>{t('cases.search.emptyAdvice.filters')}</li>}
      </ul>
    </div>
  );
}
