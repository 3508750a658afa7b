import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CareerCase, CareerEntry } from '../../../shared/career/career-schema.js';
import { type SceneGrid, type SceneId, sceneLabel } from '../../../shared/cases/scene-grid.js';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { formatFiscalYear } from '../../lib/format.js';
import { findMembership } from '../../lib/permissions.js';
import { useLanguage } from '../../lib/problems.js';
import { useMe } from '../../lib/session.js';
import type { TimelineYear } from './career-timeline.js';

interface TimelineProps {
  years: readonly TimelineYear[];
  grid: SceneGrid;
  /** The owner's buttons; a shared map is read without them. */
  onEdit?: ((entry: CareerEntry) => void) | undefined;
  onDelete?: ((entry: CareerEntry) => void) | undefined;
}

/** The map's entries and cases, newest first, under their fiscal year (with 和暦). */
export function CareerTimeline({ years, grid, onEdit, onDelete }: TimelineProps) {
  const language = useLanguage();
  return (
    <div className="career-timeline">
      {years.map((year) => {
        const headingId = `career-year-${year.fiscalYear}`;
        return (
          <section key={year.fiscalYear} className="career-year" aria-labelledby={headingId}>
            <h3 id={headingId} className="career-year__title">
              {formatFiscalYear(year.fiscalYear, language)}
            </h3>
            <ol className="career-year__items">
              {year.items.map((item) => (
                <li key={item.key} className={`career-item career-item--${item.type}`}>
                  {item.type === 'entry' ? (
                    <EntryItem entry={item.entry} grid={grid} onEdit={onEdit} onDelete={onDelete} />
                  ) : (
                    <CaseItem reported={item.case} grid={grid} />
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function SceneLine({ grid, sceneId }: { grid: SceneGrid; sceneId: SceneId | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="career-item__fact">
      <dt>{t('career.timeline.scene')}</dt>
      <dd>{sceneId ? sceneLabel(grid, sceneId, language) : t('career.timeline.noScene')}</dd>
    </div>
  );
}

function Where({ orgName, departmentName }: { orgName: string; departmentName: string | null }) {
  const { t } = useTranslation();
  const parts = [orgName, departmentName ?? ''].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <div className="career-item__fact">
      <dt>{t('career.timeline.where')}</dt>
      <dd>
        {parts.map((part, i) => (
          <span key={part}>
            {i > 0 && ' · '}
            <DataText>{part}</DataText>
          </span>
        ))}
      </dd>
    </div>
  );
}

function EntryItem({
  entry,
  grid,
  onEdit,
  onDelete,
}: {
  entry: CareerEntry;
  grid: SceneGrid;
  onEdit?: TimelineProps['onEdit'];
  onDelete?: TimelineProps['onDelete'];
}) {
  const { t } = useTranslation();
  return (
    <article className="career-item__body" aria-labelledby={`career-entry-${entry.id}`}>
      <div className="career-item__head">
        <Badge tone={entry.kind === 'cross_boundary' ? 'success' : 'neutral'}>{t(`career.kinds.${entry.kind}`)}</Badge>
        <h4 id={`career-entry-${entry.id}`} className="career-item__title">
          <DataText>{entry.title}</DataText>
        </h4>
      </div>
      <p className="career-item__period">
        <DateText value={entry.startedOn} />
        {' 〜 '}
        {entry.endedOn ? <DateText value={entry.endedOn} /> : t('career.timeline.ongoing')}
      </p>
      <dl className="career-item__facts">
        <Where orgName={entry.orgName} departmentName={entry.departmentName} />
        <SceneLine grid={grid} sceneId={entry.sceneId} />
      </dl>
      {entry.description && <p className="career-item__text">{entry.description}</p>}
      <div className="career-item__reflection">
        <p className="career-item__label">{t('career.timeline.reflection')}</p>
        <p className={entry.reflection ? 'career-item__text' : 'career-item__text muted'}>
          {entry.reflection || t('career.timeline.noReflection')}
        </p>
      </div>
      {(onEdit || onDelete) && (
        <p className="button-row career-item__actions">
          {onEdit && (
            <Button
              size="sm"
              onClick={() => onEdit(entry)}
              aria-label={t('career.timeline.editNamed', { title: entry.title })}
            >
              {t('career.timeline.edit')}
            </Button>
          )}
          {onDelete && (
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => onDelete(entry)}
              aria-label={t('career.timeline.deleteNamed', { title: entry.title })}
            >
              {t('career.timeline.delete')}
            </Button>
          )}
        </p>
      )}
    </article>
  );
}

function CaseItem({ reported, grid }: { reported: CareerCase; grid: SceneGrid }) {
  const { t } = useTranslation();
  const me = useMe();
  // Only a member of the case's organisation can open it there; elsewhere the title is the record.
  const canOpen = Boolean(findMembership(me, reported.orgId));
  return (
    <article className="career-item__body" aria-labelledby={`career-case-${reported.id}`}>
      <div className="career-item__head">
        <Badge tone="info">{t('career.caseBadge')}</Badge>
        <h4 id={`career-case-${reported.id}`} className="career-item__title">
          <DataText>{reported.title}</DataText>
        </h4>
      </div>
      <p className="career-item__period">
        <DateText value={reported.happenedOn} />
        {' · '}
        {t(`career.timeline.caseStatus.${reported.status}`)}
      </p>
      <dl className="career-item__facts">
        <Where orgName={reported.orgName} departmentName={reported.departmentName} />
        <SceneLine grid={grid} sceneId={reported.sceneId} />
      </dl>
      {canOpen && (
        <p className="career-item__actions">
          <Link
            to="/orgs/$orgId/cases/$caseId"
            params={{ orgId: reported.orgId, caseId: reported.id }}
            aria-label={t('career.timeline.openCaseNamed', { title: reported.title })}
          >
            {t('career.timeline.openCase')}
          </Link>
        </p>
      )}
    </article>
  );
}
