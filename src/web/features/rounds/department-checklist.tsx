import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/departments/schema.js';
import { DataText } from '../../components/data-text.js';
import { buildDepartmentTree, flattenTree } from '../departments/build-tree.js';

interface DepartmentChecklistProps {
  departments: readonly Department[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}

/**
 * The department tree as checkboxes, indented by depth. A chosen department brings everything below
 * it, so its sub-units are shown as included rather than offered again.
 */
export function DepartmentChecklist({ departments, selected, onChange, error }: DepartmentChecklistProps) {
  const { t } = useTranslation();
  const nodes = flattenTree(buildDepartmentTree(departments));
  const chosen = new Set(selected);
  const parentOf = new Map(departments.map((d) => [d.id, d.parentId]));
  const isCoveredByAncestor = (id: string): boolean => {
    for (let parent = parentOf.get(id); parent; parent = parentOf.get(parent)) {
      if (chosen.has(parent)) return true;
    }
    return false;
  };
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selected, id] : selected.filter((value) => value !== id));

  if (nodes.length === 0) return <p className="muted">{t('rounds.new.noDepartments')}</p>;
  return (
    <ul className="check-tree">
      {nodes.map((node) => {
        const id = node.department.id;
        const covered = isCoveredByAncestor(id);
        return (
          <li key={id} className="check-tree__item" style={{ paddingInlineStart: `${node.depth * 1.5}rem` }}>
            <label className="check">
              <input
                type="checkbox"
                className="check__input"
                checked={chosen.has(id) || covered}
                disabled={covered}
                onChange={(event) => toggle(id, event.target.checked)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'departmentIds-error' : undefined}
              />
              <span>
                <DataText>{node.department.name}</DataText>
                {covered && <span className="muted">{t('rounds.new.includedAbove')}</span>}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
