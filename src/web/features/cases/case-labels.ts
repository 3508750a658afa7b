import { useTranslation } from 'react-i18next';
import type { CaseStatus, EffectKind } from '../../../shared/cases/case-schema.js';
import { type SceneGrid, type SceneId, sceneLabel } from '../../../shared/cases/scene-grid.js';
import type { BadgeTone } from '../../components/badge.js';
import { formatNumber } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';

export const statusTones: Record<CaseStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  returned: 'warning',
  approved: 'info',
  published: 'success',
};

/** Words for a case's coded values in the page's language: scene cells, effect values with units. */
export function useCaseWords(grid: SceneGrid | undefined) {
  const { t } = useTranslation();
  const language = useLanguage();
  return {
    scene: (id: SceneId | null | undefined) =>
      id ? (grid ? sceneLabel(grid, id, language) : id) : t('cases.search.noScene'),
    /** 600時間/年, 1,200,000円/年, 25分; `other` takes the reporter's own unit. */
    amount: (kind: EffectKind, value: number | null | undefined, unit?: string | null) => {
      if (value === null || value === undefined) return t('common.notSet');
      const shown = formatNumber(value, language);
      const own = kind === 'other' ? (unit ?? '') : t(`cases.effectUnits.${kind}`);
      if (!own) return shown;
      return language === 'ja' ? `${shown}${own}` : `${shown} ${own}`;
    },
  };
}
