import type { TFunction } from 'i18next';
import type { ja } from '../../lib/i18n/ja.js';

type ActionName = keyof typeof ja.auditActions;
type CategoryName = keyof typeof ja.auditCategories;
type TargetName = keyof typeof ja.targetTypes;

export const knownActions = [
  'auth.login',
  'auth.logout_all',
  'auth.request_password_reset',
  'auth.reset_password',
  'department.create',
  'department.update',
  'department.delete',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'membership.update',
  'membership.delete',
  'membership.login_unlock',
  'org.create',
  'org.update',
  'user.change_password',
  'user.update_profile',
  'sheet_template.create',
  'sheet_template.new_version',
  'sheet_round.create',
  'sheet_round.update',
  'sheet_round.delete',
  'sheet_round.close',
  'sheet_round.invite',
  'sheet_round.join',
  'sheet_response.submit',
  'plan_draft.carry',
  'plan_draft.remove',
  'scene_grid.update',
  'case.create',
  'case.update',
  'case.delete',
  'case.submit',
  'case.return',
  'case.approve',
  'case.publish',
  'case.unpublish',
  'case.comment',
  'case.award',
  'case.attachment_add',
  'case.attachment_delete',
  'case.import',
  'case.import_discard',
  'workshop.create',
  'workshop.lock',
  'workshop.reopen',
  'workshop.event_create',
  'workshop.programme',
  'workshop.results',
  'plan.create',
  'plan.update',
  'plan.delete',
  'plan.freeze',
  'plan.finalise',
  'plan.followup',
  'mail.reveal_link',
] as const satisfies readonly ActionName[];

export const actionCategories = [
  'department',
  'membership',
  'invitation',
  'org',
  'auth',
  'user',
  'sheet_template',
  'sheet_round',
  'sheet_response',
  'plan_draft',
  'scene_grid',
  'case',
  'workshop',
  'plan',
  'mail',
] as const satisfies readonly CategoryName[];

export const targetTypes = [
  'department',
  'membership',
  'invitation',
  'organization',
  'user',
  'sheet_template',
  'sheet_round',
  'plan_draft_move',
  'scene_grid',
  'case',
  'case_import',
  'workshop',
  'plan',
  'mail',
] as const satisfies readonly TargetName[];

function isKnown<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A human name for an action; new actions the UI does not know yet show their raw name. */
export function actionLabel(action: string, t: TFunction): string {
  return isKnown(knownActions, action) ? t(`auditActions.${action}`) : action;
}

export function targetTypeLabel(targetType: string, t: TFunction): string {
  return isKnown(targetTypes, targetType) ? t(`targetTypes.${targetType}`) : targetType;
}
