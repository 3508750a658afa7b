import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopControlInput, WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText } from '../../lib/problems.js';
import { LockPanel, PollPanel } from './workshop-closing-panels.js';
import { NotesForm } from './workshop-notes-form.js';
import { ConsoleLead, ItemSpread, JoinPanel, tallyOf, useGroupName } from './workshop-parts.js';
import {
  progressQueryKey,
  progressQueryOptions,
  useWorkshopEvents,
  workshopApi,
  workshopQueryKey,
  workshopQueryOptions,
  workshopsQueryKey,
} from './workshop-queries.js';
import './workshops.css';

type Item = WorkshopView['items'][number];

/** The facilitator's console: join code, who is here, the items to step through, spreads, notes, poll and lock. */
export function WorkshopConsolePage() {
  const orgId = useOrgId();
  const { workshopId } = useParams({ from: '/authed/orgs/$orgId/workshops/$workshopId' });
  const view = useQuery(workshopQueryOptions(orgId, workshopId));
  const connected = useWorkshopEvents({
    url: `/api/orgs/${encodeURIComponent(orgId)}/workshops/${encodeURIComponent(workshopId)}/events`,
    queryKey: workshopQueryKey(orgId, workshopId),
    progressKey: progressQueryKey(orgId, workshopId),
    lastEventId: view.data?.lastEventId,
  });

  if (view.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return <Console orgId={orgId} view={view.data} connected={connected} />;
}

function useControl(orgId: string, workshopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkshopControlInput) => workshopApi.control(orgId, workshopId, input),
    // Shown at once, so a toggle moves when pressed; put back if the server refuses.
    onMutate: (input) => {
      const key = workshopQueryKey(orgId, workshopId);
      const previous = queryClient.getQueryData<WorkshopView>(key);
      if (previous) {
        const patch: Partial<WorkshopView> = {};
        if (input.currentItemKey !== undefined) patch.currentItemKey = input.currentItemKey;
        if (input.revealed !== undefined) patch.revealed = input.revealed;
        if (input.pollOpen !== undefined) patch.pollOpen = input.pollOpen;
        if (input.status !== undefined) patch.status = input.status;
        queryClient.setQueryData<WorkshopView>(key, { ...previous, ...patch });
      }
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(workshopQueryKey(orgId, workshopId), context.previous);
    },
    onSuccess: (next) => {
      queryClient.setQueryData<WorkshopView>(workshopQueryKey(orgId, workshopId), (current) =>
        // A stream event may already have brought something newer.
        current && current.lastEventId > next.lastEventId ? { ...next, ...current } : next,
      );
      void queryClient.invalidateQueries({ queryKey: workshopsQueryKey(orgId), exact: true });
    },
  });
}

