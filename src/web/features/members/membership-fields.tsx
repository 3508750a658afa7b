import { useTranslation } from 'react-i18next';
import { positions, type Role } from '../../../shared/auth/roles.js';
import type { Department } from '../../../shared/departments/schema.js';
import { SelectField } from '../../components/form-field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { buildDepartmentTree, flattenTree } from '../departments/build-tree.js';
import type { MemberUpdate } from './member-queries.js';

interface MembershipFieldsProps {
  values: MemberUpdate;
  onChange: (values: MemberUpdate) => void;
  roles: readonly Role[];
  departments: readonly Department[];
  errors: FieldErrors;
}

/** Role, position and department: the same three choices when inviting and when editing. */
export function MembershipFields({ values, onChange, roles, departments, errors }: MembershipFieldsProps) {
  const { t } = useTranslation();
  const options = flattenTree(buildDepartmentTree(departments));
  return (
    <>
      <SelectField
        label={t('members.role')}
        name="role"
        required
        value={values.role}
        onChange={(event) => onChange({ ...values, role: event.target.value as Role })}
        error={errors.role}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('members.position')}
        name="position"
        required
        value={values.position}
        onChange={(event) => onChange({ ...values, position: event.target.value as MemberUpdate['position'] })}
        error={errors.position}
      >
        {positions.map((position) => (
          <option key={position} value={position}>
            {t(`positions.${position}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('members.department')}
        name="departmentId"
        value={values.departmentId ?? ''}
        onChange={(event) => onChange({ ...values, departmentId: event.target.value || null })}
        error={errors.departmentId}
      >
        <option value="">{t('members.noDepartment')}</option>
        {options.map((node) => (
          <option key={node.department.id} value={node.department.id}>
            {`${'\u3000'.repeat(node.depth)}${node.department.name}`}
          </option>
        ))}
      </SelectField>
    </>
  );
}
