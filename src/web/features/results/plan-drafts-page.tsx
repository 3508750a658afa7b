import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { PlanDraftCard } from './plan-draft-card.js';
import { type PlanDraftMove, planDraftsQueryOptions } from './results-queries.js';
import './results.css';

interface DraftGroup {
  key: string;
  roundId: string | null;
  title: string | null;
  moves: PlanDraftMove[];
}

/** Moves grouped by the round they came from, in the order they were first carried. */
function groupByRound(moves: readonly PlanDraftMove[]): DraftGroup[] {
  const groups = new Map<string, DraftGroup>();
  for (const move of moves) {
    const key = move.roundId ?? `${move.sourceKind}:${move.roundTitle ?? ''}`;
    const group = groups.get(key) ?? { key, roundId: move.roundId, title: move.roundTitle, moves: [] };
    group.moves.push(move);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** My next moves carried out of results: notes on what I will do, kept until they become a plan. */
export function PlanDraftsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const drafts = useQuery(planDraftsQueryOptions(orgId));
  const groups = groupByRound(drafts.data ?? []);

  return (
    <>
      <PageHeader title={t('results.draftsTitle')} lead={t('results.draftsLead')} />
      {drafts.isPending && <Loading />}
      {drafts.isError && <QueryError error={drafts.error} onRetry={() => void drafts.refetch()} />}
      {drafts.isSuccess && groups.length === 0 && (
        <EmptyState
          action={
            <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
              {t('results.draftsToRounds')}
            </Link>
          }
        >
          {t('results.draftsEmpty')}
        </EmptyState>
      )}
      {groups.map((group, g) => (
        <section key={group.key} className="section plan-drafts" aria-labelledby={`drafts-${g}`}>
          <h2 id={`drafts-${g}`} className="section__title">
            {group.title ? <DataText>{group.title}</DataText> : t('results.draftsFromWorkshop')}
          </h2>
          {group.roundId && (
            <p className="plan-drafts__source">
              <Link to="/orgs/$orgId/rounds/$roundId/results" params={{ orgId, roundId: group.roundId }}>
                {t('results.draftsOpenResults')}
              </Link>
            </p>
          )}
          <ul className="plan-drafts__list">
            {group.moves.map((move) => (
              <PlanDraftCard key={move.id} orgId={orgId} move={move} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
