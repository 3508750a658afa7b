import { useTranslation } from 'react-i18next';
import type { InternalField } from '../../../shared/cases/case-schema.js';

/** 「庁内限り」 under a field: its accessible name says which field, its visible words stay short. */
export function InternalToggle({
  field,
  label,
  checked,
  onChange,
}: {
  field: InternalField;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="case-internal">
      <input
        type="checkbox"
        name={`internal-${field}`}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        <span className="visually-hidden">
          {label}
          {t('cases.colon')}
        </span>
        {t('cases.form.internal')}
      </span>
    </label>
  );
}
