import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxCommentLength, maxScore, type Presentation } from '../../../shared/workshops/presentation-schema.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { TextAreaField } from '../../components/form-field.js';
import { useErrorText } from '../../lib/problems.js';
import { eventApi, eventParticipantQueryKey, type ParticipantView } from './event-queries.js';
import { pathErrors } from './programme-rows.js';

const points = Array.from({ length: maxScore }, (_, i) => i + 1);

/**
 * A judge's scoring: the programme with what they have scored, and the form for one presentation
 * (the one on stage unless they pick another): 1 to 5 per criterion and a remark.
 */
export function ScoringPanel({ view }: { view: ParticipantView }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const targetId = picked ?? view.currentPresentationId ?? view.presentations[0]?.id ?? null;
  const target = view.presentations.find((p) => p.id === targetId);
  const closed = view.resultsPublished || view.status === 'locked';
  const scoredIds = new Set(view.me.scores.map((s) => s.presentationId));
  return (
    <section aria-labelledby="phone-score" className="workshop-card event-phone__scoring">
      <h2 id="phone-score" className="workshop-card__title">
        {t('presentations.participant.scoreTitle')}
      </h2>
      <p className="workshop-card__question">
        {closed ? t('presentations.participant.scoringClosed') : t('presentations.participant.scoreLead')}
      </p>
      <h3 className="event-phone__subtitle">{t('presentations.participant.scoreList')}</h3>
      <ol className="event-score-list">
        {view.presentations.map((presentation) => {
          const scored = scoredIds.has(presentation.id);
          const selected = presentation.id === targetId;
          return (
            <li
              key={presentation.id}
              className={`event-score-list__row${selected ? ' event-score-list__row--selected' : ''}`}
            >
              <span className="event-score-list__title">
                <DataText>{presentation.title}</DataText>
              </span>
              <span className={`event-score-list__mark${scored ? ' event-score-list__mark--done' : ''}`}>
                {scored ? `✓ ${t('presentations.participant.scored')}` : t('presentations.participant.notScored')}
              </span>
              <Button
                size="sm"
                variant={selected ? 'secondary' : 'tertiary'}
                aria-pressed={selected}
                onClick={() => setPicked(presentation.id)}
              >
                {t('presentations.participant.scoreThis')}
                <span className="visually-hidden">
                  {t('presentations.create.rowAction', { row: presentation.title })}
                </span>
              </Button>
            </li>
          );
        })}
      </ol>
      {target && <ScoreForm key={target.id} view={view} presentation={target} disabled={closed} />}
    </section>
  );
}

function ScoreForm({
  view,
  presentation,
  disabled,
}: {
  view: ParticipantView;
  presentation: Presentation;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const saved = view.me.scores.find((s) => s.presentationId === presentation.id);
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(saved?.scores ?? {}) }));
  const [comment, setComment] = useState(saved?.comment ?? '');
  const save = useMutation({
    mutationFn: () => eventApi.score(view.id, { presentationId: presentation.id, scores, comment }),
    onSuccess: () =>
      queryClient.setQueryData<ParticipantView>(eventParticipantQueryKey(view.id), (current) => {
        if (!current) return current;
        const others = current.me.scores.filter((s) => s.presentationId !== presentation.id);
        return {
          ...current,
          me: { ...current.me, scores: [...others, { presentationId: presentation.id, scores, comment }] },
        };
      }),
  });
  const errors = pathErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const base = `score-${presentation.id}`;
  return (
    <form className="form event-score-form" onSubmit={submit} noValidate aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="event-phone__subtitle">
        {t('presentations.participant.scoring', { title: presentation.title })}
      </h3>
      <fieldset className="event-score-form__criteria" disabled={disabled}>
        {view.criteria.map((criterion) => {
          const error = errors[`scores.${criterion.key}`];
          return (
            <fieldset
              key={criterion.key}
              className={`event-criterion${error ? ' field--error' : ''}`}
              aria-describedby={error ? `${base}-${criterion.key}-error` : undefined}
            >
              <legend className="event-criterion__label">
                <DataText>{criterion.label}</DataText>
              </legend>
              <div className="event-points">
                {points.map((value) => {
                  const id = `${base}-${criterion.key}-${value}`;
                  return (
                    <label key={value} htmlFor={id} className="event-point">
                      <input
                        id={id}
                        type="radio"
                        className="event-point__input"
                        name={`${base}-${criterion.key}`}
                        value={value}
                        checked={scores[criterion.key] === value}
                        onChange={() => {
                          setScores((current) => ({ ...current, [criterion.key]: value }));
                          if (save.isSuccess) save.reset();
                        }}
                      />
                      <span className="event-point__value">{t('presentations.participant.point', { value })}</span>
                    </label>
                  );
                })}
              </div>
              {error && (
                <p className="field__error" id={`${base}-${criterion.key}-error`}>
                  {error}
                </p>
              )}
            </fieldset>
          );
        })}
        <TextAreaField
          label={t('presentations.participant.scoreComment')}
          rows={3}
          maxLength={maxCommentLength * 2}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          error={errors.comment}
        />
      </fieldset>
      <div className="workshop-card__foot">
        <p role="status" className={save.isError ? 'field__error' : 'workshop-card__saved'}>
          {save.isPending
            ? t('presentations.participant.saving')
            : save.isError
              ? (errors.scores ?? describe(save.error))
              : save.isSuccess
                ? t('presentations.participant.saved')
                : ''}
        </p>
        <Button
          type="submit"
          variant="primary"
          disabled={disabled}
          busy={save.isPending}
          busyLabel={t('presentations.participant.saving')}
        >
          {t('presentations.participant.save')}
        </Button>
      </div>
    </form>
  );
}
