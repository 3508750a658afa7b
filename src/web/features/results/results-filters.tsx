import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { positions } from '../../../shared/auth/roles.js';
import { SelectField } from '../../components/form-field.js';
import type { ResultsFilters, RoundDetail, RoundResults } from './results-queries.js';
import { templateRoundsQueryOptions } from './results-queries.js';

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

/** Filters apply as they change and are kept in the address, so a view can be shared and printed. */
export function ResultsFiltersForm({ orgId, round, results, filters, onChange }: ResultsFiltersFormProps) {
  const { t } = useTranslation();
  const rounds = useQuery(templateRoundsQueryOptions(orgId, round.templateId));
  // Only rounds that opened before this one: a comparison looks back.
  const comparable = (rounds.data ?? []).filter(
    (r) => r.templateId === round.templateId && r.id !== round.id && r.opensOn <= round.opensOn,
  );
  const departments = orderDepartments(results?.departmentFilters ?? []);
  const hasWithheld = departments.some((d) => d.department.withheld);

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
              {`${'\u3000'.repeat(depth)}${department.name}${department.withheld ? t('results.withheldOption') : ''}`}
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
          {positions.map((position) => (
            <option key={position} value={position}>
              {t(`positions.${position}`)}
            </option>
          ))}
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
          {t('results.departmentWithheldHint', { k: round.anonymityThreshold })}
        </p>
      )}
    </search>
  );
}
