import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { formatNumber } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';
import type { CaseDetail } from './case-queries.js';

/** 480,000円・ＲＰＡのライセンス: a case's cost in yen and its note, or — when it has neither. */
export function CaseCost({ detail }: { detail: Pick<CaseDetail, 'costYen' | 'costNote'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // A cost left out of a shared copy and a case without cost read the same: the API cannot tell them apart.
  if (detail.costYen === null && detail.costNote === null) return t('common.notSet');
  return (
    <>
      {detail.costYen !== null && `${formatNumber(detail.costYen, language)}${language === 'ja' ? '円' : ' yen'}`}
      {detail.costNote && (
        <>
          {detail.costYen !== null && t('cases.separator')}
          <DataText>{detail.costNote}</DataText>
        </>
      )}
    </>
  );
}
