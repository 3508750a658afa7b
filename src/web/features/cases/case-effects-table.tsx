import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import type { useCaseWords } from './case-labels.js';
import type { CaseDetail } from './case-queries.js';

/** A case's effects, target beside actual; another organisation's copy may withhold them. */
export function EffectsTable({
  effects,
  words,
}: {
  effects: CaseDetail['effects'];
  words: ReturnType<typeof useCaseWords>;
}) {
  const { t } = useTranslation();
  if (effects === null) return <p className="case-note">{t('cases.detail.notShared')}</p>;
  if (effects.length === 0) return <p className="case-note">{t('cases.detail.noEffects')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('cases.detail.kind')}</th>
            <th scope="col" className="case-number">
              {t('cases.detail.target')}
            </th>
            <th scope="col" className="case-number">
              {t('cases.detail.actual')}
            </th>
            <th scope="col">{t('cases.detail.note')}</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((effect, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: effects have no ids and keep their order
            <tr key={index}>
              <th scope="row" className="cell--title">
                {t(`cases.effectKinds.${effect.kind}`)}
                {effect.label && (
                  <>
                    {t('cases.separator')}
                    <DataText>{effect.label}</DataText>
                  </>
                )}
              </th>
              <td className="case-number" data-label={t('cases.detail.target')}>
                {words.amount(effect.kind, effect.target, effect.unit)}
              </td>
              <td className="case-number" data-label={t('cases.detail.actual')}>
                {words.amount(effect.kind, effect.actual, effect.unit)}
              </td>
              <td data-label={t('cases.detail.note')}>{effect.note ? <DataText>{effect.note}</DataText> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
