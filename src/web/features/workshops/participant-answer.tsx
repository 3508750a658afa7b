import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../shared/workshops/workshop-schema.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { usePageTitle } from '../../lib/page-title.js';
import { useErrorText } from '../../lib/problems.js';
import { ItemSpread } from './workshop-parts.js';
import { participantQueryKey, useWorkshopEvents, workshopApi } from './workshop-queries.js';

type Item = ParticipantView['items'][number];

/** A participant's screen: every item with its levels, the one being discussed highlighted, and the poll. */
export function ParticipantAnswerView({ view }: { view: ParticipantView }) {
  const { t } = useTranslation();
  usePageTitle(view.title);
  const connected = useWorkshopEvents({
    url: `/api/workshops/${encodeURIComponent(view.id)}/events`,
    queryKey: participantQueryKey(view.id),
    lastEventId: view.lastEventId,
  });
  const locked = view.status === 'locked';
  const current = view.items.find((item) => item.key === view.currentItemKey);

  // Follow the facilitator: bring the item being discussed into view when it changes.
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (!view.currentItemKey || seen.current === view.currentItemKey) return;
    const first = seen.current === null;
    seen.current = view.currentItemKey;
    const element = document.getElementById(`ws-item-${view.currentItemKey}`);
    if (!element || (first && window.scrollY > 0)) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
  }, [view.currentItemKey]);

  return (
    <div className="workshop-public workshop-answer">
      <h1 className="workshop-public__title">
        <DataText>{view.title}</DataText>
      </h1>
      <p className="workshop-answer__you">{t('workshops.answer.you', { nickname: view.me.nickname })}</p>
      <p className="workshop-answer__lead">{t('workshops.answer.lead', { round: view.roundTitle, k: view.tally.k })}</p>
      {/* Sticks to the top while scrolling: what is being discussed, or that the workshop is locked. */}
      <p className={`workshop-answer__now${locked ? ' workshop-answer__now--locked' : ''}`} role="status">
        {locked ? t('workshops.answer.locked') : current ? t('workshops.answer.nowOn', { title: current.title }) : ''}
      </p>
      {!connected && !locked && (
        <p className="workshop-answer__live" role="status">
          {t('workshops.console.liveOff')}
        </p>
      )}
      {view.pollOpen && <PollForm view={view} disabled={locked} />}
      <ol className="workshop-answer__items">
        {view.items.map((item, index) => (
          <li key={item.key}>
            <AnswerCard
              view={view}
              item={item}
              number={index + 1}
              isCurrent={item.key === view.currentItemKey}
              disabled={locked}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function AnswerCard({
  view,
  item,
  number,
  isCurrent,
  disabled,
}: {
  view: ParticipantView;
  item: Item;
  number: number;
  isCurrent: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const saved = view.me.answers.find((a) => a.itemKey === item.key)?.level ?? null;
  // The choice shows the moment it is made (a controlled radio would otherwise spring back until the cache updates).
  const [choosing, setChoosing] = useState<number | null | undefined>(undefined);
  const level = choosing !== undefined ? choosing : saved;
  const choose = (next: number | null) => {
    setChoosing(next);
    save.mutate(next, { onSettled: () => setChoosing(undefined) });
  };
  const save = useMutation({
    mutationFn: (next: number | null) => workshopApi.answer(view.id, item.key, next),
    onMutate: (next) => {
      queryClient.setQueryData<ParticipantView>(participantQueryKey(view.id), (current) => {
        if (!current) return current;
        const answers = current.me.answers.filter((a) => a.itemKey !== item.key);
        if (next !== null) answers.push({ itemKey: item.key, level: next });
        return { ...current, me: { ...current.me, answers } };
      });
      return { previous: saved };
    },
    onError: (_error, _next, context) => {
      queryClient.setQueryData<ParticipantView>(participantQueryKey(view.id), (current) => {
        if (!current) return current;
        const answers = current.me.answers.filter((a) => a.itemKey !== item.key);
        if (context?.previous != null) answers.push({ itemKey: item.key, level: context.previous });
        return { ...current, me: { ...current.me, answers } };
      });
    },
  });
  const base = `ws-item-${item.key}`;
  const status = save.isPending
    ? t('workshops.answer.saving')
    : save.isSuccess
      ? t('workshops.answer.saved')
      : save.isError
        ? describe(save.error)
        : '';

  return (
    <article
      id={base}
      className={`workshop-card${isCurrent ? ' workshop-card--current' : ''}`}
      aria-labelledby={`${base}-title`}
      aria-current={isCurrent ? 'step' : undefined}
    >
      {isCurrent && <p className="workshop-card__current">{t('workshops.answer.current')}</p>}
      <fieldset className="workshop-card__levels" disabled={disabled}>
        <legend>
          <h2 id={`${base}-title`} className="workshop-card__title">
            <span className="workshop-card__number">{t('workshops.answer.itemNumber', { number })}</span>{' '}
            <DataText>{item.title}</DataText>
          </h2>
        </legend>
        {item.question && (
          <p className="workshop-card__question">
            <DataText>{item.question}</DataText>
          </p>
        )}
        <div className="ws-levels">
          {item.levels.map((entry, index) => {
            const value = index + 1;
            const id = `${base}-level-${value}`;
            return (
              <label key={entry.label} htmlFor={id} className="ws-level">
                <input
                  id={id}
                  type="radio"
                  className="ws-level__input"
                  name={`${base}-level`}
                  value={value}
                  checked={level === value}
                  onChange={() => choose(value)}
                  aria-describedby={`${id}-descriptor`}
                />
                <span className="ws-level__body">
                  <span className="ws-level__head">
                    {t('workshops.distribution.level', { number: value })} {entry.label}
                  </span>
                  <span id={`${id}-descriptor`} className="ws-level__descriptor">
                    {entry.descriptor}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="workshop-card__foot">
        <p role="status" className={save.isError ? 'field__error' : 'workshop-card__saved'}>
          {status}
        </p>
        {level !== null && !disabled && (
          <Button variant="tertiary" size="sm" onClick={() => choose(null)}>
            {t('workshops.answer.clear')}
          </Button>
        )}
      </div>
      {view.revealed.includes(item.key) && (
        <section className="workshop-card__spread" aria-label={t('workshops.answer.spread')}>
          <ItemSpread view={view} item={item} />
        </section>
      )}
    </article>
  );
}

function PollForm({ view, disabled }: { view: ParticipantView; disabled: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const vote = useMutation({
    mutationFn: (itemKey: string) => workshopApi.vote(view.id, itemKey),
    onSuccess: (_data, itemKey) =>
      queryClient.setQueryData<ParticipantView>(participantQueryKey(view.id), (current) =>
        current ? { ...current, me: { ...current.me, pollItemKey: itemKey } } : current,
      ),
  });
  const [choosing, setChoosing] = useState<string | undefined>(undefined);
  const chosen = choosing ?? view.me.pollItemKey;
  return (
    <section aria-labelledby="ws-poll" className="workshop-card workshop-card--poll">
      <fieldset className="workshop-card__levels" disabled={disabled}>
        <legend>
          <h2 id="ws-poll" className="workshop-card__title">
            {t('workshops.answer.pollTitle')}
          </h2>
        </legend>
        <p className="workshop-card__question">{t('workshops.answer.pollLead')}</p>
        <div className="ws-levels">
          {view.items.map((item) => {
            const id = `ws-poll-${item.key}`;
            return (
              <label key={item.key} htmlFor={id} className="ws-level">
                <input
                  id={id}
                  type="radio"
                  className="ws-level__input"
                  name="ws-poll"
                  value={item.key}
                  checked={chosen === item.key}
                  onChange={() => {
                    setChoosing(item.key);
                    vote.mutate(item.key, { onSettled: () => setChoosing(undefined) });
                  }}
                />
                <span className="ws-level__body">
                  <span className="ws-level__head">
                    <DataText>{item.title}</DataText>
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <p role="status" className={vote.isError ? 'field__error' : 'workshop-card__saved'}>
        {vote.isPending
          ? t('workshops.answer.saving')
          : vote.isError
            ? describe(vote.error)
            : vote.isSuccess
              ? t('workshops.answer.pollVoted')
              : ''}
      </p>
    </section>
  );
}
