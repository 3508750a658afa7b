import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { SceneGridForm } from './scene-grid-form.js';
import { useSceneGrid } from './scene-grid-queries.js';
import { SceneGridTable } from './scene-grid-table.js';

/** 改善活動の12場面: what the grid is for, the organisation's grid, and renaming it for admins. */
export function SceneGridPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const membership = useMembership();
  const grid = useSceneGrid(orgId);
  const canRename = can(membership, 'org.update');
  return (
    <>
      <PageHeader title={t('sceneGrid.title')} lead={t('sceneGrid.lead')} />
      <section className="section" aria-labelledby="scene-grid-purpose">
        <h2 id="scene-grid-purpose" className="section__title">
          {t('sceneGrid.purposeHeading')}
        </h2>
        <ul className="scene-grid-purpose">
          <li>{t('sceneGrid.purpose.place')}</li>
          <li>{t('sceneGrid.purpose.report')}</li>
          <li>{t('sceneGrid.purpose.frontier')}</li>
        </ul>
      </section>
      <section className="section" aria-labelledby="scene-grid-caption">
        <h2 id="scene-grid-caption" className="section__title">
          {t('sceneGrid.caption')}
        </h2>
        <p className="scene-grid-reading">{t('sceneGrid.reading')}</p>
        {grid.isPending && <Loading />}
        {grid.isError && <QueryError error={grid.error} onRetry={() => void grid.refetch()} />}
        {grid.data && (
          <SceneGridTable
            grid={grid.data}
            caption={t('sceneGrid.caption')}
            renderCell={(cell) => <span className="scene-grid__example">{t(`sceneGrid.examples.${cell.id}`)}</span>}
          />
        )}
        {!canRename && <p className="scene-grid-reading">{t('sceneGrid.readOnly')}</p>}
      </section>
      {canRename && grid.data && (
        <section className="section" aria-labelledby="scene-grid-rename">
          <h2 id="scene-grid-rename" className="section__title">
            {t('sceneGrid.form.heading')}
          </h2>
          <p>{t('sceneGrid.form.lead')}</p>
          <SceneGridForm orgId={orgId} grid={grid.data} />
        </section>
      )}
    </>
  );
}
