import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { usePageTitle } from '../../lib/page-title.js';
import { useWorkshopEvents } from '../workshops/workshop-queries.js';
import { Countdown } from './countdown.js';
import { CommentList, Rankings } from './event-parts.js';
import {
  eventKinds,
  eventParticipantQueryKey,
  eventWriter,
  type ParticipantView,
  participantStreamUrl,
} from './event-queries.js';
import { commentsOf, currentOf } from './event-state.js';
import { CommentForm, VoteForm } from './participant-forms.js';
import { ScoringPanel } from './scoring-panel.js';
import '../workshops/workshops.css';
import './presentations.css';

/**
 * A participant's phone at a presentation event: what is on stage and its time, comments, the
 * judge's scoring or the audience's vote, and the results once announced.
 */
export function EventParticipantPage({ view }: { view: ParticipantView }) {
  const { t } = useTranslation();
  usePageTitle(view.title);
  const [writer] = useState(() => eventWriter(eventParticipantQueryKey(view.id)));
  const connected = useWorkshopEvents({
    url: participantStreamUrl(view.id),
    queryKey: eventParticipantQueryKey(view.id),
    lastEventId: view.lastEventId,
    kinds: eventKinds,
    writer,
  });
  const locked = view.status === 'locked';
  const current = currentOf(view);
  const judge = view.me.role === 'judge';
  const results = view.resultsPublished ? view.results : null;

  return (
    <div className="workshop-public event-phone">
      <h1 className="workshop-public__title">
        <DataText>{view.title}</DataText>
      </h1>
      <p className="workshop-answer__you">
        {judge
          ? t('presentations.participant.youJudge', { nickname: view.me.nickname })
          : t('presentations.participant.you', { nickname: view.me.nickname })}
      </p>
      <p className={`workshop-answer__now${locked ? ' workshop-answer__now--locked' : ''}`} role="status">
        {locked
          ? t('presentations.participant.locked')
          : current
            ? t('presentations.participant.now', { title: current.presentation.title })
            : t('presentations.participant.waiting')}
      </p>
      {!connected && !locked && (
        <p className="workshop-answer__live" role="status">
          {t('workshops.console.liveOff')}
        </p>
      )}
      {results && (
        <section aria-labelledby="phone-results" className="workshop-card event-phone__results">
          <h2 id="phone-results" className="workshop-card__title">
            {t('presentations.participant.resultsTitle')}
          </h2>
          <Rankings results={results} headingLevel={3} idPrefix="phone-results" />
        </section>
      )}
      {view.voteOpen && !judge && !locked && <VoteForm view={view} />}
      {current && (
        <section aria-labelledby="phone-current" className="workshop-card workshop-card--current event-phone__current">
          <h2 id="phone-current" className="workshop-card__current">
            {t('presentations.participant.currentTitle')}
          </h2>
          <p className="event-phone__title">
            <DataText>{current.presentation.title}</DataText>
          </p>
          <p className="event-phone__presenter">
            <DataText>{current.presentation.presenter}</DataText>
          </p>
          <Countdown presentation={current.presentation} minutes={view.minutes} clockOffset={view.clockOffset} />
        </section>
      )}
      {judge && <ScoringPanel view={view} />}
      {current && !locked && (
        <CommentForm key={current.presentation.id} view={view} presentationId={current.presentation.id} />
      )}
      {current && (
        <section aria-labelledby="phone-comments" className="event-phone__comments">
          <h2 id="phone-comments" className="event-phone__subtitle">
            {t('presentations.participant.commentsTitle')}
          </h2>
          <CommentList
            comments={commentsOf(view, current.presentation.id)}
            emptyText={t('presentations.participant.noComments')}
          />
        </section>
      )}
    </div>
  );
}
