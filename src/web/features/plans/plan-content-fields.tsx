import { useTranslation } from 'react-i18next';
import { planAims } from '../../../shared/plans/plan-schema.js';
import { TextAreaField, TextField } from '../../components/form-field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { type ContentValues, involveKeys, planFieldId } from './plan-form-values.js';
import { ScenesPicker } from './scenes-picker.js';
import { SheetItemsEditor } from './sheet-items-editor.js';
import { StepEditor } from './step-editor.js';

interface PlanContentFieldsProps {
  orgId: string;
  values: ContentValues;
  onChange: (patch: Partial<ContentValues>) => void;
  errors: FieldErrors;
  /** Step ids earlier versions used, never handed to a new step. */
  takenIds?: readonly string[];
  /** Heading level of the sections: 2 on the editor, 3 inside the follow-up form. */
  level?: 2 | 3;
}

/** What a plan says, as fields: used by the plan editor and, for the revised plan, by a follow-up. */
export function PlanContentFields({
  orgId,
  values,
  onChange,
  errors,
  takenIds = [],
  level = 2,
}: PlanContentFieldsProps) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  const aimError = errors.aim;
  return (
    <>
      <section className="plan-form__section" aria-labelledby={`plan-form-goal-${level}`}>
        <Heading id={`plan-form-goal-${level}`}>{t('plans.form.goalSection')}</Heading>
        <TextField
          id={planFieldId('title')}
          label={t('plans.fields.title')}
          required
          maxLength={100}
          value={values.title}
          onChange={(event) => onChange({ title: event.target.value })}
          error={errors.title}
        />
        <TextAreaField
          id={planFieldId('goal')}
          label={t('plans.fields.goal')}
          hint={t('plans.form.goalHint')}
          required
          rows={2}
          maxLength={500}
          value={values.goal}
          onChange={(event) => onChange({ goal: event.target.value })}
          error={errors.goal}
        />
        <fieldset
          className={['field', 'fieldset', aimError ? 'field--error' : ''].filter(Boolean).join(' ')}
          id={planFieldId('aim')}
        >
          <legend className="field__label">{t('plans.fields.aim')}</legend>
          <div className="plan-choices">
            {planAims.map((aim) => (
              <label key={aim} className="plan-choice plan-choice--block">
                <input
                  type="radio"
                  name={`plan-aim-${level}`}
                  value={aim}
                  checked={values.aim === aim}
                  onChange={() => onChange({ aim })}
                />
                <span>
                  <strong>{t(`plans.aim.${aim}`)}</strong>
                  <span className="plan-choice__hint">{t(`plans.aimHint.${aim}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {aimError && <p className="field__error">{aimError}</p>}
        </fieldset>
        <TextField
          id={planFieldId('startsOn')}
          label={t('plans.fields.startsOn')}
          type="date"
          required
          fieldClassName="field--narrow"
          value={values.startsOn}
          onChange={(event) => onChange({ startsOn: event.target.value })}
          error={errors.startsOn}
        />
      </section>

      <section className="plan-form__section" aria-labelledby={`plan-form-steps-${level}`}>
        <Heading id={`plan-form-steps-${level}`}>{t('plans.fields.steps')}</Heading>
        <p className="field__hint">{t('plans.form.stepsHint')}</p>
        <StepEditor
          steps={values.steps}
          onChange={(steps) => onChange({ steps })}
          errors={errors}
          takenIds={takenIds}
        />
      </section>

      <section className="plan-form__section" aria-labelledby={`plan-form-involve-${level}`}>
        <Heading id={`plan-form-involve-${level}`}>{t('plans.fields.involve')}</Heading>
        <p className="field__hint">{t('plans.form.involveHint')}</p>
        <div className="plan-involve">
          {involveKeys.map((key) => (
            <TextAreaField
              key={key}
              id={planFieldId(`involve.${key}`)}
              label={t(`plans.involve.${key}`)}
              rows={2}
              maxLength={500}
              value={values.involve[key]}
              onChange={(event) => onChange({ involve: { ...values.involve, [key]: event.target.value } })}
              error={errors[`involve.${key}`]}
            />
          ))}
        </div>
      </section>

      <section className="plan-form__section" aria-labelledby={`plan-form-links-${level}`}>
        <Heading id={`plan-form-links-${level}`}>{t('plans.form.linksSection')}</Heading>
        <SheetItemsEditor
          orgId={orgId}
          values={values}
          onChange={onChange}
          error={errors.sheetItems}
          takenIds={takenIds}
        />
        <ScenesPicker
          orgId={orgId}
          value={values.scenes}
          onChange={(scenes) => onChange({ scenes })}
          error={errors.scenes}
        />
      </section>
    </>
  );
}
