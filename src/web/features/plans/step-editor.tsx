import { useTranslation } from 'react-i18next';
import { maxSteps, stepStatuses } from '../../../shared/plans/plan-schema.js';
import { Button } from '../../components/button.js';
import { SelectField, TextField } from '../../components/form-field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { newStep, planFieldId, type StepRow } from './plan-form-values.js';

interface StepEditorProps {
  steps: StepRow[];
  onChange: (steps: StepRow[]) => void;
  errors: FieldErrors;
  /** Ids the plan used before (in earlier versions), never handed to a new step. */
  takenIds?: readonly string[];
}

/**
 * The steps of a plan, one fieldset per step: what, who, by when, its status and which steps must
 * come first. Steps are added, removed and moved up or down; each keeps its id (s1, s2…).
 */
export function StepEditor({ steps, onChange, errors, takenIds = [] }: StepEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<StepRow>) =>
    onChange(steps.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const add = () => {
    onChange([...steps, newStep(steps, takenIds)]);
    focus(planFieldId(`steps.${steps.length}.text`));
  };
  const remove = (index: number) => {
    const removed = steps[index];
    // No step may wait for one that is gone.
    onChange(
      steps
        .filter((_, i) => i !== index)
        .map((row) => ({ ...row, after: row.after.filter((id) => id !== removed?.id) })),
    );
    focus('plan-steps-add');
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= steps.length) return;
    const next = [...steps];
    const [row] = next.splice(index, 1);
    if (row) next.splice(target, 0, row);
    onChange(next);
    focus(`plan-step-${row?.id}-${by < 0 ? 'up' : 'down'}`);
  };
  const numberOf = (id: string) => steps.findIndex((s) => s.id === id) + 1;

  return (
    <div className="stack">
      {steps.length === 0 && <p className="field__hint">{t('plans.steps.none')}</p>}
      {steps.length > 0 && (
        <ol className="plan-steps">
          {steps.map((step, index) => {
            const number = index + 1;
            const path = (field: string) => `steps.${index}.${field}`;
            const others = steps.filter((s) => s.id !== step.id);
            const afterError = errors[path('after')];
            return (
              <li key={step.id}>
                <fieldset className="plan-step" id={planFieldId(`steps.${index}`)}>
                  <legend>{t('plans.steps.legend', { number })}</legend>
                  <TextField
                    id={planFieldId(path('text'))}
                    label={t('plans.steps.text')}
                    required
                    maxLength={300}
                    value={step.text}
                    onChange={(event) => set(index, { text: event.target.value })}
                    error={errors[path('text')]}
                  />
                  <div className="plan-step__grid">
                    <TextField
                      id={planFieldId(path('owner'))}
                      label={t('plans.steps.owner')}
                      hint={t('plans.steps.ownerHint')}
                      maxLength={60}
                      value={step.owner}
                      onChange={(event) => set(index, { owner: event.target.value })}
                      error={errors[path('owner')]}
                    />
                    <TextField
                      id={planFieldId(path('dueOn'))}
                      label={t('plans.steps.dueOn')}
                      type="date"
                      value={step.dueOn}
                      onChange={(event) => set(index, { dueOn: event.target.value })}
                      error={errors[path('dueOn')]}
                    />
                    <SelectField
                      id={planFieldId(path('status'))}
                      label={t('plans.steps.status')}
                      value={step.status}
                      onChange={(event) => set(index, { status: event.target.value as StepRow['status'] })}
                      error={errors[path('status')]}
                    >
                      {stepStatuses.map((status) => (
                        <option key={status} value={status}>
                          {t(`plans.stepStatus.${status}`)}
                        </option>
                      ))}
                    </SelectField>
                  </div>
                  {others.length > 0 && (
                    <fieldset
                      className={['field', 'fieldset', afterError ? 'field--error' : ''].filter(Boolean).join(' ')}
                      id={planFieldId(path('after'))}
                    >
                      <legend className="field__label">{t('plans.steps.after')}</legend>
                      <div className="plan-choices">
                        {others.map((other) => (
                          <label key={other.id} className="plan-choice">
                            <input
                              type="checkbox"
                              checked={step.after.includes(other.id)}
                              aria-invalid={afterError ? true : undefined}
                              onChange={(event) =>
                                set(index, {
                                  after: event.target.checked
                                    ? [...step.after, other.id]
                                    : step.after.filter((id) => id !== other.id),
                                })
                              }
                            />
                            <span>{t('plans.steps.afterOption', { number: numberOf(other.id) })}</span>
                          </label>
                        ))}
                      </div>
                      {afterError && <p className="field__error">{afterError}</p>}
                    </fieldset>
                  )}
                  <div className="button-row button-row--tight">
                    <Button
                      size="sm"
                      variant="tertiary"
                      id={`plan-step-${step.id}-up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      {t('plans.steps.moveUp', { number })}
                    </Button>
                    <Button
                      size="sm"
                      variant="tertiary"
                      id={`plan-step-${step.id}-down`}
                      disabled={index === steps.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      {t('plans.steps.moveDown', { number })}
                    </Button>
                    <Button size="sm" variant="tertiary" className="button--danger-text" onClick={() => remove(index)}>
                      {t('plans.steps.remove', { number })}
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {steps.length < maxSteps && (
        <div>
          <Button id="plan-steps-add" onClick={add}>
            {t('plans.steps.add')}
          </Button>
        </div>
      )}
    </div>
  );
}
