import type { TFunction } from 'i18next';
import type { RoundResults } from './results-queries.js';

/**
 * The name of the group a filter selects (窓口係, 係長, or both), or null when nothing is filtered
 * and the figures are those of everyone.
 */
export function selectedGroupName(t: TFunction, results: RoundResults): string | null {
  const { departmentId, position } = results.filter;
  if (!departmentId && !position) return null;
  const department = departmentId
    ? (results.departmentFilters.find((d) => d.id === departmentId)?.name ?? t('results.selectedGroup'))
    : null;
  const parts = [department, position ? t(`positions.${position}`) : null].filter((p): p is string => Boolean(p));
  return parts.join(t('results.separator'));
}

/** While the round is open every group is withheld for this reason; no filter changes that. */
export function isHiddenWhileOpen(results: RoundResults): boolean {
  return results.group.withheldReason === 'round_open';
}
