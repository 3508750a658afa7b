import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { similarCasesQueryOptions } from './case-queries.js';

/** 似ている事例: up to five cases that share this one's words; nothing at all when there are none. */
export function SimilarCases({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useTranslation();
  const similar = useQuery(similarCasesQueryOptions(orgId, caseId));
  const hits = similar.data?.hits ?? [];
  // A failure or an empty answer hides the section: it is a hint, not part of the case.
  if (hits.length === 0) return null;
  return (
    <section className="section case-section case-similar case-print-hide" aria-labelledby="case-similar">
      <h2 id="case-similar" className="section__title">
        {t('cases.similar.title')}
      </h2>
      <p className="case-note">{t('cases.similar.lead')}</p>
      <ul className="case-links case-links--list">
        {hits.map((hit) => (
          <li key={hit.id}>
            <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId: hit.id }}>
              <DataText>{hit.title}</DataText>
            </Link>{' '}
            <span className="case-links__org">
              <DataText>{hit.orgName}</DataText>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
