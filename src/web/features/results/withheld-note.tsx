import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { withheldReasonSchema } from '../../../shared/sheets/round-schema.js';

export type WithheldReason = z.infer<typeof withheldReasonSchema> | null;

/** Why a result is not shown, in plain words; it takes the place of the chart, never an empty one. */
export function withheldText(t: TFunction, reason: WithheldReason, k: number): string {
  if (reason === 'protects_others') return t('results.withheldProtects', { k });
  if (reason === 'round_open') return t('results.withheldRoundOpen');
  return t('results.withheldBelow', { k });
}

/** A withheld figure in a line of text, with its reason in brief: 非表示（回答が3件未満のため）. */
export function withheldShortText(t: TFunction, reason: WithheldReason, k: number): string {
  if (reason === 'protects_others') return t('results.withheldShortProtects');
  if (reason === 'round_open') return t('results.withheldShortOpen');
  return t('results.withheldShortBelow', { k });
}

/** A calm note where a withheld aggregate would be. */
export function WithheldNote({ reason, k, compact = false }: { reason: WithheldReason; k: number; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={`withheld${compact ? ' withheld--compact' : ''}`}>
      <svg className="withheld__icon" width="16" height="18" viewBox="0 0 16 18" aria-hidden="true">
        <rect x="1.5" y="8" width="13" height="9" rx="1.5" />
        <path d="M4.5 8V5.5a3.5 3.5 0 0 1 7 0V8" />
      </svg>
      <span>{withheldText(t, reason, k)}</span>
    </p>
  );
}
