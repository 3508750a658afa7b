import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { positions } from '../../../shared/auth/roles.js';
import { SelectField } from '../../components/form-field.js';
import { isHiddenWhileOpen } from './group-label.js';
import type { ResultsFilters, RoundDetail, RoundResults } from './results-queries.js';
import { resultsQueryOptions, templateRoundsQueryOptions } from './results-queries.js';
import type { WithheldReason } from './withheld-note.js';

interface ResultsFiltersFormProps {
  orgId: string;
  round: RoundDetail;
  results: RoundResults | undefined;
  filters: ResultsFilters;
  onChange: (filters: ResultsFilters) => void;
}

type DepartmentFilter = RoundResults['departmentFilters'][number];

/** Departments in tree order, each with its depth, so the options read as 部 > 課 > 係. */
function orderDepartments(list: readonly DepartmentFilter[]): { department: DepartmentFilter; depth: number }[] {
  const ids = new Set(list.map((d) => d.id));
  const children = new Map<string | null, DepartmentFilter[]>();
  for (const department of list) {
    const parent = department.parentId && ids.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const visit = (parent: string | null, depth: number): { department: DepartmentFilter; depth: number }[] =>
    (children.get(parent) ?? []).flatMap((department) => [
      { department, depth },
      ...(depth < 10 ? visit(department.id, depth + 1) : []),
    ]);
  return visit(null, 0);
}

/** Why an option cannot be chosen, after its name; nothing when it can. */
function unavailableSuffix(t: TFunction, reason: WithheldReason | undefined): string {
  if (reason === undefined) return '';
  if (reason === 'round_open') return t('results.withheldOptionOpen');
  if (reason === 'protects_others') return t('results.withheldOptionProtects');
  return t('results.withheldOption');
}

/** Filters apply as they change and are kept in the address, so a view can be shared and printed. */
export function ResultsFiltersForm({ orgId, round, results, filters, onChange }: ResultsFiltersFormProps) {
  const { t } = useTranslation();
  const rounds = useQuery(templateRoundsQueryOptions(orgId, round.templateId));
  // Only rounds that opened before this one: a comparison looks back.
  const comparable = (rounds.data ?? []).filter(
    (r) => r.templateId === round.templateId && r.id !== round.id && r.opensOn <= round.opensOn,
  );
  // The split by position comes only with the unfiltered results; with no filter on, this is the page's own query.
  const whole = useQuery(resultsQueryOptions(orgId, round.id, { compareTo: filters.compareTo }));
  const departments = orderDepartments(results?.departmentFilters ?? []);
  const isOpen = results ? isHiddenWhileOpen(results) : false;
  const departmentReason = (withheld: boolean): WithheldReason | undefined =>
    !withheld ? undefined : isOpen ? 'round_open' : 'below_threshold';
  const positionResults = whole.data?.positions;
  // A position nobody in it answered is not listed at all: it is as unavailable as one under the threshold.
  const positionReason = (position: string): WithheldReason | undefined => {
    if (isOpen) return 'round_open';
    if (!positionResults) return undefined;
    const found = positionResults.find((p) => p.position === position);
    if (!found) return 'below_threshold';
    return found.withheld ? (found.withheldReason ?? 'below_threshold') : undefined;
  };
  const hasWithheld =
    departments.some((d) => d.department.withheld) || positions.some((p) => positionReason(p) !== undefined);

  return (
    <search className="results-filters" aria-label={t('results.filtersLabel')}>
      <div className="filters">
        <SelectField
          label={t('results.departmentFilter')}
          name="departmentId"
          value={filters.departmentId ?? ''}
          onChange={(event) => onChange({ ...filters, departmentId: event.target.value || undefined })}
        >
          <option value="">{t('results.wholeGroup')}</option>
          {departments.map(({ department, depth }) => (
            <option key={department.id} value={department.id} disabled={department.withheld}>
              {`${'\u3000'.repeat(depth)}${department.name}${unavailableSuffix(t, departmentReason(department.withheld))}`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('results.positionFilter')}
          name="position"
          value={filters.position ?? ''}
          onChange={(event) => onChange({ ...filters, position: event.target.value || undefined })}
        >
          <option value="">{t('results.allPositions')}</option>
          {positions.map((position) => {
            const reason = positionReason(position);
            return (
              <option key={position} value={position} disabled={reason !== undefined}>
                {`${t(`positions.${position}`)}${unavailableSuffix(t, reason)}`}
              </option>
            );
          })}
        </SelectField>
        <SelectField
          label={t('results.compareFilter')}
          name="compareTo"
          value={filters.compareTo ?? ''}
          onChange={(event) => onChange({ ...filters, compareTo: event.target.value || undefined })}
        >
          <option value="">{t('results.compareDefault')}</option>
          {comparable.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </SelectField>
      </div>
      {hasWithheld && (
        <p className="chart-note results-filters__note">
          {isOpen ? t('results.filterOpenHint') : t('results.filterWithheldHint', { k: round.anonymityThreshold })}
        </p>
      )}
    </search>
  );
}
