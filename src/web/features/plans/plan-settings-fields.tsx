import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { planVisibilities } from '../../../shared/plans/plan-schema.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { QueryError } from '../../components/query-error.js';
import { useMe } from '../../lib/session.js';
import type { FieldErrors } from '../../lib/validation.js';
import { planFieldId, type SettingsValues } from './plan-form-values.js';
import { planPeopleQueryOptions } from './plan-queries.js';

interface PlanSettingsFieldsProps {
  orgId: string;
  values: SettingsValues;
  onChange: (patch: Partial<SettingsValues>) => void;
  errors: FieldErrors;
  /** The owner kind is chosen once, when the plan is made. */
  isNew: boolean;
  /** Whoever keeps the plan; not offered as a member of their own team. */
  keeperId?: string | undefined;
  /** The follow-ups were scheduled at the first 時点版: their months are shown, not edited. */
  scheduleFixed?: boolean;
}

const maxFollowups = 4;

/** Who the plan belongs to, who may see it, and when it is followed up. */
export function PlanSettingsFields({
  orgId,
  values,
  onChange,
  errors,
  isNew,
  keeperId,
  scheduleFixed = false,
}: PlanSettingsFieldsProps) {
  const { t } = useTranslation();
  const me = useMe();
  const people = useQuery(planPeopleQueryOptions(orgId));
  const keeper = keeperId ?? me.id;
  const colleagues = (people.data?.people ?? []).filter((p) => p.id !== keeper);
  const facilitators = (people.data?.people ?? []).filter((p) => p.isFacilitator && p.id !== keeper);
  const isTeam = values.ownerKind === 'team';

  return (
    <section className="plan-form__section" aria-labelledby="plan-form-settings">
      <h2 id="plan-form-settings">{t('plans.form.settingsSection')}</h2>
      {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
      <fieldset className="field fieldset" id={planFieldId('ownerKind')}>
        <legend className="field__label">{t('plans.fields.ownerKind')}</legend>
        <div className="plan-choices">
          {(['person', 'team'] as const).map((kind) => (
            <label key={kind} className="plan-choice">
              <input
                type="radio"
                name="plan-owner-kind"
                value={kind}
                checked={values.ownerKind === kind}
                disabled={!isNew}
                onChange={() => onChange({ ownerKind: kind })}
              />
              <span>{t(`plans.ownerKind.${kind}`)}</span>
            </label>
          ))}
        </div>
        {!isNew && <p className="field__hint">{t('plans.form.ownerKindFixed')}</p>}
      </fieldset>
      {isTeam && (
        <>
          <TextField
            id={planFieldId('teamName')}
            label={t('plans.fields.teamName')}
            hint={t('plans.form.teamNameHint')}
            required
            maxLength={100}
            value={values.teamName}
            onChange={(event) => onChange({ teamName: event.target.value })}
            error={errors.teamName}
          />
          <fieldset
            className={['field', 'fieldset', errors.memberIds ? 'field--error' : ''].filter(Boolean).join(' ')}
            id={planFieldId('memberIds')}
          >
            <legend className="field__label">{t('plans.fields.members')}</legend>
            <p className="field__hint">{t('plans.form.membersHint')}</p>
            <div className="plan-choices plan-choices--people">
              {colleagues.map((person) => (
                <label key={person.id} className="plan-choice">
                  <input
                    type="checkbox"
                    checked={values.memberIds.includes(person.id)}
                    onChange={(event) =>
                      onChange({
                        memberIds: event.target.checked
                          ? [...values.memberIds, person.id]
                          : values.memberIds.filter((id) => id !== person.id),
                      })
                    }
                  />
                  <span>{person.displayName}</span>
                </label>
              ))}
            </div>
            {errors.memberIds && <p className="field__error">{errors.memberIds}</p>}
          </fieldset>
        </>
      )}
      <fieldset
        className={['field', 'fieldset', errors.visibility ? 'field--error' : ''].filter(Boolean).join(' ')}
        id={planFieldId('visibility')}
      >
        <legend className="field__label">{t('plans.fields.visibility')}</legend>
        <div className="plan-choices">
          {planVisibilities.map((visibility) => (
            <label key={visibility} className="plan-choice plan-choice--block">
              <input
                type="radio"
                name="plan-visibility"
                value={visibility}
                checked={values.visibility === visibility}
                onChange={() => onChange({ visibility })}
              />
              <span>
                <strong>{t(`plans.visibility.${visibility}`)}</strong>
                <span className="plan-choice__hint">{t(`plans.visibilityHint.${visibility}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.visibility && <p className="field__error">{errors.visibility}</p>}
      </fieldset>
      {values.visibility === 'facilitator' && (
        <SelectField
          id={planFieldId('facilitatorId')}
          label={t('plans.fields.facilitator')}
          required
          value={values.facilitatorId}
          onChange={(event) => onChange({ facilitatorId: event.target.value })}
          error={errors.facilitatorId}
        >
          <option value="">{t('plans.form.facilitatorChoose')}</option>
          {facilitators.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </SelectField>
      )}
      {scheduleFixed ? (
        <div className="field" id={planFieldId('followupMonths')}>
          <p className="field__label">{t('plans.fields.followupMonths')}</p>
          <p>{t('plans.form.followupFixed', { months: values.followupMonths.join(t('plans.listSeparator')) })}</p>
        </div>
      ) : (
        <fieldset
          className={['field', 'fieldset', errors.followupMonths ? 'field--error' : ''].filter(Boolean).join(' ')}
          id={planFieldId('followupMonths')}
        >
          <legend className="field__label">{t('plans.fields.followupMonths')}</legend>
          <p className="field__hint">{t('plans.form.followupMonthsHint')}</p>
          <div className="plan-months">
            {values.followupMonths.map((months, index) => (
              <TextField
                // biome-ignore lint/suspicious/noArrayIndexKey: the boxes are positions, not items with identity
                key={index}
                label={t('plans.form.followupNth', { number: index + 1 })}
                type="number"
                inputMode="numeric"
                min={1}
                max={36}
                fieldClassName="field--narrow"
                value={months}
                aria-invalid={errors.followupMonths ? true : undefined}
                onChange={(event) =>
                  onChange({
                    followupMonths: values.followupMonths.map((m, i) => (i === index ? event.target.value : m)),
                  })
                }
              />
            ))}
          </div>
          <div className="button-row button-row--tight">
            {values.followupMonths.length < maxFollowups && (
              <button
                type="button"
                className="button button--tertiary button--sm"
                onClick={() => onChange({ followupMonths: [...values.followupMonths, ''] })}
              >
                {t('plans.form.followupAdd')}
              </button>
            )}
            {values.followupMonths.length > 1 && (
              <button
                type="button"
                className="button button--tertiary button--sm"
                onClick={() => onChange({ followupMonths: values.followupMonths.slice(0, -1) })}
              >
                {t('plans.form.followupRemove')}
              </button>
            )}
          </div>
          {errors.followupMonths && <p className="field__error">{errors.followupMonths}</p>}
        </fieldset>
      )}
    </section>
  );
}
