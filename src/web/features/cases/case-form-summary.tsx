import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { caseFieldId } from './case-form-values.js';

/**
 * The list of problems above the form, focused after a failed check; each entry names its field and
 * moves focus to it.
 */
export function CaseFormSummary({
  summaryRef,
  problems,
}: {
  summaryRef: RefObject<HTMLElement | null>;
  problems: [string, string][];
}) {
  const { t } = useTranslation();
  const labelOf = (path: string): string => {
    const effect = /^effects\.(\d+)\.(\w+)$/.exec(path);
    if (effect) {
      const names: Record<string, string> = {
        kind: t('cases.form.effectKind'),
        label: t('cases.form.effectLabel'),
        unit: t('cases.form.effectUnit'),
        target: t('cases.form.effectTarget'),
        actual: t('cases.form.effectActual'),
        note: t('cases.form.effectNote'),
      };
      return t('cases.form.effectsField', { number: Number(effect[1]) + 1, field: names[effect[2] ?? ''] ?? '' });
    }
    const names: Record<string, string> = {
      title: t('cases.fields.title'),
      problem: t('cases.fields.problem'),
      action: t('cases.fields.action'),
      result: t('cases.fields.result'),
      remaining: t('cases.fields.remaining'),
      happenedOn: t('cases.fields.happenedOn'),
      departmentId: t('cases.fields.department'),
      sceneId: t('cases.fields.scene'),
      policyField: t('cases.fields.policyField'),
      method: t('cases.fields.method'),
      tags: t('cases.fields.tags'),
      reporterIds: t('cases.fields.reporters'),
      costYen: t('cases.fields.costYen'),
      costNote: t('cases.fields.costNote'),
      sharing: t('cases.fields.sharing'),
      internalFields: t('cases.fields.sharing'),
      adoptedFromId: t('cases.fields.adoptedFrom'),
    };
    return names[path] ?? path;
  };

  return (
    <ErrorSummary
      summaryRef={summaryRef}
      id="case-summary-title"
      title={t('cases.form.summaryTitle', { count: problems.length })}
      problems={problems}
      fieldId={caseFieldId}
      labelOf={labelOf}
      colon={t('cases.colon')}
    />
  );
}
