import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseMethod,
  caseMethods,
  caseSharings,
  type InternalField,
  type PolicyField,
  policyFields,
} from '../../../shared/cases/case-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import type { FieldErrors } from '../../lib/validation.js';
import { departmentsQueryOptions } from '../departments/department-queries.js';
import { indentDepartments } from '../rounds/department-options.js';
import { AdoptedFromPicker } from './adopted-from-picker.js';
import { CaseFormSummary } from './case-form-summary.js';
import { type CaseFormValues, caseFieldErrorsFrom, caseFieldId, checkCaseForm } from './case-form-values.js';
import { EffectsEditor } from './effects-editor.js';
import { InternalToggle } from './internal-toggle.js';
import { ReporterPicker } from './reporter-picker.js';
import { ScenePicker } from './scene-picker.js';
import { TagInput } from './tag-input.js';
import '../rounds/rounds.css';

interface CaseFormProps {
  orgId: string;
  /** The case being edited; absent for a new one. */
  caseId?: string | undefined;
  initial: CaseFormValues;
  submitLabel: string;
  cancel: ReactNode;
  /** Saves the case; a rejection with field errors is shown at the fields. */
  onSave: (values: CaseFormValues) => Promise<void>;
}

/** The report form, for a new case and for editing one: the same fields, sections and checks. */
export function CaseForm({ orgId, caseId, initial, submitLabel, cancel, onSave }: CaseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describe = useErrorText();
  const { form, errors, setErrors } = useFieldErrors();
  const summaryRef = useRef<HTMLElement>(null);
  const [values, setValues] = useState<CaseFormValues>(initial);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const departments = useQuery(departmentsQueryOptions(orgId));
  const set = (patch: Partial<CaseFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const showProblems = (found: FieldErrors) => {
    setErrors(found);
    if (Object.keys(found).length > 0) requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkCaseForm(values, t);
    showProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave(values);
    } catch (error) {
      const fields = caseFieldErrorsFrom(error, language, t);
      if (Object.keys(fields).length > 0) showProblems(fields);
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const internal = (field: InternalField, label: string) => (
    <InternalToggle
      field={field}
      label={label}
      checked={values.internalFields.includes(field)}
      onChange={(checked) =>
        set({
          internalFields: checked
            ? [...values.internalFields, field]
            : values.internalFields.filter((x) => x !== field),
        })
      }
    />
  );

  const problems = Object.entries(errors);
  const departmentOptions = indentDepartments(departments.data ?? []);

  return (
    <form ref={form} className="form form--wide" onSubmit={(event) => void submit(event)} noValidate>
      {problems.length > 0 && <CaseFormSummary summaryRef={summaryRef} problems={problems} />}
      {failure !== null && <Alert tone="error">{describe(failure)}</Alert>}

      <section className="case-form__section" aria-labelledby="case-form-basics">
        <h2 id="case-form-basics">{t('cases.form.basics')}</h2>
        <TextField
          id={caseFieldId('title')}
          label={t('cases.fields.title')}
          hint={t('cases.form.titleHint')}
          required
          maxLength={100}
          value={values.title}
          onChange={(event) => set({ title: event.target.value })}
          error={errors.title}
        />
        <div className="form-row">
          <TextField
            id={caseFieldId('happenedOn')}
            label={t('cases.fields.happenedOn')}
            type="date"
            required
            value={values.happenedOn}
            onChange={(event) => set({ happenedOn: event.target.value })}
            error={errors.happenedOn}
          />
          <div className="case-field-with-internal">
            <SelectField
              id={caseFieldId('departmentId')}
              label={t('cases.fields.department')}
              value={values.departmentId}
              onChange={(event) => set({ departmentId: event.target.value })}
              error={errors.departmentId}
            >
              <option value="">{t('cases.form.departmentNone')}</option>
              {departmentOptions.map((option) => (
                <option key={option.id} value={option.id}>
                  {`${'\u3000'.repeat(option.depth)}${option.name}`}
                </option>
              ))}
            </SelectField>
            {internal('department', t('cases.fields.department'))}
          </div>
        </div>
      </section>

      <section className="case-form__section" aria-labelledby="case-form-story">
        <h2 id="case-form-story">{t('cases.form.story')}</h2>
        {(
          [
            ['problem', t('cases.form.problemHint'), 4000],
            ['action', t('cases.form.actionHint'), 4000],
            ['result', t('cases.form.resultHint'), 4000],
            ['remaining', undefined, 2000],
          ] as const
        ).map(([field, hint, max]) => (
          <div key={field} className="case-field-with-internal">
            <TextAreaField
              id={caseFieldId(field)}
              label={t(`cases.fields.${field}`)}
              hint={hint}
              rows={field === 'remaining' ? 3 : 5}
              maxLength={max}
              value={values[field]}
              onChange={(event) => set({ [field]: event.target.value })}
              error={errors[field]}
            />
            {internal(field, t(`cases.fields.${field}`))}
          </div>
        ))}
      </section>

      <section className="case-form__section" aria-labelledby="case-form-placing">
        <h2 id="case-form-placing">{t('cases.form.placing')}</h2>
        <ScenePicker
          orgId={orgId}
          value={values.sceneId}
          onChange={(sceneId) => set({ sceneId })}
          error={errors.sceneId}
        />
        <SelectField
          id={caseFieldId('policyField')}
          label={t('cases.fields.policyField')}
          value={values.policyField}
          onChange={(event) => set({ policyField: event.target.value as PolicyField | '' })}
          error={errors.policyField}
        >
          <option value="">{t('cases.form.policyFieldNone')}</option>
          {policyFields.map((field) => (
            <option key={field} value={field}>
              {t(`cases.policyFields.${field}`)}
            </option>
          ))}
        </SelectField>
        <fieldset className="field fieldset" id={caseFieldId('method')}>
          <legend className="field__label">{t('cases.fields.method')}</legend>
          <div className="case-choices">
            {[...caseMethods, ''].map((method) => (
              <label key={method || 'none'} className="case-choice">
                <input
                  type="radio"
                  name="method"
                  value={method}
                  checked={values.method === method}
                  onChange={() => set({ method: method as CaseMethod | '' })}
                />
                <span>{method ? t(`cases.methods.${method as CaseMethod}`) : t('cases.form.methodNone')}</span>
              </label>
            ))}
          </div>
          {errors.method && <p className="field__error">{errors.method}</p>}
        </fieldset>
        <TagInput orgId={orgId} value={values.tags} onChange={(tags) => set({ tags })} error={errors.tags} />
      </section>

      <section className="case-form__section" aria-labelledby="case-form-team">
        <h2 id="case-form-team">{t('cases.fields.reporters')}</h2>
        <div
          className={['field', errors.reporterIds ? 'field--error' : ''].filter(Boolean).join(' ')}
          id={caseFieldId('reporterIds')}
        >
          <p className="field__hint">{t('cases.form.reportersHint')}</p>
          {values.reporters.length > 0 && (
            <ul aria-label={t('cases.form.reportersCurrent')}>
              {values.reporters.map((r) => (
                <li key={r.userId}>
                  <DataText>{r.displayName}</DataText>
                </li>
              ))}
            </ul>
          )}
          <ReporterPicker orgId={orgId} selected={values.reporters} onChange={(reporters) => set({ reporters })} />
          {errors.reporterIds && <p className="field__error">{errors.reporterIds}</p>}
        </div>
        {internal('reporters', t('cases.fields.reporters'))}
      </section>

      <section className="case-form__section" aria-labelledby="case-form-effects">
        <h2 id="case-form-effects">{t('cases.fields.effects')}</h2>
        <p className="case-note">{t('cases.form.effectsLead')}</p>
        <EffectsEditor rows={values.effects} onChange={(effects) => set({ effects })} errors={errors} />
        {internal('effects', t('cases.fields.effects'))}
        <div className="form-row">
          <TextField
            id={caseFieldId('costYen')}
            label={t('cases.fields.costYen')}
            hint={t('cases.form.costHint')}
            inputMode="numeric"
            value={values.costYen}
            onChange={(event) => set({ costYen: event.target.value })}
            error={errors.costYen}
          />
          <TextField
            id={caseFieldId('costNote')}
            label={t('cases.fields.costNote')}
            maxLength={200}
            value={values.costNote}
            onChange={(event) => set({ costNote: event.target.value })}
            error={errors.costNote}
          />
        </div>
        {internal('cost', t('cases.fields.cost'))}
      </section>

      <section className="case-form__section" aria-labelledby="case-form-adoption">
        <h2 id="case-form-adoption">{t('cases.adoption.label')}</h2>
        <AdoptedFromPicker
          orgId={orgId}
          caseId={caseId}
          inputId={caseFieldId('adoptedFromId')}
          value={values.adoptedFrom}
          onChange={(adoptedFrom) => set({ adoptedFrom })}
          error={errors.adoptedFromId}
        />
      </section>

      <section className="case-form__section" aria-labelledby="case-form-sharing">
        <h2 id="case-form-sharing">{t('cases.fields.sharing')}</h2>
        <fieldset className="field fieldset" id={caseFieldId('sharing')}>
          <legend className="field__label">{t('cases.form.sharingLead')}</legend>
          <div className="choice-list">
            {caseSharings.map((sharing) => (
              <label key={sharing} className="choice">
                <input
                  type="radio"
                  name="sharing"
                  className="choice__input"
                  value={sharing}
                  checked={values.sharing === sharing}
                  onChange={() => set({ sharing })}
                />
                <span className="choice__text">
                  <span className="choice__label">{t(`cases.sharing.${sharing}`)}</span>
                  <span className="choice__hint">{t(`cases.sharingHint.${sharing}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.sharing && <p className="field__error">{errors.sharing}</p>}
        </fieldset>
      </section>

      <div className="button-row">
        <Button type="submit" variant="primary" busy={saving} busyLabel={t('cases.form.saving')}>
          {submitLabel}
        </Button>
        {cancel}
      </div>
    </form>
  );
}
