import type { TFunction } from 'i18next';
import {
  defaultAnonymityThreshold,
  maxAnonymityThreshold,
  minAnonymityThreshold,
  type RoundScopeKind,
} from '../../../shared/sheets/round-schema.js';
import { toIsoDay } from '../../lib/format.js';
import type { FieldErrors } from '../../lib/validation.js';
import type { Participant } from './participant-picker.js';

const defaultLengthDays = 14;

/** A calendar day `days` after `day` (both YYYY-MM-DD), with no time zone to slip across. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface RoundForm {
  title: string;
  templateId: string;
  /** 0 until a version is chosen: the newest one is taken. */
  version: number;
  scopeKind: RoundScopeKind;
  departmentIds: string[];
  participants: Participant[];
  opensOn: string;
  closesOn: string;
  anonymityThreshold: string;
  anonymous: boolean;
}

export function initialForm(): RoundForm {
  const today = toIsoDay(new Date());
  return {
    title: '',
    templateId: '',
    version: 0,
    scopeKind: 'org',
    departmentIds: [],
    participants: [],
    opensOn: today,
    closesOn: addDays(today, defaultLengthDays),
    anonymityThreshold: String(defaultAnonymityThreshold),
    anonymous: true,
  };
}

/** What stops the form from being sent, by field; empty when it can go. */
export function checkRoundForm(values: RoundForm, t: TFunction): FieldErrors {
  const found: FieldErrors = {};
  if (!values.title.trim()) found.title = t('fieldErrors.required');
  if (!values.templateId) found.templateId = t('rounds.new.templateRequired');
  if (values.scopeKind === 'departments' && values.departmentIds.length === 0)
    found.departmentIds = t('rounds.new.departmentsRequired');
  if (!values.opensOn) found.opensOn = t('fieldErrors.required');
  if (!values.closesOn) found.closesOn = t('fieldErrors.required');
  else if (values.opensOn && values.closesOn < values.opensOn) found.closesOn = t('rounds.new.closesBeforeOpens');
  const k = Number(values.anonymityThreshold);
  if (!Number.isInteger(k) || k < minAnonymityThreshold || k > maxAnonymityThreshold)
    found.anonymityThreshold = t('rounds.new.thresholdRange', {
      min: minAnonymityThreshold,
      max: maxAnonymityThreshold,
    });
  return found;
}
