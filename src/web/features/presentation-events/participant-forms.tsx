import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxCommentLength } from '../../../shared/workshops/presentation-schema.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { TextAreaField } from '../../components/form-field.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { eventApi, eventParticipantQueryKey, type ParticipantView, putComment } from './event-queries.js';

/** A comment on the presentation on stage: up to 200 characters, with or without one's nickname. */
export function CommentForm({ view, presentationId }: { view: ParticipantView; presentationId: string }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const post = useMutation({
    mutationFn: () => eventApi.comment(view.id, { presentationId, body, anonymous }),
    onSuccess: (comment) => {
      putComment(queryClient, eventParticipantQueryKey(view.id), comment);
      setBody('');
    },
  });
  const errors = fieldErrorsFrom(post.error, t);
  const left = maxCommentLength - body.length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate();
  };
  return (
    <section aria-labelledby="phone-comment" className="workshop-card event-phone__form">
      <h2 id="phone-comment" className="workshop-card__title">
        {t('presentations.participant.commentTitle')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextAreaField
          label={t('presentations.participant.comment')}
          hint={t('presentations.participant.commentHint', { max: maxCommentLength })}
          rows={3}
          maxLength={maxCommentLength}
          required
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            if (post.isSuccess) post.reset();
          }}
          error={errors.body}
        />
        <p className="event-phone__left">{t('presentations.participant.charsLeft', { count: left })}</p>
        <label className="event-check">
          <input
            type="checkbox"
            className="event-check__input"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.target.checked)}
            aria-describedby="phone-anonymous-hint"
          />
          <span className="event-check__text">
            <span className="event-check__label">{t('presentations.participant.anonymous')}</span>
            <span id="phone-anonymous-hint" className="event-check__hint">
              {t('presentations.participant.anonymousHint')}
            </span>
          </span>
        </label>
        <div className="workshop-card__foot">
          <p role="status" className={post.isError ? 'field__error' : 'workshop-card__saved'}>
            {post.isError && !errors.body
              ? describe(post.error)
              : post.isSuccess
                ? t('presentations.participant.posted')
                : ''}
          </p>
          <Button
            type="submit"
            variant="primary"
            disabled={body.trim() === ''}
            busy={post.isPending}
            busyLabel={t('presentations.participant.posting')}
          >
            {t('presentations.participant.post')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The audience vote: one presentation, sent with 投票, changeable while the vote is open. */
export function VoteForm({ view }: { view: ParticipantView }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string | null>(view.me.votePresentationId);
  const vote = useMutation({
    mutationFn: (presentationId: string) => eventApi.vote(view.id, presentationId),
    onSuccess: (_data, presentationId) =>
      queryClient.setQueryData<ParticipantView>(eventParticipantQueryKey(view.id), (current) =>
        current ? { ...current, me: { ...current.me, votePresentationId: presentationId } } : current,
      ),
  });
  const voted = view.presentations.find((p) => p.id === view.me.votePresentationId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) vote.mutate(choice);
  };
  return (
    <section aria-labelledby="phone-vote" className="workshop-card workshop-card--poll">
      <form onSubmit={submit} noValidate>
        <fieldset className="workshop-card__levels">
          <legend>
            <h2 id="phone-vote" className="workshop-card__title">
              {t('presentations.participant.voteTitle')}
            </h2>
          </legend>
          <p className="workshop-card__question">{t('presentations.participant.voteLead')}</p>
          <div className="ws-levels">
            {view.presentations.map((presentation) => {
              const id = `phone-vote-${presentation.id}`;
              return (
                <label key={presentation.id} htmlFor={id} className="ws-level">
                  <input
                    id={id}
                    type="radio"
                    className="ws-level__input"
                    name="phone-vote"
                    value={presentation.id}
                    checked={choice === presentation.id}
                    onChange={() => setChoice(presentation.id)}
                  />
                  <span className="ws-level__body">
                    <span className="ws-level__head">
                      <DataText>{presentation.title}</DataText>
                    </span>
                    <span className="ws-level__descriptor">
                      <DataText>{presentation.presenter}</DataText>
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="workshop-card__foot">
          <p role="status" className={vote.isError ? 'field__error' : 'workshop-card__saved'}>
            {vote.isError
              ? describe(vote.error)
              : voted
                ? t('presentations.participant.votedFor', { title: voted.title })
                : ''}
          </p>
          <Button
            type="submit"
            variant="primary"
            disabled={!choice || choice === view.me.votePresentationId}
            busy={vote.isPending}
            busyLabel={t('presentations.participant.voting')}
          >
            {t('presentations.participant.vote')}
          </Button>
        </div>
      </form>
    </section>
  );
}
