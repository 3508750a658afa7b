import type { TFunction } from 'i18next';
import { positions, roles } from '../../../shared/auth/roles.js';
import { departmentLevels } from '../../../shared/departments/schema.js';
import { municipalityTypes, orgKinds } from '../../../shared/orgs/schema.js';

export interface ChangeLine {
  field: string;
  before?: string;
  after: string;
}

const fieldNames = [
  'name',
  'nameKana',
  'lgCode',
  'municipalityType',
  'population',
  'kind',
  'level',
  'parentId',
  'sortOrder',
  'role',
  'position',
  'departmentId',
  'email',
  'displayName',
  'locale',
  'sessions',
  'to',
  'subject',
] as const;

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Enum values read as words (職員, 部 …); ids of departments read as their names when known. */
function formatValue(field: string, value: unknown, t: TFunction, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return t('common.notSet');
  if (field === 'role' && includes(roles, value)) return t(`roles.${value}`);
  if (field === 'position' && includes(positions, value)) return t(`positions.${value}`);
  if (field === 'level' && includes(departmentLevels, value)) return t(`levels.${value}`);
  if (field === 'kind' && includes(orgKinds, value)) return t(`orgKinds.${value}`);
  if (field === 'municipalityType' && includes(municipalityTypes, value)) return t(`municipalityTypes.${value}`);
  if (field === 'locale' && (value === 'ja' || value === 'en')) return t(`language.${value}`);
  if (typeof value === 'string') return names.get(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Audit changes come as { field: [old, new] } for edits and { field: value } for creations;
 * both become short lines "field: old → new".
 */
export function formatChanges(
  changes: Record<string, unknown> | null,
  t: TFunction,
  names: ReadonlyMap<string, string>,
): ChangeLine[] {
  if (!changes) return [];
  return Object.entries(changes).map(([key, value]) => {
    const field = includes(fieldNames, key) ? t(`fields.${key}`) : key;
    if (Array.isArray(value) && value.length === 2) {
      return { field, before: formatValue(key, value[0], t, names), after: formatValue(key, value[1], t, names) };
    }
    return { field, after: formatValue(key, value, t, names) };
  });
}
