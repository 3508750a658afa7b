import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { statusTones, type useCaseWords } from './case-labels.js';
import type { CaseLinkComponent } from './case-links.js';
import type { CaseHit } from './case-queries.js';
import { HighlightedText } from './highlighted-text.js';

/** One search result: the highlighted title and snippet, whose case it is, where it sits, what it saved. */
export function CaseHitCard({
  ownOrgId,
  hit,
  words,
  CaseLink,
}: {
  /** The reader's organisation, whose cases read as their own; null without login. */
  ownOrgId: string | null;
  hit: CaseHit;
  words: ReturnType<typeof useCaseWords>;
  CaseLink: CaseLinkComponent;
}) {
  const { t } = useTranslation();
  const own = hit.orgId === ownOrgId;
  return (
    <article className="case-card">
      <h3 className="case-card__title">
        <CaseLink caseId={hit.id}>
          <HighlightedText parts={hit.titleParts} />
        </CaseLink>
      </h3>
      <p className="case-card__meta">
        <span className={own ? 'case-card__org' : 'case-card__org case-card__org--other'}>
          <DataText>{hit.orgName}</DataText>
        </span>
        {hit.departmentName && (
          <span>
            <DataText>{hit.departmentName}</DataText>
          </span>
        )}
        <span>
          <DateText value={hit.happenedOn} />
        </span>
      </p>
      {hit.snippet.length > 0 && (
        <p className="case-card__snippet">
          <HighlightedText parts={hit.snippet} />
        </p>
      )}
      <ul className="case-card__tags" aria-label={t('cases.detail.facts')}>
        {hit.status !== 'published' && (
          <li>
            <Badge tone={statusTones[hit.status]}>{t(`cases.status.${hit.status}`)}</Badge>
          </li>
        )}
        <li className="case-chip">{words.scene(hit.sceneId)}</li>
        {hit.policyField && <li className="case-chip">{t(`cases.policyFields.${hit.policyField}`)}</li>}
        {hit.method && <li className="case-chip">{t(`cases.methods.${hit.method}`)}</li>}
      </ul>
      {(hit.hoursPerYear !== null || hit.yenPerYear !== null) && (
        <dl className="case-card__effects">
          {hit.hoursPerYear !== null && (
            <div>
              <dt>{t('cases.effectKinds.hours_per_year')}</dt>
              <dd>{words.amount('hours_per_year', hit.hoursPerYear)}</dd>
            </div>
          )}
          {hit.yenPerYear !== null && (
            <div>
              <dt>{t('cases.effectKinds.yen_per_year')}</dt>
              <dd>{words.amount('yen_per_year', hit.yenPerYear)}</dd>
            </div>
          )}
        </dl>
      )}
    </article>
  );
}
