import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CaseStats } from '../../../shared/cases/stats-schema.js';
import { api, segment } from '../../lib/api.js';
import type { Language } from '../../lib/i18n/language.js';

const base = (orgId: string) => `/api/orgs/${segment(orgId)}/case-stats`;

/** The statistics of a fiscal year; without one, the server's current fiscal year in Japan. */
export function caseStatsQueryOptions(orgId: string, fiscalYear: number | undefined) {
  return queryOptions({
    queryKey: ['orgs', orgId, 'case-stats', fiscalYear ?? 'current'] as const,
    queryFn: () => api.get<CaseStats>(base(orgId), { fiscalYear }),
    // The previous year stays on screen while the next one loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

/** A download of the same numbers, headed in the page's language. */
export function caseStatsExportHref(
  orgId: string,
  options: { fiscalYear: number; format: 'csv' | 'xlsx'; lang: Language },
): string {
  const params = new URLSearchParams({
    fiscalYear: String(options.fiscalYear),
    format: options.format,
    lang: options.lang,
  });
  return `${base(orgId)}/export?${params.toString()}`;
}
