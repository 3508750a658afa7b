import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import type { FieldErrors } from '../../lib/validation.js';
import { PlanContentFields } from './plan-content-fields.js';
import { PlanFormSummary } from './plan-form-summary.js';
import {
  type ContentValues,
  checkContent,
  checkSettings,
  planFieldErrorsFrom,
  type SettingsValues,
} from './plan-form-values.js';
import { PlanSettingsFields } from './plan-settings-fields.js';
import '../cases/cases.css';
import './plans.css';

export interface PlanFormValues {
  content: ContentValues;
  settings: SettingsValues;
}

interface PlanFormProps {
  orgId: string;
  initial: PlanFormValues;
  isNew: boolean;
  keeperId?: string | undefined;
  takenIds?: readonly string[];
  /** The follow-ups are already scheduled (a 時点版 exists). */
  scheduleFixed?: boolean;
  submitLabel: string;
  cancel: ReactNode;
  /** Saves the plan; a rejection with field errors is shown at the fields. */
  onSave: (values: PlanFormValues) => Promise<void>;
}

/** The plan editor, for a new plan and for its draft: the content, then who owns and sees it. */
export function PlanForm({
  orgId,
  initial,
  isNew,
  keeperId,
  takenIds,
  scheduleFixed,
  submitLabel,
  cancel,
  onSave,
}: PlanFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describe = useErrorText();
  const summaryRef = useRef<HTMLElement>(null);
  const [values, setValues] = useState<PlanFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const showProblems = (found: FieldErrors) => {
    setErrors(found);
    if (Object.keys(found).length > 0) requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...checkContent(values.content, t), ...checkSettings(values.settings, t) };
    showProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave(values);
    } catch (error) {
      const fields = planFieldErrorsFrom(error, language, t);
      if (Object.keys(fields).length > 0) showProblems(fields);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const problems = Object.entries(errors);
  return (
    <form className="form form--wide plan-form" onSubmit={(event) => void submit(event)} noValidate>
      {problems.length > 0 && <PlanFormSummary summaryRef={summaryRef} problems={problems} />}
      {failure !== null && <Alert tone="error">{describe(failure)}</Alert>}
      <PlanContentFields
        orgId={orgId}
        values={values.content}
        onChange={(patch) => setValues((current) => ({ ...current, content: { ...current.content, ...patch } }))}
        errors={errors}
        takenIds={takenIds}
      />
      <PlanSettingsFields
        orgId={orgId}
        values={values.settings}
        onChange={(patch) => setValues((current) => ({ ...current, settings: { ...current.settings, ...patch } }))}
        errors={errors}
        isNew={isNew}
        keeperId={keeperId}
        scheduleFixed={scheduleFixed}
      />
      {problems.length > 0 && (
        <p className="field__error" role="status">
          {t('plans.form.fixBelow', { count: problems.length })}
        </p>
      )}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={saving} busyLabel={t('common.saving')}>
          {submitLabel}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
