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
import { PollResults } from './workshop-closing-panels.js';
import { ItemSpread, QrCode, spacedCode } from './workshop-parts.js';
import { joinUrl, useWorkshopEvents, workshopQueryKey, workshopQueryOptions } from './workshop-queries.js';
import './workshops.css';

/** What the projector shows: the current item in big type, its spread once revealed, and how to join. */
export function WorkshopPresentPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { workshopId } = useParams({ from: '/authed/orgs/$orgId/workshops/$workshopId/present' });
  const view = useQuery(workshopQueryOptions(orgId, workshopId));
  useWorkshopEvents({
    url: `/api/orgs/${encodeURIComponent(orgId)}/workshops/${encodeURIComponent(workshopId)}/events`,
    queryKey: workshopQueryKey(orgId, workshopId),
    lastEventId: view.data?.lastEventId,
  });
  const frame = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const update = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  usePageTitle(view.data ? `${view.data.title}（${t('workshops.present.title')}）` : t('workshops.present.title'));

  if (view.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const index = data.items.findIndex((entry) => entry.key === data.currentItemKey);
  const item = data.items[index];
  const url = joinUrl(data.code);

  return (
    <div className="present" ref={frame}>
      <div className="present__tools">
        <Link
          to="/orgs/$orgId/workshops/$workshopId"
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
      <aside className="present__join" aria-label={t('workshops.console.joinTitle')}>
        <p className="present__join-label">{t('workshops.present.joinHint')}</p>
        <p className="present__code">{spacedCode(data.code)}</p>
        <QrCode text={url} label={t('workshops.console.qrAlt', { url })} size={140} />
      </aside>
      <p className="present__workshop">
        <DataText>{data.title}</DataText>
      </p>
      {/* The projector follows the facilitator's stepping; the change of item is announced. */}
      <div aria-live="polite">
        {item ? (
          <>
            <p className="present__position">
              {t('workshops.console.itemPosition', { number: index + 1, total: data.items.length })}
            </p>
            <h1 className="present__title">
              <DataText>{item.title}</DataText>
            </h1>
          </>
        ) : (
          <h1 className="present__title">{t('workshops.present.noItem')}</h1>
        )}
      </div>
      {item && (
        <div className="present__body">
          {item.question && (
            <p className="present__question">
              <DataText>{item.question}</DataText>
            </p>
          )}
          <ol className="present__levels">
            {item.levels.map((level, i) => (
              <li key={level.label} className="present__level">
                <span className="present__level-head">
                  {t('workshops.distribution.level', { number: i + 1 })} {level.label}
                </span>
                <span className="present__level-descriptor">{level.descriptor}</span>
              </li>
            ))}
          </ol>
          <section aria-label={t('workshops.console.distribution')} className="present__spread">
            {data.revealed.includes(item.key) ? (
              <ItemSpread view={data} item={item} large />
            ) : (
              <p className="present__hidden">{t('workshops.present.notRevealed')}</p>
            )}
          </section>
        </div>
      )}
      {data.pollOpen && (
        <section aria-labelledby="present-poll" className="present__poll">
          <h2 id="present-poll">{t('workshops.console.pollTitle')}</h2>
          <PollResults view={data} />
        </section>
      )}
    </div>
  );
}
