import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/members/schema.js';
import { Button } from '../../components/button.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { actionCategories, actionLabel, knownActions, targetTypeLabel, targetTypes } from './audit-labels.js';
import { type AuditFilters, emptyAuditFilters } from './audit-queries.js';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  members: readonly Member[];
}

/** Filters are applied with a button: a date typed halfway should not start a search. */
export function AuditFiltersForm({ value, onApply, members }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [dateError, setDateError] = useState<string | undefined>();
  const set = (key: keyof AuditFilters, next: string) => setDraft({ ...draft, [key]: next });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setDateError(t('audit.dateRange'));
      return;
    }
    setDateError(undefined);
    onApply(draft);
  };

  return (
    <search aria-label={t('audit.filters')}>
      <form className="filters panel" onSubmit={submit} noValidate>
        <SelectField
          label={t('audit.action')}
          name="action"
          value={draft.action}
          onChange={(e) => set('action', e.target.value)}
        >
          <option value="">{t('audit.allActions')}</option>
          <optgroup label={t('audit.categories')}>
            {actionCategories.map((category) => (
              <option key={category} value={`${category}.`}>
                {t('audit.categoryLabel', { label: t(`auditCategories.${category}`) })}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('audit.specific')}>
            {knownActions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action, t)}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <SelectField
          label={t('audit.actor')}
          name="actorId"
          value={draft.actorId}
          onChange={(e) => set('actorId', e.target.value)}
        >
          <option value="">{t('common.all')}</option>
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('audit.targetType')}
          name="targetType"
          value={draft.targetType}
          onChange={(e) => set('targetType', e.target.value)}
        >
          <option value="">{t('common.all')}</option>
          {targetTypes.map((type) => (
            <option key={type} value={type}>
              {targetTypeLabel(type, t)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('audit.from')}
          type="date"
          name="from"
          value={draft.from}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          label={t('audit.to')}
          type="date"
          name="to"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(e) => set('to', e.target.value)}
          error={dateError}
        />
        <div className="filters__actions button-row">
          <Button type="submit" variant="primary">
            {t('audit.apply')}
          </Button>
          <Button
            onClick={() => {
              setDraft(emptyAuditFilters);
              setDateError(undefined);
              onApply(emptyAuditFilters);
            }}
          >
            {t('audit.reset')}
          </Button>
        </div>
      </form>
    </search>
  );
}
