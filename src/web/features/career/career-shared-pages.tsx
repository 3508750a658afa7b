import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { formatDate } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import { CareerMapView } from './career-map-view.js';
import { sharedCareerMapQueryOptions, sharedCareerMapsQueryOptions } from './career-queries.js';
import { useCareerSceneGrid } from './career-scenes.js';
import './career.css';

/** For a facilitator: the people who share their career map, each opening it read-only. */
export function CareerSharedListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const shared = useQuery(sharedCareerMapsQueryOptions);
  return (
    <article className="career">
      <PageHeader title={t('career.shared.title')} lead={t('career.shared.lead')} />
      {shared.isPending && <Loading />}
      {shared.isError && <QueryError error={shared.error} onRetry={() => void shared.refetch()} />}
      {shared.data &&
        (shared.data.people.length === 0 ? (
          <EmptyState>{t('career.shared.empty')}</EmptyState>
        ) : (
          <ul className="career-people">
            {shared.data.people.map((person) => (
              <li key={person.id} className="career-people__item">
                <Link
                  to="/career/shared/$userId"
                  params={{ userId: person.id }}
                  className="career-people__link"
                  aria-label={t('career.shared.open', { name: person.displayName })}
                >
                  <DataText>{person.displayName}</DataText>
                </Link>
                <span className="muted">{t('career.shared.since', { date: formatDate(person.since, language) })}</span>
              </li>
            ))}
          </ul>
        ))}
    </article>
  );
}

/** Someone's map as their facilitator reads it: everything but the owner's buttons and sharing. */
export function CareerSharedMapPage() {
  const { t } = useTranslation();
  const { userId } = useParams({ from: '/authed/career/shared/$userId' });
  const map = useQuery(sharedCareerMapQueryOptions(userId));
  const grid = useCareerSceneGrid();
  const name = map.data?.person.displayName ?? '';
  return (
    <article className="career">
      <PageHeader
        title={map.data ? t('career.shared.mapTitle', { name }) : t('career.title')}
        actions={
          <Button onClick={() => window.print()} disabled={!map.data}>
            {t('career.print')}
          </Button>
        }
      />
      <p className="no-print">
        <Link to="/career/shared">{t('career.shared.back')}</Link>
      </p>
      {map.isPending && <Loading />}
      {map.isError && <QueryError error={map.error} onRetry={() => void map.refetch()} />}
      {map.data && (
        <>
          <Alert tone="info">{t('career.shared.readOnly', { name })}</Alert>
          <CareerMapView map={map.data} grid={grid} />
        </>
      )}
    </article>
  );
}
