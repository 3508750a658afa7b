import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { formatDate, formatFiscalYear } from '../../lib/format.js';
import { useOrgId } from '../../lib/org-context.js';
import { usePageTitle } from '../../lib/page-title.js';
import { useLanguage } from '../../lib/problems.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { attachmentHref } from './attachment-upload.js';
import { CaseCost } from './case-cost.js';
import { EffectsTable } from './case-effects-table.js';
import { useCaseWords } from './case-labels.js';
import { type CaseAttachment, type CaseDetail, caseQueryOptions } from './case-queries.js';
import { pickSlidePhotos } from './case-slide-photos.js';
import './cases.css';
import './case-presentation.css';

/** Effects that fit under the before/after panels; the rest are counted and left to the case page. */
const slideEffects = 4;

/**
 * 発表用1枚資料: one case on one landscape A4 sheet, in the 5-minute format of the national kaizen
 * meetings (経緯, before → after, effect, photos). It shows the case as the reader may read it:
 * the same redacted copy as the case page, with long texts cut short to keep to one sheet.
 */
export function CasePresentationPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { caseId } = useParams({ from: '/authed/orgs/$orgId/cases/$caseId/presentation' });
  const detail = useQuery(caseQueryOptions(orgId, caseId));
  usePageTitle(
    detail.data ? t('cases.presentation.pageTitle', { title: detail.data.title }) : t('cases.presentation.title'),
  );
  return (
    <article className="case-slide">
      <div className="case-slide__tools case-print-hide">
        <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId }}>
          {t('cases.backToCase')}
        </Link>
        <Button variant="primary" onClick={() => window.print()} disabled={!detail.data}>
          {t('cases.presentation.print')}
        </Button>
        <p className="case-slide__hint">{t('cases.presentation.printHint')}</p>
      </div>
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <Sheet orgId={orgId} detail={detail.data} />}
    </article>
  );
}

