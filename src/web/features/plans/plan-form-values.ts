import type { TFunction } from 'i18next';
import type { SceneId } from '../../../shared/cases/scene-grid.js';
import type {
  CreatePlanInput,
  PlanContent,
  PlanDetail,
  PlanStep,
  PlanVisibility,
  StepStatus,
} from '../../../shared/plans/plan-schema.js';
import { ApiError } from '../../lib/api.js';
import { toIsoDay } from '../../lib/format.js';
import type { Language } from '../../lib/i18n/language.js';
import type { FieldErrors } from '../../lib/validation.js';

export interface StepRow {
  id: string;
  text: string;
  owner: string;
  dueOn: string;
  status: StepStatus;
  after: string[];
}

export interface SheetItemRow {
  itemKey: string;
  itemTitle: string;
}

/** What the content editor holds: a plan's content with dates as the inputs keep them (text). */
export interface ContentValues {
  title: string;
  goal: string;
  aim: 'offense' | 'defense';
  startsOn: string;
  steps: StepRow[];
  involve: { colleagues: string; bosses: string; executives: string; hr: string };
  sheetItems: SheetItemRow[];
  scenes: SceneId[];
}

/** The settings around the content: who owns it, who sees it, when it is followed up. */
export interface SettingsValues {
  ownerKind: 'person' | 'team';
  teamName: string;
  memberIds: string[];
  visibility: PlanVisibility;
  facilitatorId: string;
  followupMonths: string[];
}

export const involveKeys = ['colleagues', 'bosses', 'executives', 'hr'] as const;

export function emptyContent(): ContentValues {
  return {
    title: '',
    goal: '',
    aim: 'offense',
    startsOn: toIsoDay(new Date()),
    steps: [],
    involve: { colleagues: '', bosses: '', executives: '', hr: '' },
    sheetItems: [],
    scenes: [],
  };
}

export function emptySettings(): SettingsValues {
  return {
    ownerKind: 'person',
    teamName: '',
    memberIds: [],
    visibility: 'private',
    facilitatorId: '',
    followupMonths: ['6', '12'],
  };
}

export function contentFromPlan(content: PlanContent): ContentValues {
  return {
    title: content.title,
    goal: content.goal,
    aim: content.aim,
    startsOn: content.startsOn,
    steps: content.steps.map((step) => ({ ...step, dueOn: step.dueOn ?? '', after: [...step.after] })),
    involve: { ...content.involve },
    sheetItems: content.sheetItems.map((item) => ({ ...item })),
    scenes: [...content.scenes],
  };
}

export function settingsFromPlan(plan: PlanDetail): SettingsValues {
  return {
    ownerKind: plan.ownerKind,
    teamName: plan.teamName ?? '',
    memberIds: plan.members.filter((m) => m.id !== plan.owner.id).map((m) => m.id),
    visibility: plan.visibility,
    facilitatorId: plan.facilitator?.id ?? '',
    followupMonths: plan.followupMonths.map(String),
  };
}

export function contentInput(values: ContentValues): PlanContent {
  const steps: PlanStep[] = values.steps.map((step) => ({
    id: step.id,
    text: step.text.trim(),
    owner: step.owner.trim(),
    dueOn: step.dueOn || null,
    status: step.status,
    after: step.after.filter((id) => values.steps.some((s) => s.id === id)),
  }));
  return {
    title: values.title.trim(),
    goal: values.goal.trim(),
    aim: values.aim,
    startsOn: values.startsOn,
    steps,
    involve: {
      colleagues: values.involve.colleagues.trim(),
      bosses: values.involve.bosses.trim(),
      executives: values.involve.executives.trim(),
      hr: values.involve.hr.trim(),
    },
    sheetItems: values.sheetItems
      .filter((item) => item.itemTitle.trim())
      .map((item) => ({ itemKey: item.itemKey, itemTitle: item.itemTitle.trim() })),
    scenes: values.scenes,
  };
}

export function settingsInput(values: SettingsValues): Omit<CreatePlanInput, 'content'> {
  const isTeam = values.ownerKind === 'team';
  return {
    ownerKind: values.ownerKind,
    ...(isTeam ? { teamName: values.teamName.trim() } : {}),
    memberIds: isTeam ? values.memberIds : [],
    visibility: values.visibility,
    facilitatorId: values.visibility === 'facilitator' ? values.facilitatorId || null : null,
    followupMonths: [...new Set(values.followupMonths.map(Number).filter((n) => Number.isInteger(n) && n > 0))].sort(
      (a, b) => a - b,
    ),
  };
}

/**
 * The next free step id (s1, s2…). Ids stay with their step across edits and versions, so a
 * removed step's id is never given to a new one while the plan still names it somewhere.
 */
export function nextStepId(steps: readonly { id: string }[], taken: readonly string[] = []): string {
  const used = new Set([...steps.map((s) => s.id), ...taken]);
  let highest = 0;
  for (const id of used) {
    const match = /^s(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `s${highest + 1}`;
}

export function newStep(steps: readonly StepRow[], taken: readonly string[] = [], text = ''): StepRow {
  return { id: nextStepId(steps, taken), text, owner: '', dueOn: '', status: 'planned', after: [] };
}

/** The checks a person can be told before sending: what must be filled in. The server checks the rest. */
export function checkContent(values: ContentValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.title.trim()) errors.title = t('fieldErrors.required');
  if (!values.goal.trim()) errors.goal = t('fieldErrors.required');
  if (!values.startsOn) errors.startsOn = t('fieldErrors.required');
  values.steps.forEach((step, index) => {
    if (!step.text.trim()) errors[`steps.${index}.text`] = t('fieldErrors.required');
  });
  return errors;
}

export function checkSettings(values: SettingsValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (values.ownerKind === 'team' && !values.teamName.trim()) errors.teamName = t('plans.errors.teamName');
  if (values.visibility === 'facilitator' && !values.facilitatorId)
    errors.facilitatorId = t('plans.errors.facilitator');
  if ((settingsInput(values).followupMonths ?? []).length === 0)
    errors.followupMonths = t('plans.errors.followupMonths');
  return errors;
}

/**
 * Server field errors keyed the way the form names its fields: `body.content.steps.2.dueOn` and
 * `body.revised.steps.2.dueOn` become `steps.2.dueOn`, `body.memberIds.3` becomes `memberIds`.
 */
export function planFieldErrorsFrom(error: unknown, language: Language, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const found: FieldErrors = {};
  for (const problem of error.problem.errors) {
    const parts = problem.path
      .replace(/^body\./, '')
      .replace(/^(content|revised)\./, '')
      .split('.');
    let key = parts[0] ?? '';
    if (key === 'steps' && parts.length >= 3) key = parts.slice(0, 3).join('.');
    else if (key === 'steps' && parts.length === 2) key = `steps.${parts[1]}.text`;
    else if (key === 'involve' && parts[1]) key = `involve.${parts[1]}`;
    if (!key || found[key]) continue;
    found[key] = problem.messages?.[language] ?? t('fieldErrors.invalid');
  }
  return found;
}

/** The id of a field's control, so the error summary can link and move focus to it. */
export const planFieldId = (path: string) => `plan-${path.replace(/\./g, '-')}`;
