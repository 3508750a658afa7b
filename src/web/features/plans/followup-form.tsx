import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FollowupInput,
  followupStepStatuses,
  type PlanStep,
  type StepResult,
} from '../../../shared/plans/plan-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import type { FieldErrors } from '../../lib/validation.js';
import { PlanContentFields } from './plan-content-fields.js';
import { PlanFormSummary } from './plan-form-summary.js';
import {
  type ContentValues,
  checkContent,
  contentFromPlan,
  contentInput,
  planFieldErrorsFrom,
  planFieldId,
} from './plan-form-values.js';
import type { PlanDetail } from './plan-queries.js';
import '../cases/cases.css';

type Outcome = StepResult['status'];

function startingOutcome(status: string): Outcome {
  return (followupStepStatuses as readonly string[]).includes(status) ? (status as Outcome) : 'in_progress';
}

/**
 * The follow-up form: what happened and the gap between plan and reality, each step's outcome
 * (定着・標準化・中止…), the revision note, and the revised plan, which becomes the next version.
 * A step's outcome is carried into the revised plan's status, which can still be changed there.
 */
export function FollowupForm({
  orgId,
  plan,
  reviewedSteps,
  cancel,
  onSave,
}: {
  orgId: string;
  plan: PlanDetail;
  /** The steps of the version under review, whose outcomes are recorded. */
  reviewedSteps: PlanStep[];
  cancel: ReactNode;
  onSave: (input: FollowupInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describe = useErrorText();
  const summaryRef = useRef<HTMLElement>(null);
  const reviewed = reviewedSteps;
  const [happened, setHappened] = useState('');
  const [gap, setGap] = useState('');
  const [revisionNote, setRevisionNote] = useState('');
  const [results, setResults] = useState<StepResult[]>(
    reviewed.map((step) => ({ stepId: step.id, status: startingOutcome(step.status), comment: '' })),
  );
  const [revised, setRevised] = useState<ContentValues>(() => contentFromPlan(plan.draft));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const setResult = (index: number, patch: Partial<StepResult>) => {
    const current = results[index];
    setResults(results.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    if (current && patch.status) {
      const status = patch.status;
      setRevised((values) => ({
        ...values,
        steps: values.steps.map((s) => (s.id === current.stepId ? { ...s, status } : s)),
      }));
    }
  };
  const showProblems = (found: FieldErrors) => {
    setErrors(found);
    if (Object.keys(found).length > 0) requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = { ...checkContent(revised, t) };
    if (!happened.trim()) found.happened = t('fieldErrors.required');
    showProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave({
        happened: happened.trim(),
        gap: gap.trim(),
        revisionNote: revisionNote.trim(),
        stepResults: results.map((r) => ({ ...r, comment: r.comment.trim() })),
        revised: contentInput(revised),
      });
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
      <section className="plan-form__section" aria-labelledby="followup-review">
        <h2 id="followup-review">{t('plans.followup.reviewSection')}</h2>
        <TextAreaField
          id={planFieldId('happened')}
          label={t('plans.followup.happened')}
          hint={t('plans.followup.happenedHint')}
          required
          rows={4}
          maxLength={2000}
          value={happened}
          onChange={(event) => setHappened(event.target.value)}
          error={errors.happened}
        />
        <TextAreaField
          id={planFieldId('gap')}
          label={t('plans.followup.gap')}
          hint={t('plans.followup.gapHint')}
          rows={3}
          maxLength={2000}
          value={gap}
          onChange={(event) => setGap(event.target.value)}
          error={errors.gap}
        />
      </section>
      <section className="plan-form__section" aria-labelledby="followup-outcomes">
        <h2 id="followup-outcomes">{t('plans.followup.outcomes')}</h2>
        {reviewed.length === 0 && <p className="field__hint">{t('plans.steps.noneYet')}</p>}
        <ol className="plan-steps" id={planFieldId('stepResults')}>
          {reviewed.map((step, index) => (
            <li key={step.id}>
              <fieldset className="plan-step">
                <legend>
                  {t('plans.steps.legend', { number: index + 1 })} <DataText>{step.text}</DataText>
                </legend>
                <div className="plan-step__grid">
                  <SelectField
                    label={t('plans.followup.outcome')}
                    value={results[index]?.status ?? 'in_progress'}
                    onChange={(event) => setResult(index, { status: event.target.value as Outcome })}
                  >
                    {followupStepStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t(`plans.stepStatus.${status}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label={t('plans.followup.outcomeComment')}
                    maxLength={300}
                    value={results[index]?.comment ?? ''}
                    onChange={(event) => setResult(index, { comment: event.target.value })}
                  />
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <TextAreaField
          id={planFieldId('revisionNote')}
          label={t('plans.followup.revisionNote')}
          hint={t('plans.followup.revisionNoteHint')}
          rows={3}
          maxLength={2000}
          value={revisionNote}
          onChange={(event) => setRevisionNote(event.target.value)}
          error={errors.revisionNote}
        />
      </section>
      <section className="plan-form__section plan-form__revised" aria-labelledby="followup-revised">
        <h2 id="followup-revised">{t('plans.followup.revised')}</h2>
        <p className="field__hint">{t('plans.followup.revisedHint')}</p>
        <PlanContentFields
          orgId={orgId}
          values={revised}
          onChange={(patch) => setRevised((current) => ({ ...current, ...patch }))}
          errors={errors}
          takenIds={plan.usedStepIds}
          level={3}
        />
      </section>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={saving} busyLabel={t('common.saving')}>
          {t('plans.followup.save', { number: plan.versions + 1 })}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
