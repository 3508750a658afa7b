import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RoundSummary } from '../../../shared/sheets/round-schema.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useLanguage } from '../../lib/problems.js';
import { localizedTitle } from '../sheets/sheet-labels.js';
import { AnswerLink, MyStatusBadge, ResultsLink, RoundPeriod, RoundStatusBadge } from './round-parts.js';
import { roundsQueryOptions } from './round-queries.js';
import './rounds.css';

/** Rounds I can answer first; people who manage sheets also see every round with its counts. */
export function RoundsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const canManage = can(useMembership(), 'sheet.manage');
  const rounds = useQuery(roundsQueryOptions(orgId));
  const list = rounds.data ?? [];
  const mine = list.filter((round) => round.myStatus !== 'not_eligible');
  const current = mine.filter((round) => round.status !== 'closed');
  const past = mine.filter((round) => round.status === 'closed');

  return (
    <>
      <PageHeader
        title={t('rounds.title')}
        lead={t('rounds.list.lead')}
        actions={
          canManage && (
            <Link to="/orgs/$orgId/rounds/new" params={{ orgId }} className="button button--primary">
              {t('rounds.list.new')}
            </Link>
          )
        }
      />
      {rounds.isPending && <Loading />}
      {rounds.isError && <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.isSuccess && (
        <div className="stack">
          <section aria-labelledby="rounds-current">
            <h2 id="rounds-current" className="section__title">
              {t('rounds.list.currentTitle')}
            </h2>
            {current.length === 0 ? (
              <EmptyState>{t('rounds.list.currentEmpty')}</EmptyState>
            ) : (
              <RoundCards orgId={orgId} rounds={current} />
            )}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="rounds-past">
              <h2 id="rounds-past" className="section__title">
                {t('rounds.list.pastTitle')}
              </h2>
              <RoundCards orgId={orgId} rounds={past} />
            </section>
          )}
          {canManage && <AllRounds orgId={orgId} rounds={list} />}
        </div>
      )}
    </>
  );
}

function RoundCards({ orgId, rounds }: { orgId: string; rounds: RoundSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="round-cards">
      {rounds.map((round) => (
        <li key={round.id} className="round-card">
          <h3 className="round-card__title">
            <Link to="/orgs/$orgId/rounds/$roundId" params={{ orgId, roundId: round.id }}>
              <DataText>{round.title}</DataText>
            </Link>
          </h3>
          <p className="round-card__badges">
            <RoundStatusBadge status={round.status} />
            <span>
              <span className="visually-hidden">{t('rounds.fields.myStatus')}: </span>
              <MyStatusBadge status={round.myStatus} closed={round.status === 'closed'} />
            </span>
          </p>
          <dl className="round-card__meta">
            <div>
              <dt>{t('rounds.fields.sheet')}</dt>
              <dd>
                <DataText>{localizedTitle(round.templateTitle, language)}</DataText>
              </dd>
            </div>
            <div>
              <dt>{t('rounds.fields.period')}</dt>
              <dd>
                <RoundPeriod round={round} />
              </dd>
            </div>
          </dl>
          {round.status === 'scheduled' && (
            <p className="round-card__note">
              {t('rounds.list.opensLater')}
              <DateText value={round.opensOn} />
            </p>
          )}
          <p className="button-row round-card__actions">
            <AnswerLink orgId={orgId} round={round} />
            <ResultsLink orgId={orgId} round={round} />
          </p>
        </li>
      ))}
    </ul>
  );
}

function AllRounds({ orgId, rounds }: { orgId: string; rounds: RoundSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: Column<RoundSummary>[] = [
    {
      key: 'title',
      header: t('rounds.fields.title'),
      isRowHeader: true,
      render: (round) => (
        <>
          <Link to="/orgs/$orgId/rounds/$roundId" params={{ orgId, roundId: round.id }}>
            <DataText>{round.title}</DataText>
          </Link>
          <span className="cell-sub">
            <DataText>{localizedTitle(round.templateTitle, language)}</DataText>{' '}
            {t('rounds.versionNumber', { version: round.version })}
          </span>
        </>
      ),
    },
    { key: 'status', header: t('rounds.fields.status'), render: (round) => <RoundStatusBadge status={round.status} /> },
    { key: 'scope', header: t('rounds.fields.scope'), render: (round) => t(`rounds.scopeKinds.${round.scopeKind}`) },
    { key: 'period', header: t('rounds.fields.period'), render: (round) => <RoundPeriod round={round} /> },
    {
      key: 'responses',
      header: t('rounds.fields.responses'),
      align: 'end',
      render: (round) => t('rounds.responseCount', { count: round.responseCount }),
    },
  ];
  return (
    <section aria-labelledby="rounds-all">
      <h2 id="rounds-all" className="section__title">
        {t('rounds.list.allTitle')}
      </h2>
      {rounds.length === 0 ? (
        <EmptyState>{t('rounds.list.allEmpty')}</EmptyState>
      ) : (
        <DataTable caption={t('rounds.list.allTitle')} rows={rounds} columns={columns} rowKey={(round) => round.id} />
      )}
    </section>
  );
}
