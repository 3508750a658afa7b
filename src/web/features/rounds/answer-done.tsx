import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DateText } from '../../components/date-text.js';
import type { RoundDetail } from './round-queries.js';

interface AnswerDoneProps {
  orgId: string;
  round: RoundDetail;
  onReview: () => void;
}

/** Shown right after submitting; takes the focus so the confirmation is read out. */
export function AnswerDone({ orgId, round, onReview }: AnswerDoneProps) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  return (
    <section className="panel answer-done" aria-labelledby="answer-done-title">
      <h2 id="answer-done-title" ref={titleRef} tabIndex={-1} className="panel__title">
        {t('rounds.answer.doneTitle')}
      </h2>
      <p>{t('rounds.answer.doneBody')}</p>
      <p>
        {t('rounds.answer.doneEditable')}
        <DateText value={round.closesOn} />
      </p>
      <p className="button-row">
        <Link
          to="/orgs/$orgId/rounds/$roundId/results"
          params={{ orgId, roundId: round.id }}
          className="button button--primary"
        >
          {t('rounds.actions.results')}
        </Link>
        <Button onClick={onReview}>{t('rounds.actions.review')}</Button>
        <Link to="/orgs/$orgId/rounds" params={{ orgId }} className="button button--tertiary">
          {t('rounds.back')}
        </Link>
      </p>
    </section>
  );
}