function Console({ orgId, view, connected }: { orgId: string; view: WorkshopView; connected: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const control = useControl(orgId, view.id);
  const index = Math.max(
    0,
    view.items.findIndex((item) => item.key === view.currentItemKey),
  );
  const item = view.items[index];
  const locked = view.status === 'locked';
  // A new workshop starts on its first item, so the projector and the phones show the same one.
  const started = useRef(false);
  const { mutate } = control;
  const first = view.items[0]?.key;
  useEffect(() => {
    if (started.current || view.currentItemKey || locked || !first) return;
    started.current = true;
    mutate({ currentItemKey: first });
  }, [view.currentItemKey, locked, first, mutate]);

  return (
    <>
      <PageHeader
        title={view.title}
        lead={<ConsoleLead what={<DataText>{view.roundTitle}</DataText>} status={view.status} connected={connected} />}
        actions={
          <>
            <Link to="/orgs/$orgId/workshops" params={{ orgId }} className="button button--tertiary">
              {t('workshops.back')}
            </Link>
            <Link
              to="/orgs/$orgId/workshops/$workshopId/present"
              params={{ orgId, workshopId: view.id }}
              className="button button--secondary"
            >
              {t('workshops.console.present')}
            </Link>
            <Link
              to="/orgs/$orgId/workshops/$workshopId/summary"
              params={{ orgId, workshopId: view.id }}
              className="button button--secondary"
            >
              {t('workshops.summary.open')}
            </Link>
          </>
        }
      />
      {control.isError && <Alert tone="error">{describe(control.error)}</Alert>}
      <div className="workshop-console">
        <div className="workshop-console__side">
          <JoinPanel code={view.code} />
          <ProgressPanel orgId={orgId} view={view} />
        </div>
        <div className="workshop-console__main">
          {item && (
            <ItemPanel
              orgId={orgId}
              view={view}
              item={item}
              index={index}
              busy={control.isPending}
              onControl={(input) => control.mutate(input)}
            />
          )}
          <PollPanel view={view} busy={control.isPending} onControl={(input) => control.mutate(input)} />
          <LockPanel view={view} busy={control.isPending} onControl={(input) => control.mutate(input)} />
        </div>
      </div>
    </>
  );
}

function ProgressPanel({ orgId, view }: { orgId: string; view: WorkshopView }) {
  const { t } = useTranslation();
  const groupName = useGroupName();
  const progress = useQuery(progressQueryOptions(orgId, view.id));
  const people = progress.data?.participants ?? [];
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: ({ participantId, groupId }: { participantId: string; groupId: string | null }) =>
      workshopApi.moveParticipant(orgId, view.id, participantId, groupId),
    onSuccess: (next) => queryClient.setQueryData(progressQueryKey(orgId, view.id), next),
  });
  return (
    <section aria-labelledby="workshop-progress" className="panel">
      <h2 id="workshop-progress" className="section__title">
        {t('workshops.console.progressTitle')}
      </h2>
      {progress.isError && <QueryError error={progress.error} onRetry={() => void progress.refetch()} />}
      <p className="workshop-progress__count">{t('workshops.console.participantCount', { count: people.length })}</p>
      {progress.data?.anonymous && (
        <p className="workshop-progress__note">
          {t('workshops.console.anonymousProgress', { k: view.tally.k })}
          {view.currentItemKey && (
            <>
              {' '}
              {t('workshops.console.answeredNow', {
                count: progress.data.answeredByItem.find((a) => a.itemKey === view.currentItemKey)?.n ?? 0,
              })}
            </>
          )}
          {view.tally.waiting ? <> {t('workshops.console.waiting', { count: view.tally.waiting })}</> : null}
        </p>
      )}
      {progress.isSuccess && people.length === 0 && <p>{t('workshops.console.noParticipants')}</p>}
      {move.isError && <Alert tone="error">{describe(move.error)}</Alert>}
      {people.length > 0 && (
        <ul className="workshop-progress">
          {people.map((person) => {
            const group = view.groups.find((g) => g.id === person.groupId);
            return (
              <li key={person.id} className="workshop-progress__person">
                <span className="workshop-progress__name">
                  <DataText>{person.nickname}</DataText>
                  {group && view.grouping !== 'assigned' && (
                    <span className="workshop-progress__group">{groupName(group)}</span>
                  )}
                </span>
                {view.grouping === 'assigned' && (
                  <select
                    className="select select--compact workshop-progress__move"
                    aria-label={t('workshops.console.groupOf', { nickname: person.nickname })}
                    value={person.groupId ?? ''}
                    disabled={move.isPending}
                    onChange={(event) => move.mutate({ participantId: person.id, groupId: event.target.value || null })}
                  >
                    <option value="">{t('workshops.console.noGroup')}</option>
                    {view.groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {groupName(g)}
                      </option>
                    ))}
                  </select>
                )}
                {person.answered !== null && (
                  <span className="workshop-progress__answered">
                    {t('workshops.console.answered', { count: person.answered })}
                    {person.voted && <> ・{t('workshops.console.voted')}</>}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ItemPanel({
  orgId,
  view,
  item,
  index,
  busy,
  onControl,
}: {
  orgId: string;
  view: WorkshopView;
  item: Item;
  index: number;
  busy: boolean;
  onControl: (input: WorkshopControlInput) => void;
}) {
  const { t } = useTranslation();
  const total = view.items.length;
  // The switch moves when pressed, before the server's answer comes back.
  const [revealing, setRevealing] = useState<boolean | undefined>(undefined);
  const revealed = revealing ?? view.revealed.includes(item.key);
  // Once the workshop's list of revealed items changes (the answer, or its rollback), it speaks again.
  const [seenRevealed, setSeenRevealed] = useState(view.revealed);
  if (seenRevealed !== view.revealed) {
    setSeenRevealed(view.revealed);
    setRevealing(undefined);
  }
  const n = tallyOf(view, item.key)?.overall.n ?? null;
  const step = (to: number) => {
    const target = view.items[to];
    if (target) onControl({ currentItemKey: target.key });
  };
  return (
    <section aria-labelledby="workshop-item" className="panel workshop-item">
      <h2 id="workshop-item" className="section__title">
        {t('workshops.console.itemsTitle')}
      </h2>
      <div className="workshop-stepper">
        <Button size="sm" onClick={() => step(index - 1)} disabled={index === 0 || busy}>
          {t('workshops.console.previous')}
        </Button>
        <SelectField
          label={t('workshops.console.itemPicker')}
          value={item.key}
          onChange={(event) => onControl({ currentItemKey: event.target.value })}
          fieldClassName="workshop-stepper__picker"
        >
          {view.items.map((entry, i) => (
            <option key={entry.key} value={entry.key}>
              {i + 1}. {entry.title}
            </option>
          ))}
        </SelectField>
        <Button size="sm" onClick={() => step(index + 1)} disabled={index >= total - 1 || busy}>
          {t('workshops.console.next')}
        </Button>
      </div>
      <p className="workshop-item__position">
        {t('workshops.console.itemPosition', { number: index + 1, total })}・<DataText>{item.sectionTitle}</DataText>
      </p>
      <h3 className="workshop-item__title">
        <DataText>{item.title}</DataText>
      </h3>
      {item.question && (
        <p className="workshop-item__question">
          <DataText>{item.question}</DataText>
        </p>
      )}
      <section aria-labelledby="workshop-spread" className="workshop-item__spread">
        <h3 id="workshop-spread" className="workshop-item__subtitle">
          {t('workshops.console.distribution')}
        </h3>
        {/* Announced once per change of the current item's count, not for every bar. */}
        <p className="visually-hidden" role="status">
          {n === null
            ? t('workshops.distribution.withheld', { k: view.tally.k })
            : t('workshops.distribution.respondents', { count: n })}
        </p>
        <ItemSpread view={view} item={item} />
        <label className="switch">
          <input
            type="checkbox"
            className="switch__input"
            checked={revealed}
            disabled={busy}
            aria-describedby="workshop-reveal-hint"
            onChange={(event) => {
              setRevealing(event.target.checked);
              onControl({
                revealed: event.target.checked
                  ? [...view.revealed, item.key]
                  : view.revealed.filter((key) => key !== item.key),
              });
            }}
          />{' '}
          <span className="switch__label">{t('workshops.console.reveal')}</span>
        </label>
        <p id="workshop-reveal-hint" className="field__hint">
          {t('workshops.console.revealHint', { k: view.tally.k })}
        </p>
      </section>
      <NotesForm key={item.key} orgId={orgId} view={view} item={item} />
    </section>
  );
}
