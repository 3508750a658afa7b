import type { TFunction } from 'i18next';
import { findLgCodeProblem } from '../../../shared/orgs/lg-code.js';
import type { MunicipalityType, OrgKind, OrgSummary } from '../../../shared/orgs/schema.js';
import type { FieldErrors } from '../../lib/validation.js';

/** What the organisation form edits, as the strings its inputs hold. */
export interface OrgFormValues {
  name: string;
  nameKana: string;
  lgCode: string;
  municipalityType: MunicipalityType | '';
  population: string;
}

export const emptyOrgForm: OrgFormValues = { name: '', nameKana: '', lgCode: '', municipalityType: '', population: '' };

export function orgFormFrom(org: OrgSummary): OrgFormValues {
  return {
    name: org.name,
    nameKana: org.nameKana ?? '',
    lgCode: org.lgCode ?? '',
    municipalityType: org.municipalityType ?? '',
    population: org.population === null ? '' : String(org.population),
  };
}

const lgCodeMessages = {
  format: 'fieldErrors.lgCodeFormat',
  prefecture: 'fieldErrors.lgCodePrefecture',
  check_digit: 'fieldErrors.lgCodeCheckDigit',
} as const;

/** The same rules as the server's schema, checked before sending so messages appear at each field. */
export function validateOrgForm(values: OrgFormValues, kind: OrgKind, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t('fieldErrors.required');
  if (kind === 'municipality') {
    const code = values.lgCode.trim();
    if (!code) errors.lgCode = t('fieldErrors.lgCodeRequired');
    else {
      const problem = findLgCodeProblem(code);
      if (problem) errors.lgCode = t(lgCodeMessages[problem]);
    }
    const population = values.population.trim();
    if (population && (!/^\d+$/.test(population) || Number(population) > 50_000_000)) {
      errors.population = t('fieldErrors.population');
    }
  }
  return errors;
}

/** The request body; fields that do not apply to the kind are sent empty so stale values do not linger. */
export function orgPayload(values: OrgFormValues, kind: OrgKind) {
  const isMunicipality = kind === 'municipality';
  const population = values.population.trim();
  return {
    name: values.name.trim(),
    nameKana: values.nameKana.trim() || null,
    lgCode: isMunicipality ? values.lgCode.trim() : null,
    municipalityType: isMunicipality && values.municipalityType ? values.municipalityType : null,
    population: isMunicipality && population ? Number(population) : null,
  };
}
