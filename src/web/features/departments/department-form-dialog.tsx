import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Department, departmentLevels } from '../../../shared/departments/schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { isApiError } from '../../lib/api.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import type { FieldErrors } from '../../lib/validation.js';
import { buildDepartmentTree, descendantIds, flattenTree, suggestChildLevel } from './build-tree.js';
import { type DepartmentInput, departmentApi, useRefreshDepartments } from './department-queries.js';

interface DepartmentFormDialogProps {
  orgId: string;
  departments: readonly Department[];
  /** Editing this department; without it the dialog adds a new one under `parent`. */
  department?: Department;
  parent?: Department | null;
  onClose: () => void;
}

/** Add or edit a department: name, level, where it sits in the tree (move) and its order. */
export function DepartmentFormDialog({ orgId, departments, department, parent, onClose }: DepartmentFormDialogProps) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshDepartments(orgId);
  const { form, errors, showErrors } = useFieldErrors();
  const [name, setName] = useState(department?.name ?? '');
  const [level, setLevel] = useState<Department['level']>(department?.level ?? suggestChildLevel(parent ?? undefined));
  const [parentId, setParentId] = useState(department ? (department.parentId ?? '') : (parent?.id ?? ''));
  const [sortOrder, setSortOrder] = useState(department ? String(department.sortOrder) : '');
  const options = useMemo(
    () => flattenTree(buildDepartmentTree(departments)).filter((node) => node.department.id !== department?.id),
    [departments, department],
  );

  const save = useMutation({
    mutationFn: (input: DepartmentInput) =>
      department ? departmentApi.update(orgId, department.id, input) : departmentApi.create(orgId, input),
    onSuccess: async (saved) => {
      await refresh();
      notify(
        department ? t('departments.updated', { name: saved.name }) : t('departments.created', { name: saved.name }),
      );
      onClose();
    },
    onError: (error) => {
      const found = fieldErrorsFrom(error, t);
      if (isApiError(error, 'department_cycle')) found.parentId = describe(error);
      showErrors(found);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('fieldErrors.required');
    if (department && parentId && descendantIds(departments, department.id).has(parentId)) {
      found.parentId = t('fieldErrors.cycle');
    }
    if (sortOrder.trim() && !/^\d+$/.test(sortOrder.trim())) found.sortOrder = t('fieldErrors.population');
    if (!showErrors(found)) return;
    const input: DepartmentInput = { name: name.trim(), level, parentId: parentId || null };
    if (sortOrder.trim()) input.sortOrder = Number(sortOrder.trim());
    save.mutate(input);
  };

  const title = department
    ? t('departments.editTitle', { name: department.name })
    : parent
      ? t('departments.addChildTitle', { name: parent.name })
      : t('departments.addTitle');
  const formId = `department-form-${department?.id ?? 'new'}`;

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {department ? t('common.save') : t('departments.add')}
          </Button>
        </>
      }
    >
      <form id={formId} ref={form} onSubmit={submit} noValidate className="form">
        {save.isError && !isApiError(save.error, 'department_cycle') && (
          <Alert tone="error">{describe(save.error)}</Alert>
        )}
        <TextField
          label={t('departments.name')}
          name="name"
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <SelectField
          label={t('departments.level')}
          name="level"
          value={level}
          onChange={(event) => setLevel(event.target.value as Department['level'])}
          error={errors.level}
        >
          {departmentLevels.map((value) => (
            <option key={value} value={value}>
              {t(`levels.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('departments.parent')}
          name="parentId"
          value={parentId}
          onChange={(event) => setParentId(event.target.value)}
          error={errors.parentId}
        >
          <option value="">{t('departments.topLevel')}</option>
          {options.map((node) => (
            <option key={node.department.id} value={node.department.id}>
              {`${'\u3000'.repeat(node.depth)}${node.department.name}`}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('departments.sortOrder')}
          hint={t('departments.sortOrderHint')}
          name="sortOrder"
          inputMode="numeric"
          value={sortOrder}
          onChange={(event) => setSortOrder(event.target.value)}
          error={errors.sortOrder}
          fieldClassName="field--narrow"
        />
      </form>
    </Dialog>
  );
}
