import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CasesSearch } from './case-search-params.js';

/** Previous and next pages of results as links, so each page has its own address. */
export function CasePagination({
  page,
  total,
  pageSize,
  search,
  from,
}: {
  /** The search page whose address the links keep, with the page changed. */
  from: '/orgs/$orgId/cases' | '/public/cases';
  page: number;
  total: number;
  pageSize: number;
  search: CasesSearch;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const to = (target: number) => ({ ...search, page: target > 1 ? target : undefined });
  return (
    <nav className="case-pages" aria-label={t('cases.search.pages')}>
      {page > 1 ? (
        <Link from={from} to="." search={to(page - 1)} className="button button--secondary" rel="prev">
          {t('cases.search.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="case-pages__current" aria-current="page">
        {t('cases.search.page', { page, pages })}
      </span>
      {page < pages ? (
        <Link from={from} to="." search={to(page + 1)} className="button button--secondary" rel="next">
          {t('cases.search.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