function Sheet({ orgId, detail }: { orgId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const grid = useSceneGrid(orgId);
  const words = useCaseWords(grid.data);
  const titleLang = useDataLang(detail.title);
  const photos = pickSlidePhotos(detail.attachments);
  const effects = detail.effects?.slice(0, slideEffects) ?? null;
  const moreEffects = (detail.effects?.length ?? 0) - (effects?.length ?? 0);
  const address = `${window.location.origin}/orgs/${orgId}/cases/${detail.id}`;
  const src = (attachment: CaseAttachment) => attachmentHref(orgId, detail.id, attachment.id);

  return (
    <div className="case-slide__sheet">
      <header className="case-slide__header">
        <p className="case-slide__kicker">
          {t('cases.presentation.kicker')}
          {t('cases.separator')}
          {t('cases.presentation.title')}
        </p>
        <h1 className="case-slide__title" lang={titleLang}>
          {detail.title}
        </h1>
        <dl className="case-slide__meta">
          <Meta label={t('cases.fields.organization')}>
            <DataText>{detail.org.name}</DataText>
            {detail.departmentName && (
              <>
                {' '}
                <DataText>{detail.departmentName}</DataText>
              </>
            )}
          </Meta>
          <Meta label={t('cases.fields.happenedOn')}>
            <DateText value={detail.happenedOn} />
          </Meta>
          <Meta label={t('cases.fields.fiscalYear')}>{formatFiscalYear(detail.fiscalYear, language)}</Meta>
          <Meta label={t('cases.fields.scene')}>{words.scene(detail.sceneId)}</Meta>
          {detail.policyField && (
            <Meta label={t('cases.fields.policyField')}>{t(`cases.policyFields.${detail.policyField}`)}</Meta>
          )}
          {detail.method && <Meta label={t('cases.fields.method')}>{t(`cases.methods.${detail.method}`)}</Meta>}
          {detail.reporters && detail.reporters.length > 0 && (
            <Meta label={t('cases.fields.reporters')}>
              <DataText>{detail.reporters.map((r) => r.displayName).join(t('cases.separator'))}</DataText>
            </Meta>
          )}
        </dl>
      </header>

      <div className="case-slide__body">
        <div className="case-slide__compare">
          <section className="case-slide__panel case-slide__panel--before" aria-labelledby="slide-before">
            <h2 id="slide-before" className="case-slide__heading">
              {t('cases.presentation.before')}
              <span className="case-slide__lead">{t('cases.presentation.beforeLead')}</span>
            </h2>
            <Clamped text={detail.problem} lines={photos.before.length > 0 ? 6 : 16} />
            <Photos list={photos.before} src={src} />
          </section>
          <p className="case-slide__arrow" aria-hidden="true">
            →
          </p>
          <section className="case-slide__panel case-slide__panel--after" aria-labelledby="slide-after">
            <h2 id="slide-after" className="case-slide__heading">
              {t('cases.presentation.after')}
            </h2>
            <h3 className="case-slide__subheading">{t('cases.presentation.action')}</h3>
            <Clamped text={detail.action} lines={photos.after.length > 0 ? 3 : 8} />
            <h3 className="case-slide__subheading">{t('cases.presentation.result')}</h3>
            <Clamped text={detail.result} lines={photos.after.length > 0 ? 3 : 7} />
            <Photos list={photos.after} src={src} />
          </section>
        </div>

        <div className="case-slide__foot">
          <section className="case-slide__effects" aria-labelledby="slide-effects">
            <h2 id="slide-effects" className="case-slide__heading">
              {t('cases.presentation.effects')}
            </h2>
            <EffectsTable effects={effects} words={words} />
            {moreEffects > 0 && (
              <p className="case-slide__note">{t('cases.presentation.moreEffects', { count: moreEffects })}</p>
            )}
          </section>
          <div className="case-slide__next">
            <section aria-labelledby="slide-cost">
              <h2 id="slide-cost" className="case-slide__heading">
                {t('cases.fields.cost')}
              </h2>
              <p className="case-slide__text case-slide__cost">
                <CaseCost detail={detail} />
              </p>
            </section>
            <section aria-labelledby="slide-remaining">
              <h2 id="slide-remaining" className="case-slide__heading">
                {t('cases.fields.remaining')}
              </h2>
              <Clamped text={detail.remaining} lines={photos.other.length > 0 ? 3 : 5} />
            </section>
          </div>
          {photos.other.length > 0 && (
            <section className="case-slide__others" aria-labelledby="slide-photos">
              <h2 id="slide-photos" className="case-slide__heading">
                {t('cases.presentation.photos')}
              </h2>
              <Photos list={photos.other} src={src} />
            </section>
          )}
        </div>
      </div>

      <footer className="case-slide__footer">
        <p>{t('cases.presentation.clamped', { address })}</p>
        <p>
          {t('app.name')}
          {t('cases.separator')}
          {t('cases.presentation.printedOn', { date: formatDate(new Date(), language) })}
        </p>
      </footer>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A text cut to `lines` lines with an ellipsis, on screen and on paper; withheld and empty read as on the case page. */
function Clamped({ text, lines }: { text: string | null; lines: number }) {
  const { t } = useTranslation();
  const lang = useDataLang(text);
  if (text === null) return <p className="case-note">{t('cases.detail.notShared')}</p>;
  if (!text.trim()) return <p className="case-note">{t('cases.detail.empty')}</p>;
  return (
    <p className="case-slide__text case-slide__clamp" style={{ '--slide-lines': lines } as CSSProperties} lang={lang}>
      {text}
    </p>
  );
}

function Photos({ list, src }: { list: CaseAttachment[]; src: (attachment: CaseAttachment) => string }) {
  const { t } = useTranslation();
  if (list.length === 0) return null;
  return (
    <ul className={`case-slide__photos case-slide__photos--${list.length}`}>
      {list.map((attachment) => (
        <li key={attachment.id}>
          <figure className="case-slide__photo">
            <img
              src={src(attachment)}
              alt={t('cases.attachments.alt', {
                role: t(`cases.attachments.roles.${attachment.role}`),
                name: attachment.fileName,
              })}
            />
            <figcaption>
              <DataText>{attachment.fileName}</DataText>
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
