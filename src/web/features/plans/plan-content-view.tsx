import { useTranslation } from 'react-i18next';
import type { PlanContent } from '../../../shared/plans/plan-schema.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { toIsoDay } from '../../lib/format.js';
import { involveKeys } from './plan-form-values.js';
import { isPastDay, useSceneName } from './plan-labels.js';
import './plans.css';

const finished = new Set(['done', 'sustained', 'standardised', 'abandoned']);

/**
 * A plan's content, read-only: the draft on the plan's page, a frozen version on its own page and
 * on paper. Overdue steps say so in words.
 */
export function PlanContentView({
  content,
  orgId,
  headingLevel = 2,
}: {
  content: PlanContent;
  /** Whose scene labels to use; null uses the default labels. */
  orgId: string | null;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const sceneName = useSceneName(orgId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const today = toIsoDay(new Date());
  const numberOf = (id: string) => content.steps.findIndex((s) => s.id === id) + 1;
  const involved = involveKeys.filter((key) => content.involve[key]);
  return (
    <div className="plan-view">
      <dl className="summary-list plan-view__facts">
        <div>
          <dt>{t('plans.fields.goal')}</dt>
          <dd className="plan-view__goal">
            <DataText>{content.goal}</DataText>
          </dd>
        </div>
        <div>
          <dt>{t('plans.fields.aim')}</dt>
          <dd>{t(`plans.aim.${content.aim}`)}</dd>
        </div>
        <div>
          <dt>{t('plans.fields.startsOn')}</dt>
          <dd>
            <DateText value={content.startsOn} />
          </dd>
        </div>
      </dl>

      <Heading>{t('plans.fields.steps')}</Heading>
      {content.steps.length === 0 ? (
        <p className="field__hint">{t('plans.steps.noneYet')}</p>
      ) : (
        <ol className="plan-view__steps">
          {content.steps.map((step, index) => {
            const isOverdue = isPastDay(step.dueOn, today) && !finished.has(step.status);
            return (
              <li key={step.id} className="plan-view__step">
                <p className="plan-view__step-text">
                  <span className="plan-view__step-number">{t('plans.steps.legend', { number: index + 1 })}</span>{' '}
                  <DataText>{step.text}</DataText>
                </p>
                <dl className="plan-view__step-facts">
                  <div>
                    <dt>{t('plans.steps.owner')}</dt>
                    <dd>{step.owner ? <DataText>{step.owner}</DataText> : t('common.notSet')}</dd>
                  </div>
                  <div>
                    <dt>{t('plans.steps.dueOn')}</dt>
                    <dd>
                      {step.dueOn ? <DateText value={step.dueOn} /> : t('common.notSet')}
                      {isOverdue && <span className="plan-overdue">{t('plans.steps.overdue')}</span>}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('plans.steps.status')}</dt>
                    <dd>{t(`plans.stepStatus.${step.status}`)}</dd>
                  </div>
                  {step.after.length > 0 && (
                    <div>
                      <dt>{t('plans.steps.after')}</dt>
                      <dd>
                        {step.after
                          .map((id) => t('plans.steps.afterOption', { number: numberOf(id) }))
                          .join(t('plans.listSeparator'))}
                      </dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      )}

      <Heading>{t('plans.fields.involve')}</Heading>
      {involved.length === 0 ? (
        <p className="field__hint">{t('plans.none')}</p>
      ) : (
        <dl className="summary-list">
          {involved.map((key) => (
            <div key={key}>
              <dt>{t(`plans.involve.${key}`)}</dt>
              <dd className="plan-view__multiline">
                <DataText>{content.involve[key]}</DataText>
              </dd>
            </div>
          ))}
        </dl>
      )}

      <Heading>{t('plans.form.linksSection')}</Heading>
      <dl className="summary-list">
        <div>
          <dt>{t('plans.fields.sheetItems')}</dt>
          <dd>
            {content.sheetItems.length === 0 ? (
              t('plans.none')
            ) : (
              <ul className="plan-view__list">
                {content.sheetItems.map((item) => (
                  <li key={item.itemKey}>
                    <DataText>{item.itemTitle}</DataText>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('plans.fields.scenes')}</dt>
          <dd>
            {content.scenes.length === 0 ? (
              t('plans.none')
            ) : (
              <ul className="plan-view__list">
                {content.scenes.map((id) => (
                  <li key={id}>{sceneName(id)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
