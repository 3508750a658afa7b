import { useTranslation } from 'react-i18next';
import { type EffectKind, effectKinds } from '../../../shared/cases/case-schema.js';
import { Button } from '../../components/button.js';
import { SelectField, TextField } from '../../components/form-field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { caseFieldId, type EffectRow, newEffectRow } from './case-form-values.js';

const maxEffects = 10;

/** The measured effects: a row per effect (kind, what was measured, target and actual), added and removed freely. */
export function EffectsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: EffectRow[];
  onChange: (rows: EffectRow[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<EffectRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    // Focus would be lost with the removed row's button; the add button is the next sensible place.
    requestAnimationFrame(() => document.getElementById('case-effects-add')?.focus());
  };
  const add = () => {
    onChange([...rows, newEffectRow()]);
    requestAnimationFrame(() => document.getElementById(caseFieldId(`effects.${rows.length}.kind`))?.focus());
  };
  const unitOf = (kind: EffectKind) => t(`cases.effectUnits.${kind}`);
  return (
    <div className="stack">
      {rows.length === 0 && <p className="case-note">{t('cases.form.effectsNone')}</p>}
      {rows.length > 0 && (
        <ol className="case-effects">
          {rows.map((row, index) => {
            const number = index + 1;
            const path = (field: string) => `effects.${index}.${field}`;
            const unit = row.kind === 'other' ? row.unit : unitOf(row.kind);
            const withUnit = (label: string) => (unit ? t('cases.form.withUnit', { label, unit }) : label);
            return (
              <li key={row.key}>
                <fieldset className="case-effect">
                  <legend>{t('cases.form.effect', { number })}</legend>
                  <div className="case-effect__grid">
                    <SelectField
                      id={caseFieldId(path('kind'))}
                      label={t('cases.form.effectKind')}
                      value={row.kind}
                      onChange={(event) => set(index, { kind: event.target.value as EffectKind })}
                      error={errors[path('kind')]}
                    >
                      {effectKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`cases.effectKinds.${kind}`)}
                        </option>
                      ))}
                    </SelectField>
                    <TextField
                      id={caseFieldId(path('label'))}
                      label={t('cases.form.effectLabel')}
                      hint={row.kind === 'other' ? t('cases.form.effectLabelHint') : undefined}
                      required={row.kind === 'other'}
                      maxLength={60}
                      value={row.label}
                      onChange={(event) => set(index, { label: event.target.value })}
                      error={errors[path('label')]}
                    />
                    {row.kind === 'other' && (
                      <TextField
                        id={caseFieldId(path('unit'))}
                        label={t('cases.form.effectUnit')}
                        maxLength={20}
                        value={row.unit}
                        onChange={(event) => set(index, { unit: event.target.value })}
                        error={errors[path('unit')]}
                      />
                    )}
                    <TextField
                      id={caseFieldId(path('target'))}
                      label={withUnit(t('cases.form.effectTarget'))}
                      inputMode="decimal"
                      value={row.target}
                      onChange={(event) => set(index, { target: event.target.value })}
                      error={errors[path('target')]}
                    />
                    <TextField
                      id={caseFieldId(path('actual'))}
                      label={withUnit(t('cases.form.effectActual'))}
                      inputMode="decimal"
                      value={row.actual}
                      onChange={(event) => set(index, { actual: event.target.value })}
                      error={errors[path('actual')]}
                    />
                  </div>
                  <TextField
                    id={caseFieldId(path('note'))}
                    label={t('cases.form.effectNote')}
                    maxLength={200}
                    value={row.note}
                    onChange={(event) => set(index, { note: event.target.value })}
                    error={errors[path('note')]}
                  />
                  <Button variant="tertiary" size="sm" className="case-effect__remove" onClick={() => remove(index)}>
                    {t('cases.form.effectRemove', { number })}
                  </Button>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {rows.length < maxEffects && (
        <Button id="case-effects-add" onClick={add}>
          {t('cases.form.effectAdd')}
        </Button>
      )}
    </div>
  );
}
