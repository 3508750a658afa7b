import { useTranslation } from 'react-i18next';
import { caseStatuses } from '../../../shared/cases/case-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { SelectField } from '../../components/form-field.js';
import { formatFiscalYear, formatNumber } from '../../lib/format.js';
import { prefectureName } from '../../lib/prefectures.js';
import { useLanguage } from '../../lib/problems.js';
import type { useCaseWords } from './case-labels.js';
import type { CaseSearchResult } from './case-queries.js';
import { type CaseFilterKey, type CasesSearch, caseFilterKeys } from './case-search-params.js';

type FacetKey = Exclude<CaseFilterKey, 'status'>;
type Facets = CaseSearchResult['facets'];

const facetOrder: { key: FacetKey; facet: keyof Facets; label: string }[] = [
  { key: 'sceneId', facet: 'sceneId', label: 'cases.search.scene' },
  { key: 'policyField', facet: 'policyField', label: 'cases.fields.policyField' },
  { key: 'method', facet: 'method', label: 'cases.fields.method' },
  { key: 'fiscalYear', facet: 'fiscalYear', label: 'cases.fields.fiscalYear' },
  { key: 'tag', facet: 'tag', label: 'cases.search.tag' },
  { key: 'effectKind', facet: 'effectKind', label: 'cases.search.effectKind' },
  { key: 'municipalityType', facet: 'municipalityType', label: 'cases.search.municipalityType' },
  { key: 'prefectureCode', facet: 'prefectureCode', label: 'cases.search.prefecture' },
  { key: 'populationBand', facet: 'populationBand', label: 'cases.search.populationBand' },
];

interface CaseFacetsProps {
  facets: Facets | undefined;
  /** The counts are estimates from a sample of a broad match: shown with 約. */
  approximate?: boolean;
  search: CasesSearch;
  words: ReturnType<typeof useCaseWords>;
  onChange: (key: CaseFilterKey, value: string | undefined) => void;
  onClear: () => void;
  /** Whether the reader may choose a status: not without login, where every case is published. */
  withStatus?: boolean;
}

/**
 * The filters beside the results: each facet a select whose options carry their counts over the
 * whole match (with the other filters applied), and the count of cases per organisation.
 */
export function CaseFacets({
  facets,
  approximate = false,
  search,
  words,
  onChange,
  onClear,
  withStatus = true,
}: CaseFacetsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labelOf = (key: FacetKey, value: string): string => {
    switch (key) {
      case 'sceneId':
        return words.scene(value as SceneId);
      case 'policyField':
        return t(`cases.policyFields.${value as 'counter'}`);
      case 'method':
        return t(`cases.methods.${value as 'stop'}`);
      case 'fiscalYear':
        return formatFiscalYear(Number(value), language);
      case 'effectKind':
        return t(`cases.effectKinds.${value as 'other'}`);
      case 'municipalityType':
        return t(`municipalityTypes.${value as 'city'}`);
      case 'prefectureCode':
        return prefectureName(value, language) ?? value;
      case 'populationBand':
        return t(`cases.populationBands.${value as 'under_10k'}`);
      default:
        return value;
    }
  };
  const active = caseFilterKeys.some((key) => search[key] !== undefined);

  return (
    <div className="case-facets">
      {withStatus && (
        <SelectField
          label={t('cases.search.status')}
          name="status"
          value={search.status ?? ''}
          onChange={(event) => onChange('status', event.target.value || undefined)}
        >
          <option value="">{t('cases.search.any')}</option>
          {caseStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`cases.status.${status}`)}
            </option>
          ))}
        </SelectField>
      )}
      {facetOrder.map(({ key, facet, label }) => {
        const counts = (facets?.[facet] ?? []) as { value: string; count: number }[];
        const current = search[key] === undefined ? '' : String(search[key]);
        const options =
          current && !counts.some((c) => c.value === current) ? [...counts, { value: current, count: 0 }] : counts;
        if (options.length === 0 && !current) return null;
        return (
          <SelectField
            key={key}
            label={t(label as 'cases.search.scene')}
            name={key}
            value={current}
            onChange={(event) => onChange(key, event.target.value || undefined)}
          >
            <option value="">{t('cases.search.any')}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {t(approximate ? 'cases.search.optionCountApprox' : 'cases.search.optionCount', {
                  label: labelOf(key, option.value),
                  count: option.count,
                })}
              </option>
            ))}
          </SelectField>
        );
      })}
      {facets && facets.org.length > 0 && (
        <section className="case-facets__orgs" aria-labelledby="case-facets-orgs">
          <h3 id="case-facets-orgs" className="field__label">
            {t('cases.search.org')}
          </h3>
          <ul>
            {facets.org.map((org) => (
              <li key={org.value}>
                <DataText>{org.label}</DataText>
                <span className="case-facets__count">
                  {approximate && t('cases.search.approx')}
                  {formatNumber(org.count, language)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {active && (
        <Button variant="tertiary" size="sm" onClick={onClear}>
          {t('cases.search.clear')}
        </Button>
      )}
    </div>
  );
}
