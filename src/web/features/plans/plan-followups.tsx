import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { toIsoDay } from '../../lib/format.js';
import type { PlanDetail } from './plan-queries.js';

type Followup = PlanDetail['followups'][number];

/** The follow-up a person records next: the earliest still scheduled, while the plan is not final. */
export function nextFollowup(plan: PlanDetail): Followup | undefined {
  if (plan.status === 'final') return undefined;
  return [...plan.followups].sort((a, b) => a.sequence - b.sequence).find((f) => f.status === 'scheduled');
}

/**
 * The follow-ups (+6 and +12 months by default): each with its day and status; a recorded one
 * shows what happened, the gap and each step's outcome; the next one can be recorded.
 */
export function PlanFollowups({ plan, linked }: { plan: PlanDetail; linked: boolean }) {
  const { t } = useTranslation();
  const today = toIsoDay(new Date());
  const next = linked && plan.can.edit ? nextFollowup(plan) : undefined;
  const stepText = (id: string) => plan.draft.steps.find((s) => s.id === id)?.text ?? id;
  const followups = [...plan.followups].sort((a, b) => a.sequence - b.sequence);
  return (
    <section className="section" aria-labelledby="plan-followups">
      <h2 id="plan-followups" className="section__title">
        {t('plans.followups.title')}
      </h2>
      {followups.length === 0 ? (
        <p className="field__hint">{t('plans.followups.none')}</p>
      ) : (
        <ol className="plan-followups">
          {followups.map((followup) => {
            const isDue = followup.status === 'scheduled' && followup.dueOn <= today;
            return (
              <li key={followup.id} className="plan-followups__item">
                <h3 className="plan-followups__head">
                  {t('plans.followups.name', { sequence: followup.sequence, months: followup.months })}
                </h3>
                <p>
                  {t('plans.followups.dueOn')}
                  {t('plans.colon')}
                  <DateText value={followup.dueOn} />{' '}
                  <Badge tone={followup.status === 'done' ? 'success' : isDue ? 'warning' : 'neutral'}>
                    {isDue ? t('plans.followups.due') : t(`plans.followupStatus.${followup.status}`)}
                  </Badge>
                </p>
                {followup.status === 'done' && (
                  <dl className="summary-list">
                    <div>
                      <dt>{t('plans.followup.happened')}</dt>
                      <dd className="plan-view__multiline">
                        <DataText>{followup.happened}</DataText>
                      </dd>
                    </div>
                    {followup.gap && (
                      <div>
                        <dt>{t('plans.followup.gap')}</dt>
                        <dd className="plan-view__multiline">
                          <DataText>{followup.gap}</DataText>
                        </dd>
                      </div>
                    )}
                    {followup.stepResults.length > 0 && (
                      <div>
                        <dt>{t('plans.followup.outcomes')}</dt>
                        <dd>
                          <ul className="plan-view__list">
                            {followup.stepResults.map((result) => (
                              <li key={result.stepId}>
                                <DataText>{stepText(result.stepId)}</DataText>
                                {t('plans.colon')}
                                {t(`plans.stepStatus.${result.status}`)}
                                {result.comment && (
                                  <>
                                    {' — '}
                                    <DataText>{result.comment}</DataText>
                                  </>
                                )}
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    )}
                    {followup.revisionNote && (
                      <div>
                        <dt>{t('plans.followup.revisionNote')}</dt>
                        <dd className="plan-view__multiline">
                          <DataText>{followup.revisionNote}</DataText>
                        </dd>
                      </div>
                    )}
                    {followup.resultVersion !== null && (
                      <div>
                        <dt>{t('plans.followups.result')}</dt>
                        <dd>
                          {linked ? (
                            <Link
                              to="/orgs/$orgId/plans/$planId/versions/$number"
                              params={{ orgId: plan.orgId, planId: plan.id, number: String(followup.resultVersion) }}
                            >
                              {t('plans.versions.name', { number: followup.resultVersion })}
                            </Link>
                          ) : (
                            t('plans.versions.name', { number: followup.resultVersion })
                          )}
                        </dd>
                      </div>
                    )}
                  </dl>
                )}
                {next?.id === followup.id && (
                  <p>
                    <Link
                      to="/orgs/$orgId/plans/$planId/followups/$followupId"
                      params={{ orgId: plan.orgId, planId: plan.id, followupId: followup.id }}
                      className="button button--primary"
                    >
                      {t('plans.followups.record', { sequence: followup.sequence })}
                    </Link>
                    {!isDue && <span className="field__hint plan-followups__early">{t('plans.followups.early')}</span>}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
