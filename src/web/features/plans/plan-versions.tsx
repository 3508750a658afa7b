import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import type { PlanDetail } from './plan-queries.js';

/**
 * Every frozen version, newest last: its kind, note, when and by whom; each opens read-only at its
 * own address, and compares with the one before.
 */
export function PlanVersions({ plan, linked }: { plan: PlanDetail; linked: boolean }) {
  const { t } = useTranslation();
  const { orgId, id: planId } = plan;
  return (
    <section className="section" aria-labelledby="plan-versions">
      <h2 id="plan-versions" className="section__title">
        {t('plans.versions.title')}
      </h2>
      {plan.versionList.length === 0 ? (
        <p className="field__hint">{t('plans.versions.none')}</p>
      ) : (
        <ol className="plan-versions">
          {plan.versionList.map((version) => (
            <li key={version.number} className="plan-versions__item">
              <p className="plan-versions__head">
                {linked ? (
                  <Link
                    to="/orgs/$orgId/plans/$planId/versions/$number"
                    params={{ orgId, planId, number: String(version.number) }}
                  >
                    {t('plans.versions.name', { number: version.number })}
                  </Link>
                ) : (
                  // A facilitator reads each version from the plan shared with them.
                  <Link
                    to="/facilitated-plans/$planId/versions/$number"
                    params={{ planId, number: String(version.number) }}
                  >
                    {t('plans.versions.name', { number: version.number })}
                  </Link>
                )}{' '}
                <Badge tone={version.kind === 'final' ? 'success' : 'info'}>
                  {t(`plans.versionKind.${version.kind}`)}
                </Badge>
              </p>
              {version.note && (
                <p>
                  <DataText>{version.note}</DataText>
                </p>
              )}
              <p className="field__hint">
                <DateText value={version.frozenAt} withTime />
                {version.frozenBy && (
                  <>
                    {t('plans.listSeparator')}
                    <DataText>{version.frozenBy.displayName}</DataText>
                  </>
                )}
              </p>
              {linked && version.number > 1 && (
                <p>
                  <Link
                    to="/orgs/$orgId/plans/$planId/compare"
                    params={{ orgId, planId }}
                    search={{ from: version.number - 1, to: version.number }}
                  >
                    {t('plans.versions.compareWithPrevious', { number: version.number, previous: version.number - 1 })}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
