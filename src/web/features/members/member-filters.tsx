import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/auth/roles.js';
import type { Department } from '../../../shared/departments/schema.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { buildDepartmentTree, flattenTree } from '../departments/build-tree.js';
import type { MemberFilters } from './member-queries.js';

interface MemberFiltersFormProps {
  filters: MemberFilters;
  onChange: (filters: MemberFilters) => void;
  roles: readonly Role[];
  departments: readonly Department[];
}

/** Filters apply as they change; there is nothing to submit. */
export function MemberFiltersForm({ filters, onChange, roles, departments }: MemberFiltersFormProps) {
  const { t } = useTranslation();
  const options = flattenTree(buildDepartmentTree(departments));
  return (
    <search className="filters" aria-label={t('members.filtersLabel')}>
      <TextField
        label={t('members.search')}
        type="search"
        name="q"
        value={filters.q}
        onChange={(event) => onChange({ ...filters, q: event.target.value })}
        fieldClassName="filters__wide"
      />
      <SelectField
        label={t('members.roleFilter')}
        name="role"
        value={filters.role}
        onChange={(event) => onChange({ ...filters, role: event.target.value as Role | '' })}
      >
        <option value="">{t('common.all')}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('members.departmentFilter')}
        name="departmentId"
        value={filters.departmentId}
        onChange={(event) => onChange({ ...filters, departmentId: event.target.value })}
      >
        <option value="">{t('common.all')}</option>
        <option value="none">{t('members.noDepartment')}</option>
        {options.map((node) => (
          <option key={node.department.id} value={node.department.id}>
            {`${'\u3000'.repeat(node.depth)}${node.department.name}`}
          </option>
        ))}
      </SelectField>
    </search>
  );
}
