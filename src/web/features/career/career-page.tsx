import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareerEntry } from '../../../shared/career/career-schema.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { pickHomeOrg } from '../../lib/last-org.js';
import { findMembership } from '../../lib/permissions.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { useMe } from '../../lib/session.js';
import { CareerEntryDialog } from './career-entry-dialog.js';
import { CareerMapView } from './career-map-view.js';
import { careerApi, careerExportHref, myCareerQueryOptions, useRefreshCareer } from './career-queries.js';
import { useCareerSceneGrid } from './career-scenes.js';
import { CareerSharing } from './career-sharing.js';

/** 改善キャリアマップ: the signed-in person's own map, to add to, reflect on, share and print. */
export function CareerPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe();
  const map = useQuery(myCareerQueryOptions);
  const grid = useCareerSceneGrid();
  const [editing, setEditing] = useState<CareerEntry | 'new' | null>(null);
  const [removing, setRemoving] = useState<CareerEntry | null>(null);
  const homeOrgId = pickHomeOrg(me);
  const home = homeOrgId ? findMembership(me, homeOrgId) : undefined;
  const isFacilitator = me.memberships.some((m) => m.role === 'facilitator');

  const addButton = (
    <Button variant="primary" onClick={() => setEditing('new')}>
      {t('career.add')}
    </Button>
  );

  return (
    <article className="career">
      <PageHeader
        title={t('career.title')}
        lead={t('career.lead')}
        actions={
          <>
            {addButton}
            <Button onClick={() => window.print()} disabled={!map.data}>
              {t('career.print')}
            </Button>
          </>
        }
      />
      <p className="career-ownership">{t('career.ownership')}</p>
      <p className="career-print-name">{t('career.printedOn', { name: me.displayName })}</p>
      {isFacilitator && (
        <p className="career-shared-link no-print">
          <Link to="/career/shared">{t('nav.careerShared')}</Link>
        </p>
      )}
      {map.isPending && <Loading />}
      {map.isError && <QueryError error={map.error} onRetry={() => void map.refetch()} />}
      {map.data && (
        <>
          <CareerMapView
            map={map.data}
            grid={grid}
            onEdit={setEditing}
            onDelete={setRemoving}
            emptyAction={addButton}
          />
          <section className="panel career-section no-print" aria-labelledby="career-sharing">
            <h2 id="career-sharing" className="panel__title">
              {t('career.sharing.title')}
            </h2>
            <CareerSharing map={map.data} />
          </section>
          <section className="panel career-section no-print" aria-labelledby="career-downloads">
            <h2 id="career-downloads" className="panel__title">
              {t('career.downloads.title')}
            </h2>
            <p className="career-note">{t('career.downloads.lead')}</p>
            <p className="button-row">
              {(['csv', 'xlsx', 'json'] as const).map((format) => (
                <a
                  key={format}
                  className="button button--secondary button--sm"
                  href={careerExportHref(format, language)}
                  download
                >
                  {t(`career.downloads.${format}`)}
                </a>
              ))}
            </p>
          </section>
        </>
      )}
      {editing && (
        <CareerEntryDialog
          grid={grid}
          entry={editing === 'new' ? undefined : editing}
          defaults={{ orgName: home?.orgName ?? '', departmentName: home?.departmentName ?? '' }}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && <RemoveEntryDialog entry={removing} onClose={() => setRemoving(null)} />}
    </article>
  );
}

function RemoveEntryDialog({ entry, onClose }: { entry: CareerEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshCareer();
  const remove = useMutation({
    mutationFn: () => careerApi.deleteEntry(entry.id),
    onSuccess: async () => {
      await refresh();
      notify(t('career.remove.done', { title: entry.title }));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      title={t('career.remove.title')}
      body={t('career.remove.body', { title: entry.title })}
      confirmLabel={t('career.remove.confirm')}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      busy={remove.isPending}
      error={remove.isError ? describe(remove.error) : null}
    />
  );
}
