import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventComment, EventResults } from '../../../shared/workshops/presentation-schema.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';

type ResultRow = EventResults['presentations'][number];

/** Comments, newest first: who wrote each (or 匿名) and what; `action` adds a control per comment. */
export function CommentList({
  comments,
  large = false,
  action,
  emptyText,
}: {
  comments: EventComment[];
  large?: boolean;
  action?: (comment: EventComment) => ReactNode;
  emptyText: string;
}) {
  const { t } = useTranslation();
  if (comments.length === 0) return <p className="event-comments__empty">{emptyText}</p>;
  return (
    <ul className={`event-comments${large ? ' event-comments--large' : ''}`}>
      {comments.map((comment) => (
        <li
          key={comment.id}
          className={`event-comment${comment.hidden ? ' event-comment--hidden' : ''}`}
          data-comment-id={comment.id}
        >
          <p className="event-comment__meta">
            <span className="event-comment__author">
              {comment.author === null ? t('presentations.results.anonymous') : <DataText>{comment.author}</DataText>}
            </span>
            {!large && (
              <span className="event-comment__time">
                <DateText value={comment.createdAt} withTime />
              </span>
            )}
            {comment.hidden && <span className="event-comment__hidden">{t('presentations.console.hiddenMark')}</span>}
          </p>
          <p className="event-comment__body">
            <DataText>{comment.body}</DataText>
          </p>
          {action?.(comment)}
        </li>
      ))}
    </ul>
  );
}

function byRank(key: 'rank' | 'voteRank') {
  return (a: ResultRow, b: ResultRow) => (a[key] ?? Number.MAX_SAFE_INTEGER) - (b[key] ?? Number.MAX_SAFE_INTEGER);
}

/** The judges' ranking as a list: rank, title, presenter and average total out of the maximum. */
export function JudgesRanking({ results, large = false }: { results: EventResults; large?: boolean }) {
  const { t } = useTranslation();
  const rows = results.presentations.slice().sort(byRank('rank'));
  return (
    <ol className={`event-ranking${large ? ' event-ranking--large' : ''}`}>
      {rows.map((row) => (
        <li key={row.presentationId} className={`event-ranking__row event-ranking__row--${row.rank ?? 'none'}`}>
          <span className="event-ranking__rank">
            {row.rank === null
              ? t('presentations.results.noRank')
              : t('presentations.results.rankValue', { rank: row.rank })}
          </span>
          <span className="event-ranking__what">
            <span className="event-ranking__title">
              <DataText>{row.title}</DataText>
            </span>
            <span className="event-ranking__presenter">
              <DataText>{row.presenter}</DataText>
            </span>
          </span>
          <span className="event-ranking__score">
            {row.average === null
              ? t('presentations.results.unscored')
              : t('presentations.results.averageValue', { average: row.average.toFixed(1), max: results.maxTotal })}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The audience vote as bars scaled to the most votes, the count in words beside each. */
export function VoteRanking({ results, large = false }: { results: EventResults; large?: boolean }) {
  const { t } = useTranslation();
  const rows = results.presentations.slice().sort(byRank('voteRank'));
  const max = Math.max(1, ...rows.map((row) => row.votes));
  return (
    <ol className={`event-votes distribution__bars${large ? ' event-votes--large' : ''}`}>
      {rows.map((row) => (
        <li key={row.presentationId} className="distribution__row event-votes__row">
          <span className="distribution__label">
            <span className="event-votes__rank">
              {row.voteRank === null
                ? t('presentations.results.noRank')
                : t('presentations.results.rankValue', { rank: row.voteRank })}
            </span>{' '}
            <DataText>{row.title}</DataText>
          </span>
          <span className="distribution__track" aria-hidden="true">
            <span className="distribution__bar" style={{ width: `${(row.votes / max) * 100}%` }} />
          </span>
          <span className="distribution__count">{t('presentations.results.votesValue', { count: row.votes })}</span>
        </li>
      ))}
    </ol>
  );
}

/** Both rankings under their headings, as the projector and the phones show them after the announcement. */
export function Rankings({
  results,
  large = false,
  headingLevel = 2,
  idPrefix,
}: {
  results: EventResults;
  large?: boolean;
  headingLevel?: 2 | 3;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`event-rankings${large ? ' event-rankings--large' : ''}`}>
      <section aria-labelledby={`${idPrefix}-judges`}>
        <Heading id={`${idPrefix}-judges`} className="event-rankings__title">
          {t('presentations.results.judgesTitle')}
        </Heading>
        <JudgesRanking results={results} large={large} />
      </section>
      <section aria-labelledby={`${idPrefix}-votes`}>
        <Heading id={`${idPrefix}-votes`} className="event-rankings__title">
          {t('presentations.results.voteTitle')}
        </Heading>
        <VoteRanking results={results} large={large} />
      </section>
    </div>
  );
}
