import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentationControlInput } from '../../../shared/workshops/presentation-schema.js';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText } from '../../lib/problems.js';
import { ConsoleLead, JoinPanel } from '../workshops/workshop-parts.js';
import { useWorkshopEvents, workshopsQueryKey } from '../workshops/workshop-queries.js';
import { CommentWall } from './comment-wall.js';
import { CountsPanel, JudgesPanel, LockPanel, ResultsPanel, VotePanel } from './console-panels.js';
import {
  eventApi,
  eventKinds,
  eventQueryKey,
  eventQueryOptions,
  eventWriter,
  type FacilitatorView,
  facilitatorStreamUrl,
} from './event-queries.js';
import { ProgrammePanel, StagePanel } from './stage-panels.js';
import '../workshops/workshops.css';
import './presentations.css';

/**
 * Follows the facilitator's stream; after scores and counts (which change the results preview) the
 * whole view is read again, at most every couple of seconds.
 */
function useFacilitatorEvents(orgId: string, workshopId: string, lastEventId: number | undefined): boolean {
  const queryKey = eventQueryKey(orgId, workshopId);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const writer = useCallback(
    (queryClient: QueryClient, kind: string, payload: unknown, id: number) => {
      eventWriter(eventQueryKey(orgId, workshopId))(queryClient, kind, payload, id);
      if ((kind === 'scoring' || kind === 'counts') && !pending.current) {
        pending.current = setTimeout(() => {
          pending.current = undefined;
          void queryClient.refetchQueries({ queryKey: eventQueryKey(orgId, workshopId), exact: true });
        }, 1500);
      }
    },
    [orgId, workshopId],
  );
  return useWorkshopEvents({
    url: facilitatorStreamUrl(orgId, workshopId),
    queryKey,
    lastEventId,
    kinds: eventKinds,
    writer,
  });
}

/** The facilitator's console of a presentation event. */
export function PresentationEventConsolePage() {
  const orgId = useOrgId();
  const { workshopId } = useParams({ from: '/authed/orgs/$orgId/presentation-events/$workshopId' });
  const view = useQuery(eventQueryOptions(orgId, workshopId));
  const connected = useFacilitatorEvents(orgId, workshopId, view.data?.lastEventId);
  if (view.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return <Console orgId={orgId} view={view.data} connected={connected} />;
}

function useControl(orgId: string, workshopId: string) {
  const queryClient = useQueryClient();
  const key = eventQueryKey(orgId, workshopId);
  return useMutation({
    mutationFn: (input: PresentationControlInput) => eventApi.control(orgId, workshopId, input),
    // The choice shows at once; put back if the server refuses it.
    onMutate: (input) => {
      const previous = queryClient.getQueryData<FacilitatorView>(key);
      if (previous) {
        const patch: Partial<FacilitatorView> = {};
        if (input.currentPresentationId !== undefined) patch.currentPresentationId = input.currentPresentationId;
        if (input.voteOpen !== undefined) patch.voteOpen = input.voteOpen;
        if (input.status !== undefined) patch.status = input.status;
        queryClient.setQueryData<FacilitatorView>(key, { ...previous, ...patch });
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (next) => {
      queryClient.setQueryData<FacilitatorView>(key, (current) =>
        // A stream event may already have brought something newer.
        current && current.lastEventId > next.lastEventId ? { ...next, ...current } : next,
      );
      void queryClient.invalidateQueries({ queryKey: workshopsQueryKey(orgId), exact: true });
    },
  });
}

function Console({ orgId, view, connected }: { orgId: string; view: FacilitatorView; connected: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const control = useControl(orgId, view.id);
  const send = (input: PresentationControlInput) => control.mutate(input);
  return (
    <>
      <PageHeader
        title={view.title}
        lead={<ConsoleLead what={t('presentations.title')} status={view.status} connected={connected} />}
        actions={
          <>
            <Link to="/orgs/$orgId/workshops" params={{ orgId }} className="button button--tertiary">
              {t('workshops.back')}
            </Link>
            <Link
              to="/orgs/$orgId/presentation-events/$workshopId/present"
              params={{ orgId, workshopId: view.id }}
              className="button button--secondary"
            >
              {t('workshops.console.present')}
            </Link>
            <Link
              to="/orgs/$orgId/presentation-events/$workshopId/results"
              params={{ orgId, workshopId: view.id }}
              className="button button--secondary"
            >
              {t('presentations.console.results')}
            </Link>
          </>
        }
      />
      {control.isError && <Alert tone="error">{describe(control.error)}</Alert>}
      <div className="workshop-console">
        <div className="workshop-console__side">
          <JoinPanel code={view.code} />
          <JudgesPanel code={view.code} judgeKey={view.judgeKey} />
          <CountsPanel counts={view.counts} />
        </div>
        <div className="workshop-console__main">
          <StagePanel view={view} busy={control.isPending} onControl={send} />
          <CommentWall orgId={orgId} view={view} />
          <ProgrammePanel orgId={orgId} view={view} busy={control.isPending} onControl={send} />
          <VotePanel view={view} busy={control.isPending} onControl={send} />
          <ResultsPanel view={view} busy={control.isPending} onControl={send} />
          <LockPanel view={view} busy={control.isPending} onControl={send} />
        </div>
      </div>
    </>
  );
}
