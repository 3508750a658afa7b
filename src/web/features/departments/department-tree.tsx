import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/departments/schema.js';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { useDataLang } from '../../components/data-text.js';
import type { DepartmentNode } from './build-tree.js';

export interface TreeActions {
  addChild: (parent: Department) => void;
  edit: (department: Department) => void;
  remove: (department: Department) => void;
}

interface DepartmentTreeProps {
  nodes: readonly DepartmentNode[];
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Present only for people who may change departments; readers get the tree alone. */
  actions?: TreeActions | undefined;
}

/**
 * Nested lists with a toggle button per branch. Plain buttons keep it operable with Tab and
 * Enter; a full ARIA tree widget would add arrow-key rules most users do not expect on a page.
 */
export function DepartmentTree({ nodes, collapsed, onToggle, actions }: DepartmentTreeProps) {
  return (
    <ul className="tree">
      {nodes.map((node) => (
        <TreeItem key={node.department.id} node={node} collapsed={collapsed} onToggle={onToggle} actions={actions} />
      ))}
    </ul>
  );
}

function TreeItem({
  node,
  collapsed,
  onToggle,
  actions,
}: { node: DepartmentNode } & Omit<DepartmentTreeProps, 'nodes'>) {
  const { t } = useTranslation();
  const { department, children } = node;
  const hasChildren = children.length > 0;
  const isOpen = hasChildren && !collapsed.has(department.id);
  const name = department.name;
  const nameLang = useDataLang(name);

  return (
    <li className="tree__item">
      <div className="tree__row">
        {hasChildren ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={isOpen}
            aria-label={isOpen ? t('departments.collapse', { name }) : t('departments.expand', { name })}
            onClick={() => onToggle(department.id)}
          >
            <span aria-hidden="true" className={isOpen ? 'tree__chevron tree__chevron--open' : 'tree__chevron'}>
              ▶
            </span>
          </button>
        ) : (
          <span className="tree__spacer" aria-hidden="true" />
        )}
        <span className="tree__label">
          <span className="tree__name" lang={nameLang}>
            {name}
          </span>
          <Badge>{t(`levels.${department.level}`)}</Badge>
          <span className="tree__count">{t('departments.members', { count: department.memberCount })}</span>
        </span>
        {actions && (
          <span className="tree__actions">
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => actions.addChild(department)}
              aria-label={t('departments.addChildFor', { name })}
            >
              {t('departments.addChild')}
            </Button>
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => actions.edit(department)}
              aria-label={t('departments.editFor', { name })}
            >
              {t('common.edit')}
            </Button>
            <Button
              size="sm"
              variant="tertiary"
              className="button--danger-text"
              onClick={() => actions.remove(department)}
              aria-label={t('departments.deleteFor', { name })}
            >
              {t('common.delete')}
            </Button>
          </span>
        )}
      </div>
      {isOpen && (
        <ul className="tree__children">
          {children.map((child) => (
            <TreeItem
              key={child.department.id}
              node={child}
              collapsed={collapsed}
              onToggle={onToggle}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
