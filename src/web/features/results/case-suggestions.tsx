import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { formatNumber } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import { selectedGroupName } from './group-label.js';
import {
  caseSuggestionsQueryOptions,
  type RoundResults,
  type CaseSuggestions as Suggestions,
} from './results-queries.js';

interface CaseSuggestionsProps {
  orgId: string;
  roundId: string;
  results: RoundResults;
}

/**
 * 弱い項目に効きそうな事例: for the 3 items where the group (or, when it is withheld, the reader)
 * stands lowest, up to 3 published cases found by the item's words, from any organisation the
 * reader may see. Uses the page's department and position filter.
 */
export function CaseSuggestions({ orgId, roundId, results }: CaseSuggestionsProps) {
  const { t } = useTranslation();
  const { departmentId, position } = results.filter;
  const suggestions = useQuery(
    caseSuggestionsQueryOptions(orgId, roundId, {
      departmentId: departmentId ?? undefined,
      position: position ?? undefined,
    }),
  );
  const data = suggestions.data;
  return (
    <section className="panel results-section case-suggestions" aria-labelledby="results-case-suggestions">
      <h2 id="results-case-suggestions" className="panel__title">
        {t('results.suggestionsTitle')}
      </h2>
      {suggestions.isPending && <Loading minHeight={48} />}
      {/* A hint beside the results: when it fails, say so briefly rather than block the page. */}
      {suggestions.isError && <p className="muted">{t('results.suggestionsFailed')}</p>}
      {data && <SuggestionList orgId={orgId} data={data} groupName={selectedGroupName(t, results)} />}
    </section>
  );
}

function SuggestionList({ orgId, data, groupName }: { orgId: string; data: Suggestions; groupName: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (data.basis === null || data.items.length === 0) {
    return (
      <p className="muted">
        {data.reason === 'round_open' ? t('results.suggestionsNoneOpen') : t('results.suggestionsNone')}
      </p>
    );
  }
  const lead =
    data.basis === 'mine'
      ? t('results.suggestionsLeadMine')
      : groupName
        ? t('results.suggestionsLeadOf', { name: groupName })
        : t('results.suggestionsLead');
  return (
    <>
      <p>{lead}</p>
      <ol className="case-suggestions__items">
        {data.items.map((item) => (
          <li key={item.key} className="case-suggestions__item">
            <h3 className="case-suggestions__title">
              <DataText>{item.title}</DataText>
            </h3>
            <p className="cell-sub">
              {t(data.basis === 'mine' ? 'results.suggestionsLevelMine' : 'results.suggestionsLevel', {
                level: formatNumber(item.level, language),
                count: item.levelCount,
              })}
            </p>
            {item.cases.length === 0 ? (
              <p className="muted">{t('results.suggestionsNoCases')}</p>
            ) : (
              <ul className="case-suggestions__cases">
                {item.cases.map((hit) => (
                  <li key={hit.id}>
                    <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId: hit.id }}>
                      <DataText>{hit.title}</DataText>
                    </Link>{' '}
                    <span className="cell-sub">
                      <DataText>{hit.orgName}</DataText>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
