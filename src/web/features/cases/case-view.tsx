import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { PageHeader } from '../../components/page-header.js';
import { formatFiscalYear } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import { CaseCost } from './case-cost.js';
import { EffectsTable } from './case-effects-table.js';
import { statusTones, type useCaseWords } from './case-labels.js';
import type { CaseLinkComponent } from './case-links.js';
import type { CaseDetail } from './case-queries.js';
import './cases.css';

interface CaseViewProps {
  detail: CaseDetail;
  words: ReturnType<typeof useCaseWords>;
  /** The reader's organisation, whose own copy shows everything; null without login. */
  ownOrgId: string | null;
  CaseLink: CaseLinkComponent;
  /** What the reader may do with the case; a print button when nothing else is theirs to do. */
  actions?: ReactNode;
  /** The photos and documents, drawn by the caller with the addresses it may read them from. */
  attachments: ReactNode;
  /** After the case: 似ている事例 for members. */
  after?: ReactNode;
}

/**
 * One case as read: before → action → after, its effects and facts, its review history when the
 * reader's organisation keeps it. Who reads it (a member, another organisation, anyone without
 * login) decides only the actions and links around it; the API has already left out what is internal.
 */
export function CaseView({ detail, words, ownOrgId, CaseLink, actions, attachments, after }: CaseViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleLang = useDataLang(detail.title);
  const own = detail.org.id === ownOrgId;
  return (
    <article className="case-detail">
      <PageHeader title={detail.title} titleLang={titleLang} />
      <div className="case-head">
        <Badge tone={statusTones[detail.status]}>{t(`cases.status.${detail.status}`)}</Badge>
        <span>{t(`cases.sharing.${detail.sharing}`)}</span>
        <strong>
          <DataText>{detail.org.name}</DataText>
        </strong>
        <DateText value={detail.happenedOn} />
      </div>
      {actions ?? <PrintOnly />}

      <ol className="case-story">
        <li>
          <h2>{t('cases.detail.before')}</h2>
          <Story text={detail.problem} />
        </li>
        <li>
          <h2>{t('cases.detail.what')}</h2>
          <Story text={detail.action} />
        </li>
        <li>
          <h2>{t('cases.detail.after')}</h2>
          <Story text={detail.result} />
        </li>
      </ol>

      {attachments}

      <section className="section case-section" aria-labelledby="case-effects">
        <h2 id="case-effects" className="section__title">
          {t('cases.detail.effectsTable')}
        </h2>
        <EffectsTable effects={detail.effects} words={words} />
      </section>

      <section className="section case-section" aria-labelledby="case-remaining">
        <h2 id="case-remaining" className="section__title">
          {t('cases.fields.remaining')}
        </h2>
        <Story text={detail.remaining} />
      </section>

      <section className="section case-section" aria-labelledby="case-facts">
        <h2 id="case-facts" className="section__title">
          {t('cases.detail.facts')}
        </h2>
        <dl className="summary-list summary-list--columns">
          <Fact label={t('cases.fields.organization')}>
            <DataText>{detail.org.name}</DataText>
          </Fact>
          <Fact label={t('cases.fields.department')}>
            {detail.departmentName ? <DataText>{detail.departmentName}</DataText> : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.happenedOn')}>
            <DateText value={detail.happenedOn} />
          </Fact>
          <Fact label={t('cases.fields.fiscalYear')}>{formatFiscalYear(detail.fiscalYear, language)}</Fact>
          <Fact label={t('cases.fields.scene')}>{words.scene(detail.sceneId)}</Fact>
          <Fact label={t('cases.fields.policyField')}>
            {detail.policyField ? t(`cases.policyFields.${detail.policyField}`) : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.method')}>
            {detail.method ? t(`cases.methods.${detail.method}`) : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.tags')}>
            {detail.tags.length > 0
              ? detail.tags.map((tag) => (
                  <span key={tag} className="case-chip">
                    <DataText>{tag}</DataText>
                  </span>
                ))
              : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.reporters')}>
            {detail.reporters ? (
              <DataText>{detail.reporters.map((r) => r.displayName).join(t('cases.separator'))}</DataText>
            ) : (
              <Withheld own={own} />
            )}
          </Fact>
          <Fact label={t('cases.fields.cost')}>
            <CaseCost detail={detail} />
          </Fact>
          <Fact label={t('cases.fields.sharing')}>{t(`cases.sharing.${detail.sharing}`)}</Fact>
          {detail.adoptedFrom && (
            <Fact label={t('cases.fields.adoptedFrom')}>
              <CaseLink caseId={detail.adoptedFrom.id}>
                <DataText>{detail.adoptedFrom.title}</DataText>
              </CaseLink>{' '}
              (<DataText>{detail.adoptedFrom.orgName}</DataText>)
            </Fact>
          )}
          <Fact label={t('cases.fields.adoptionCount')}>
            {detail.adoptionCount > 0
              ? t('cases.detail.adoptions', { count: detail.adoptionCount })
              : t('cases.detail.noAdoptions')}
          </Fact>
          {detail.adoptedBy && detail.adoptedBy.length > 0 && (
            <Fact label={t('cases.adoption.adoptedBy')}>
              <ul className="case-links">
                {detail.adoptedBy.map((link) => (
                  <li key={link.id}>
                    <CaseLink caseId={link.id}>
                      <DataText>{link.title}</DataText>
                    </CaseLink>{' '}
                    (<DataText>{link.orgName}</DataText>)
                  </li>
                ))}
              </ul>
            </Fact>
          )}
          <Fact label={t('cases.fields.awards')}>
            {detail.awards.length > 0 ? (
              <ul className="case-links">
                {detail.awards.map((award) => (
                  <li key={`${award.fiscalYear}-${award.name}`}>
                    {t('cases.detail.award', {
                      year: formatFiscalYear(award.fiscalYear, language),
                      name: award.name,
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              t('cases.detail.noAwards')
            )}
          </Fact>
          {detail.managerOpinion && (
            <Fact label={t('cases.fields.managerOpinion')}>
              <p className="case-text">{detail.managerOpinion}</p>
            </Fact>
          )}
          {detail.publishedAt && (
            <Fact label={t('cases.detail.publishedAt')}>
              <DateText value={detail.publishedAt} />
            </Fact>
          )}
        </dl>
        {detail.internalFields && detail.internalFields.length > 0 && (
          <p className="case-note">
            {t('cases.detail.internalMarked', {
              fields: detail.internalFields.map((f) => t(`cases.internalFields.${f}`)).join(t('cases.separator')),
            })}
          </p>
        )}
      </section>

      {detail.reviews && (
        <section className="section case-section" aria-labelledby="case-history">
          <h2 id="case-history" className="section__title">
            {t('cases.detail.history')}
          </h2>
          {detail.reviews.length === 0 ? (
            <p className="case-note">{t('cases.detail.historyEmpty')}</p>
          ) : (
            <ol className="case-history">
              {detail.reviews.map((review, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end
                <li key={index}>
                  <p className="case-history__head">
                    <span className="case-history__action">{t(`cases.detail.reviewActions.${review.action}`)}</span>
                    {review.actorName && <DataText>{review.actorName}</DataText>}
                    <DateText value={review.createdAt} withTime />
                  </p>
                  {review.comment && <p className="case-text">{review.comment}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {after}
    </article>
  );
}

function Story({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (text === null) return <p className="case-note">{t('cases.detail.notShared')}</p>;
  if (!text.trim()) return <p className="case-note">{t('cases.detail.empty')}</p>;
  return <p className="case-text">{text}</p>;
}

/** What another organisation's copy leaves out reads as such; on one's own copy it was simply not filled in. */
function Withheld({ own }: { own: boolean }) {
  const { t } = useTranslation();
  return <span className="case-note">{own ? t('common.notSet') : t('cases.detail.notShared')}</span>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function PrintOnly() {
  const { t } = useTranslation();
  return (
    <div className="case-actions">
      <Button onClick={() => window.print()}>{t('cases.detail.print')}</Button>
    </div>
  );
}
