import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { usePageTitle } from '../../lib/page-title.js';
import { QrCode, spacedCode } from '../workshops/workshop-parts.js';
import { joinUrl, useWorkshopEvents } from '../workshops/workshop-queries.js';
import { Countdown } from './countdown.js';
import { CommentList, Rankings } from './event-parts.js';
import { eventKinds, eventQueryKey, eventQueryOptions, eventWriter, facilitatorStreamUrl } from './event-queries.js';
import { commentsOf, currentOf } from './event-state.js';
import '../workshops/workshops.css';
import './presentations.css';

/** How many of the newest comments the projector shows. */
const wallSize = 6;

/**
 * What the projector shows: the presentation on stage in big type with its countdown, how to join,
 * the newest comments, the vote while it is open, and both rankings once they are announced.
 */
export function PresentationEventPresentPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { workshopId } = useParams({ from: '/authed/orgs/$orgId/presentation-events/$workshopId/present' });
  const view = useQuery(eventQueryOptions(orgId, workshopId));
  const [writer] = useState(() => eventWriter(eventQueryKey(orgId, workshopId)));
  useWorkshopEvents({
    url: facilitatorStreamUrl(orgId, workshopId),
    queryKey: eventQueryKey(orgId, workshopId),
    lastEventId: view.data?.lastEventId,
    kinds: eventKinds,
    writer,
  });
  const frame = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const update = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  usePageTitle(
    view.data ? `${view.data.title}（${t('presentations.present.title')}）` : t('presentations.present.title'),
  );

  if (view.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const current = currentOf(data);
  const url = joinUrl(data.code);
  const comments = current ? commentsOf(data, current.presentation.id).slice(0, wallSize) : [];
  // The facilitator's view always has the results; the room sees them only once announced.
  const results = data.resultsPublished ? data.results : null;

  return (
    <div className="present event-present" ref={frame}>
      <div className="present__tools">
        <Link
          to="/orgs/$orgId/presentation-events/$workshopId"
          params={{ orgId, workshopId }}
          className="button button--tertiary button--sm"
        >
          {t('workshops.present.backToConsole')}
        </Link>
        <Button
          size="sm"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            else void frame.current?.requestFullscreen();
          }}
        >
          {fullscreen ? t('workshops.present.exitFullscreen') : t('workshops.present.fullscreen')}
        </Button>
      </div>
      {/* Once the results are up, the rankings take the whole width. */}
      {!results && (
        <aside className="present__join" aria-label={t('workshops.console.joinTitle')}>
          <p className="present__join-label">{t('workshops.present.joinHint')}</p>
          <p className="present__code">{spacedCode(data.code)}</p>
          <QrCode text={url} label={t('workshops.console.qrAlt', { url })} size={140} />
        </aside>
      )}
      <p className="present__workshop">
        <DataText>{data.title}</DataText>
      </p>
      {results ? (
        <div aria-live="polite">
          <h1 className="present__title">{t('presentations.present.resultsTitle')}</h1>
          <Rankings results={results} large idPrefix="present-results" />
        </div>
      ) : (
        <>
          {/* The projector follows the facilitator; the change of presenter is announced. */}
          <div aria-live="polite">
            {current ? (
              <>
                <p className="present__position">
                  {t('presentations.console.position', {
                    number: current.index + 1,
                    total: data.presentations.length,
                  })}
                </p>
                <h1 className="present__title">
                  <DataText>{current.presentation.title}</DataText>
                </h1>
                <p className="event-present__presenter">
                  {t('presentations.present.presenter', { presenter: current.presentation.presenter })}
                </p>
              </>
            ) : (
              <h1 className="present__title">{t('presentations.present.noCurrent')}</h1>
            )}
          </div>
          {current && (
            <Countdown
              presentation={current.presentation}
              minutes={data.minutes}
              clockOffset={data.clockOffset}
              size="xl"
            />
          )}
          {data.voteOpen && (
            <p className="event-present__vote" role="status">
              <span className="event-present__vote-open">{t('presentations.present.voteOpen')}</span>{' '}
              {t('presentations.present.votedCount', { count: data.counts.voted })}
            </p>
          )}
          {current && (
            <section aria-labelledby="present-comments" className="event-present__comments">
              <h2 id="present-comments">{t('presentations.present.commentsTitle')}</h2>
              <div aria-live="polite">
                <CommentList comments={comments} large emptyText={t('presentations.present.noComments')} />
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
