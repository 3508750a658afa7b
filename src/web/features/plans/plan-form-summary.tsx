import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { planFieldId } from './plan-form-values.js';

/**
 * The problems above a plan form, focused after a failed save; each names its field (a step by its
 * number) and moves focus to it.
 */
export function PlanFormSummary({
  summaryRef,
  problems,
}: {
  summaryRef: RefObject<HTMLElement | null>;
  problems: [string, string][];
}) {
  const { t } = useTranslation();
  const labelOf = (path: string): string => {
    const step = /^steps\.(\d+)\.(\w+)$/.exec(path);
    if (step) {
      const field = t(`plans.steps.${(step[2] ?? 'text') as 'text'}`, { defaultValue: '' });
      return t('plans.form.stepField', { number: Number(step[1]) + 1, field });
    }
    const involve = /^involve\.(\w+)$/.exec(path);
    if (involve) return t(`plans.involve.${(involve[1] ?? 'colleagues') as 'colleagues'}`);
    const names: Record<string, string> = {
      title: t('plans.fields.title'),
      goal: t('plans.fields.goal'),
      aim: t('plans.fields.aim'),
      startsOn: t('plans.fields.startsOn'),
      steps: t('plans.fields.steps'),
      sheetItems: t('plans.fields.sheetItems'),
      scenes: t('plans.fields.scenes'),
      teamName: t('plans.fields.teamName'),
      memberIds: t('plans.fields.members'),
      visibility: t('plans.fields.visibility'),
      facilitatorId: t('plans.fields.facilitator'),
      followupMonths: t('plans.fields.followupMonths'),
      happened: t('plans.followup.happened'),
      gap: t('plans.followup.gap'),
      revisionNote: t('plans.followup.revisionNote'),
      stepResults: t('plans.followup.outcomes'),
    };
    return names[path] ?? t('plans.form.otherField');
  };

  return (
    <ErrorSummary
      summaryRef={summaryRef}
      id="plan-summary"
      title={t('plans.form.summaryTitle', { count: problems.length })}
      problems={problems}
      fieldId={planFieldId}
      labelOf={labelOf}
      colon={t('plans.colon')}
    />
  );
}
