import type { TFunction } from 'i18next';
import type {
  CaseDetail,
  CaseInput,
  CaseMethod,
  CaseSharing,
  EffectKind,
  InternalField,
  PolicyField,
} from '../../../shared/cases/case-schema.js';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import { ApiError } from '../../lib/api.js';
import { toIsoDay } from '../../lib/format.js';
import type { Language } from '../../lib/i18n/language.js';
import type { FieldErrors } from '../../lib/validation.js';

export interface EffectRow {
  /** Keeps a row's fields (and focus) in place when an earlier row is removed. */
  key: number;
  kind: EffectKind;
  label: string;
  unit: string;
  target: string;
  actual: string;
  note: string;
}

export interface Reporter {
  userId: string;
  displayName: string;
}

/** The form as typed: numbers stay text until saving, so a half-typed value is never lost. */
export interface CaseFormValues {
  title: string;
  problem: string;
  action: string;
  result: string;
  remaining: string;
  happenedOn: string;
  departmentId: string;
  sceneId: SceneId | '';
  policyField: PolicyField | '';
  method: CaseMethod | '';
  tags: string[];
  reporters: Reporter[];
  effects: EffectRow[];
  costYen: string;
  costNote: string;
  sharing: CaseSharing;
  internalFields: InternalField[];
  /** The case this one adopted (横展開), with what the picker shows of it. */
  adoptedFrom: AdoptedFrom | null;
}

export interface AdoptedFrom {
  id: string;
  title: string;
  orgName: string;
}

let nextKey = 1;
export const newEffectRow = (kind: EffectKind = 'hours_per_year'): EffectRow => ({
  key: nextKey++,
  kind,
  label: '',
  unit: '',
  target: '',
  actual: '',
  note: '',
});

export function emptyCaseForm(): CaseFormValues {
  return {
    title: '',
    problem: '',
    action: '',
    result: '',
    remaining: '',
    happenedOn: toIsoDay(new Date()),
    departmentId: '',
    sceneId: '',
    policyField: '',
    method: '',
    tags: [],
    reporters: [],
    effects: [],
    costYen: '',
    costNote: '',
    sharing: 'org',
    internalFields: [],
    adoptedFrom: null,
  };
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The form of a case being edited (its own organisation's copy, so no field is withheld). */
export function caseFormFromDetail(detail: CaseDetail): CaseFormValues {
  return {
    title: detail.title,
    problem: detail.problem ?? '',
    action: detail.action ?? '',
    result: detail.result ?? '',
    remaining: detail.remaining ?? '',
    happenedOn: detail.happenedOn,
    departmentId: detail.departmentId ?? '',
    sceneId: detail.sceneId ?? '',
    policyField: detail.policyField ?? '',
    method: detail.method ?? '',
    tags: [...detail.tags],
    reporters: (detail.reporters ?? []).map((r) => ({ userId: r.id, displayName: r.displayName })),
    effects: (detail.effects ?? []).map((e) => ({
      key: nextKey++,
      kind: e.kind,
      label: e.label ?? '',
      unit: e.unit ?? '',
      target: text(e.target),
      actual: text(e.actual),
      note: e.note ?? '',
    })),
    costYen: text(detail.costYen),
    costNote: detail.costNote ?? '',
    sharing: detail.sharing,
    internalFields: [...(detail.internalFields ?? [])],
    adoptedFrom: detail.adoptedFrom ? { ...detail.adoptedFrom } : null,
  };
}

/** Full-width digits and separators, as Japanese keyboards often type them, read as a number. */
function readNumber(value: string): number | null {
  const normalised = value.normalize('NFKC').replace(/[,\s]/g, '');
  if (!normalised) return null;
  const number = Number(normalised);
  return Number.isFinite(number) ? number : Number.NaN;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function caseInputFromForm(values: CaseFormValues): CaseInput {
  return {
    title: values.title.trim(),
    problem: values.problem,
    action: values.action,
    result: values.result,
    remaining: values.remaining,
    happenedOn: values.happenedOn,
    departmentId: values.departmentId || null,
    sceneId: values.sceneId || null,
    policyField: values.policyField || null,
    method: values.method || null,
    tags: values.tags,
    reporterIds: values.reporters.map((r) => r.userId),
    effects: values.effects.map((e) => ({
      kind: e.kind,
      label: orNull(e.label),
      unit: e.kind === 'other' ? orNull(e.unit) : null,
      target: readNumber(e.target),
      actual: readNumber(e.actual),
      note: orNull(e.note),
    })),
    costYen: readNumber(values.costYen),
    costNote: orNull(values.costNote),
    sharing: values.sharing,
    internalFields: values.internalFields,
    adoptedFromId: values.adoptedFrom?.id ?? null,
  };
}

/** What the browser can tell before asking the server, keyed like the server's paths (effects.0.label). */
export function checkCaseForm(values: CaseFormValues, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!values.title.trim()) found.title = t('fieldErrors.required');
  if (!values.happenedOn) found.happenedOn = t('fieldErrors.required');
  for (const [i, effect] of values.effects.entries()) {
    if (effect.kind === 'other' && !effect.label.trim()) found[`effects.${i}.label`] = t('fieldErrors.required');
    for (const field of ['target', 'actual'] as const) {
      if (Number.isNaN(readNumber(effect[field]))) found[`effects.${i}.${field}`] = t('cases.form.numberInvalid');
    }
  }
  const cost = readNumber(values.costYen);
  if (cost !== null && (!Number.isInteger(cost) || cost < 0)) found.costYen = t('cases.form.integerInvalid');
  return found;
}

/**
 * The server's field errors keyed like the form: body.effects.0.label stays effects.0.label (the
 * row's own field); other paths keep their first part (body.tags.3 is the tags field).
 */
export function caseFieldErrorsFrom(error: unknown, language: Language, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const found: FieldErrors = {};
  for (const problem of error.problem.errors) {
    const parts = problem.path.replace(/^body\./, '').split('.');
    const key = parts[0] === 'effects' && parts.length >= 3 ? parts.slice(0, 3).join('.') : (parts[0] ?? '');
    if (!key || found[key]) continue;
    found[key] = problem.messages?.[language] ?? t('fieldErrors.invalid');
  }
  return found;
}

/** The id of a field's control, so the error summary can link and move focus to it. */
export const caseFieldId = (path: string) => `case-${path.replace(/\./g, '-')}`;
