import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MyRoundStatus, RoundStatus, RoundSummary } from '../../../shared/sheets/round-schema.js';
import { Badge, type BadgeTone } from '../../components/badge.js';
import { DateText } from '../../components/date-text.js';

const statusTones: Record<RoundStatus, BadgeTone> = { scheduled: 'info', open: 'success', closed: 'neutral' };
const myStatusTones: Record<MyRoundStatus, BadgeTone> = {
  not_eligible: 'neutral',
  not_started: 'warning',
  draft: 'info',
  submitted: 'success',
};

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`rounds.status.${status}`)}</Badge>;
}

/** Where I stand in a round; after close, a response never started reads as none rather than still to do. */
export function MyStatusBadge({ status, closed = false }: { status: MyRoundStatus; closed?: boolean }) {
  const { t } = useTranslation();
  if (closed && status === 'not_started') return <Badge tone="neutral">{t('rounds.notAnswered')}</Badge>;
  return <Badge tone={myStatusTones[status]}>{t(`rounds.myStatus.${status}`)}</Badge>;
}

/** Open and close days with their era; a round closed early also says when. */
export function RoundPeriod({ round }: { round: Pick<RoundSummary, 'opensOn' | 'closesOn' | 'closedAt'> }) {
  const { t } = useTranslation();
  return (
    <span className="round-period">
      <DateText value={round.opensOn} />
      <span className="round-period__to">{t('rounds.periodTo')}</span>
      <DateText value={round.closesOn} />
      {round.closedAt && (
        <span className="round-period__closed">
          {t('rounds.closedEarlyOn')}
          <DateText value={round.closedAt} withTime />
        </span>
      )}
    </span>
  );
}

/** 回答する / 回答を続ける / 回答を見直す, by where the person stands; nothing before the round opens. */
export function AnswerLink({
  orgId,
  round,
  primary = true,
}: {
  orgId: string;
  round: RoundSummary;
  primary?: boolean;
}) {
  const { t } = useTranslation();
  if (round.myStatus === 'not_eligible' || round.status === 'scheduled') return null;
  if (round.status === 'closed' && round.myStatus === 'not_started') return null;
  const label =
    round.status === 'closed'
      ? t('rounds.actions.view')
      : round.myStatus === 'submitted'
        ? t('rounds.actions.review')
        : round.myStatus === 'draft'
          ? t('rounds.actions.continue')
          : t('rounds.actions.answer');
  return (
    <Link
      to="/orgs/$orgId/rounds/$roundId/answer"
      params={{ orgId, roundId: round.id }}
      className={`button ${primary ? 'button--primary' : 'button--secondary'} button--sm`}
      aria-label={t('rounds.actions.withTitle', { action: label, title: round.title })}
    >
      {label}
    </Link>
  );
}

export function ResultsLink({ orgId, round }: { orgId: string; round: RoundSummary }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/orgs/$orgId/rounds/$roundId/results"
      params={{ orgId, roundId: round.id }}
      aria-label={t('rounds.actions.withTitle', { action: t('rounds.actions.results'), title: round.title })}
    >
      {t('rounds.actions.results')}
    </Link>
  );
}
