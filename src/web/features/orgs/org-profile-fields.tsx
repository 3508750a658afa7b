import { useTranslation } from 'react-i18next';
import { municipalityTypes, type OrgKind } from '../../../shared/orgs/schema.js';
import { SelectField, TextField } from '../../components/form-field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { LgPicker } from './lg-picker.js';
import type { OrgFormValues } from './org-form.js';

interface OrgProfileFieldsProps {
  kind: OrgKind;
  values: OrgFormValues;
  onChange: (values: OrgFormValues) => void;
  errors: FieldErrors;
}

/** Name and, for a municipality, the national code (picked from the national list), type and population. */
export function OrgProfileFields({ kind, values, onChange, errors }: OrgProfileFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof OrgFormValues>(key: K, value: OrgFormValues[K]) => onChange({ ...values, [key]: value });
  const isMunicipality = kind === 'municipality';

  return (
    <>
      {isMunicipality && (
        <LgPicker
          onSelect={(government) =>
            onChange({
              ...values,
              lgCode: government.lgCode,
              name: government.name,
              nameKana: government.kana,
              municipalityType: government.municipalityType,
            })
          }
        />
      )}
      <TextField
        label={t('settings.name')}
        name="name"
        required
        maxLength={100}
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
      />
      <TextField
        label={t('settings.nameKana')}
        name="nameKana"
        maxLength={100}
        value={values.nameKana}
        onChange={(event) => set('nameKana', event.target.value)}
        error={errors.nameKana}
      />
      {isMunicipality && (
        <TextField
          label={t('settings.lgCode')}
          hint={t('settings.lgCodeHint')}
          name="lgCode"
          required
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          value={values.lgCode}
          onChange={(event) => set('lgCode', event.target.value)}
          error={errors.lgCode}
          fieldClassName="field--narrow"
        />
      )}
      {isMunicipality && (
        <div className="form-row">
          <SelectField
            label={t('settings.municipalityType')}
            name="municipalityType"
            value={values.municipalityType}
            onChange={(event) => set('municipalityType', event.target.value as OrgFormValues['municipalityType'])}
            error={errors.municipalityType}
          >
            <option value="">{t('common.none')}</option>
            {municipalityTypes.map((type) => (
              <option key={type} value={type}>
                {t(`municipalityTypes.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('settings.population')}
            hint={t('settings.populationHint')}
            name="population"
            inputMode="numeric"
            autoComplete="off"
            value={values.population}
            onChange={(event) => set('population', event.target.value)}
            error={errors.population}
          />
        </div>
      )}
    </>
  );
}
