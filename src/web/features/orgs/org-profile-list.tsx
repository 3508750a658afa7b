import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSummary } from '../../../shared/orgs/schema.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { formatNumber } from '../../lib/format.js';
import { prefectureName } from '../../lib/prefectures.js';
import { useLanguage } from '../../lib/problems.js';

/** The organisation's profile as a definition list; fields that are not set say so. */
export function OrgProfileList({ org }: { org: OrgSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('common.none');
  const rows: [string, ReactNode][] = [
    [t('overview.kind'), t(`orgKinds.${org.kind}`)],
    [t('overview.nameKana'), org.nameKana ? <DataText key="kana">{org.nameKana}</DataText> : none],
  ];
  // Code, prefecture, type and population describe local governments only.
  if (org.kind === 'municipality') {
    rows.push(
      [t('overview.lgCode'), org.lgCode ?? none],
      [t('overview.prefecture'), prefectureName(org.prefectureCode, language) ?? none],
      [t('overview.municipalityType'), org.municipalityType ? t(`municipalityTypes.${org.municipalityType}`) : none],
      [
        t('overview.population'),
        org.population === null
          ? none
          : t('overview.populationValue', { value: formatNumber(org.population, language) }),
      ],
    );
  }
  rows.push([t('overview.updatedAt'), <DateText key="updated" value={org.updatedAt} withTime />]);
  return (
    <dl className="summary-list summary-list--columns">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
