import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { isApiError } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { useLanguage } from '../../lib/problems.js';
import { templateTitle } from '../sheets/sheet-labels.js';
import { ClosedView } from './answer-closed-view.js';
import { AnswerForm } from './answer-form.js';
import {
  hasMyResponse,
  type MyResponse,
  myResponseQueryOptions,
  type ResponseDefaults,
  type RoundDetail,
  responseDefaultsQueryOptions,
  roundQueryOptions,
} from './round-queries.js';
import './rounds.css';

/** Answering a round: load the round, my response so far and my defaults, then the form or a read-only view. */
export function AnswerPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
          {t('rounds.back')}
        </Link>
      </p>
      <AnswerPageBody orgId={orgId} />
    </>
  );
}

function AnswerPageBody({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { roundId = '' } = useParams({ strict: false });
  const round = useQuery(roundQueryOptions(orgId, roundId));
  const hasResponse = round.data ? hasMyResponse(round.data) : false;
  const response = useQuery({ ...myResponseQueryOptions(orgId, roundId), enabled: hasResponse });
  const eligible = round.data ? round.data.myStatus !== 'not_eligible' : false;
  const defaults = useQuery({ ...responseDefaultsQueryOptions(orgId, roundId), enabled: eligible });

  if (round.isError || response.isError) {
    const error = round.error ?? response.error;
    return (
      <>
        <PageHeader title={t('rounds.answer.title')} />
        {isApiError(error, 'not_in_round') || isApiError(error, 'not_found') ? (
          <NotInRoundAlert />
        ) : (
          <QueryError
            error={error}
            onRetry={() => {
              void round.refetch();
              void response.refetch();
            }}
          />
        )}
      </>
    );
  }
  // A response saved on this page is in the cache already, even while the round still says not_started.
  if (!round.data || (hasResponse && response.isPending)) return <Loading />;
  return (
    <>
      <RoundHeader round={round.data} />
      <RoundStage orgId={orgId} round={round.data} response={response.data ?? null} defaults={defaults} />
    </>
  );
}

interface RoundStageProps {
  orgId: string;
  round: RoundDetail;
  response: MyResponse | null;
  defaults: UseQueryResult<ResponseDefaults>;
}

/** What the round's state allows: a note, my closed answers, or the form once my defaults are in. */
function RoundStage({ orgId, round, response, defaults }: RoundStageProps) {
  const { t } = useTranslation();
  if (round.myStatus === 'not_eligible') return <NotInRoundAlert />;
  if (round.status === 'scheduled') {
    return (
      <Alert tone="info" title={t('rounds.answer.notOpenTitle')}>
        {t('rounds.answer.notOpenBody')}
        <DateText value={round.opensOn} />
      </Alert>
    );
  }
  if (round.status === 'closed') return <ClosedView orgId={orgId} round={round} response={response} />;
  if (defaults.isError) return <QueryError error={defaults.error} onRetry={() => void defaults.refetch()} />;
  if (!defaults.data) return <Loading />;
  return <AnswerForm orgId={orgId} round={round} response={response} defaults={defaults.data} />;
}

function NotInRoundAlert() {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={t('rounds.answer.notInRoundTitle')}>
      {t('rounds.answer.notInRoundBody')}
    </Alert>
  );
}

function RoundHeader({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sheetTitle = templateTitle(round.content, language);
  const sheetLang = useDataLang(sheetTitle);
  return (
    <PageHeader
      title={round.title}
      titleLang={useDataLang(round.title)}
      lead={
        <>
          <span lang={sheetLang}>{sheetTitle}</span>
          {t('rounds.answer.leadSeparator')}
          {t('rounds.answer.closesOn')}
          <DateText value={round.closesOn} />
        </>
      }
    />
  );
}
