import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxAnonymityThreshold, minAnonymityThreshold, roundScopeKinds } from '../../../shared/sheets/round-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useOrgId } from '../../lib/org-context.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { departmentsQueryOptions } from '../departments/department-queries.js';
import { sheetTemplatesQueryOptions, sheetVersionsQueryOptions } from '../sheets/sheet-queries.js';
import { DepartmentChecklist } from './department-checklist.js';
import { ParticipantPicker } from './participant-picker.js';
import { checkRoundForm, initialForm, type RoundForm } from './round-form.js';
import { roundApi, useRefreshRounds } from './round-queries.js';
import './rounds.css';

export function RoundNewPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const navigate = useNavigate();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshRounds(orgId);
  const { form, errors, showErrors } = useFieldErrors();
  const [values, setValues] = useState<RoundForm>(initialForm);
  const templates = useQuery(sheetTemplatesQueryOptions(orgId));
  const versions = useQuery({ ...sheetVersionsQueryOptions(orgId, values.templateId), enabled: !!values.templateId });
  const departments = useQuery({ ...departmentsQueryOptions(orgId), enabled: values.scopeKind === 'departments' });
  const template = templates.data?.find((x) => x.id === values.templateId);
  const version = values.version || template?.latestVersion || 0;
  const set = (patch: Partial<RoundForm>) => setValues((current) => ({ ...current, ...patch }));

  const create = useMutation({
    mutationFn: () =>
      roundApi.create(orgId, {
        title: values.title.trim(),
        templateId: values.templateId,
        version,
        scopeKind: values.scopeKind,
        departmentIds: values.scopeKind === 'departments' ? values.departmentIds : [],
        participantIds: values.scopeKind === 'cohort' ? values.participants.map((p) => p.userId) : [],
        opensOn: values.opensOn,
        closesOn: values.closesOn,
        anonymityThreshold: Number(values.anonymityThreshold),
        anonymous: values.anonymous,
      }),
    onSuccess: async (created) => {
      await refresh();
      notify(t('rounds.new.created', { title: values.title.trim() }));
      await navigate({ to: '/orgs/$orgId/rounds/$roundId', params: { orgId, roundId: created.id } });
    },
    onError: (error) => showErrors(fieldErrorsFrom(error, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!showErrors(checkRoundForm(values, t))) return;
    create.mutate();
  };

  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
          {t('rounds.back')}
        </Link>
      </p>
      <PageHeader title={t('rounds.new.title')} lead={t('rounds.new.lead')} />
      {templates.isPending && <Loading />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.isSuccess && templates.data.length === 0 && (
        <Alert tone="info">
          {t('rounds.new.noTemplates')}{' '}
          <Link to="/orgs/$orgId/sheets" params={{ orgId }}>
            {t('nav.sheets')}
          </Link>
        </Alert>
      )}
      {templates.isSuccess && templates.data.length > 0 && (
        <form ref={form} className="form form--wide" onSubmit={submit} noValidate>
          {create.isError && <Alert tone="error">{describe(create.error)}</Alert>}
          <TextField
            label={t('rounds.fields.title')}
            hint={t('rounds.new.titleHint')}
            name="title"
            required
            maxLength={100}
            value={values.title}
            onChange={(event) => set({ title: event.target.value })}
            error={errors.title}
          />
          <div className="form-row">
            <SelectField
              label={t('rounds.fields.sheet')}
              name="templateId"
              required
              value={values.templateId}
              onChange={(event) => set({ templateId: event.target.value, version: 0 })}
              error={errors.templateId}
            >
              <option value="">{t('rounds.new.chooseTemplate')}</option>
              {templates.data.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('rounds.fields.version')}
              name="version"
              hint={t('rounds.new.versionHint')}
              value={version || ''}
              disabled={!template}
              onChange={(event) => set({ version: Number(event.target.value) })}
              error={errors.version}
            >
              {!template && <option value="">{t('rounds.new.chooseTemplateFirst')}</option>}
              {(versions.data ?? (template ? [{ version: template.latestVersion }] : [])).map((v) => (
                <option key={v.version} value={v.version}>
                  {t('rounds.versionNumber', { version: v.version })}
                  {template && v.version === template.latestVersion ? ` ${t('rounds.new.latest')}` : ''}
                </option>
              ))}
            </SelectField>
          </div>

          <Group legend={t('rounds.fields.scope')} error={errors.scopeKind} errorId="scopeKind-error">
            <div className="choice-list">
              {roundScopeKinds.map((kind) => (
                <label key={kind} className="choice">
                  <input
                    type="radio"
                    name="scopeKind"
                    className="choice__input"
                    value={kind}
                    checked={values.scopeKind === kind}
                    onChange={() => set({ scopeKind: kind })}
                  />
                  <span className="choice__text">
                    <span className="choice__label">{t(`rounds.new.scope.${kind}`)}</span>
                    <span className="choice__hint">{t(`rounds.new.scopeHint.${kind}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </Group>
          {values.scopeKind === 'departments' && (
            <Group
              legend={t('rounds.new.departments')}
              hint={t('rounds.new.departmentsHint')}
              error={errors.departmentIds}
              errorId="departmentIds-error"
            >
              {departments.isPending && <Loading minHeight={48} />}
              {departments.isError && (
                <QueryError error={departments.error} onRetry={() => void departments.refetch()} />
              )}
              {departments.data && (
                <DepartmentChecklist
                  departments={departments.data}
                  selected={values.departmentIds}
                  onChange={(departmentIds) => set({ departmentIds })}
                  error={errors.departmentIds}
                />
              )}
            </Group>
          )}
          {values.scopeKind === 'cohort' && (
            <Group
              legend={t('rounds.new.participants')}
              hint={t('rounds.new.participantsHint')}
              error={errors.participantIds}
              errorId="participantIds-error"
            >
              <ParticipantPicker
                orgId={orgId}
                selected={values.participants}
                onChange={(participants) => set({ participants })}
                error={errors.participantIds}
              />
            </Group>
          )}

          <div className="form-row">
            <TextField
              label={t('rounds.fields.opensOn')}
              type="date"
              name="opensOn"
              required
              value={values.opensOn}
              onChange={(event) => set({ opensOn: event.target.value })}
              error={errors.opensOn}
            />
            <TextField
              label={t('rounds.fields.closesOn')}
              type="date"
              name="closesOn"
              required
              min={values.opensOn || undefined}
              value={values.closesOn}
              onChange={(event) => set({ closesOn: event.target.value })}
              error={errors.closesOn}
            />
          </div>
          <TextField
            label={t('rounds.fields.threshold')}
            hint={t('rounds.new.thresholdHint')}
            type="number"
            inputMode="numeric"
            name="anonymityThreshold"
            fieldClassName="field--narrow"
            min={minAnonymityThreshold}
            max={maxAnonymityThreshold}
            required
            value={values.anonymityThreshold}
            onChange={(event) => set({ anonymityThreshold: event.target.value })}
            error={errors.anonymityThreshold}
          />
          <div className="field">
            <label className="check check--boxed">
              <input
                type="checkbox"
                className="check__input"
                name="anonymous"
                checked={values.anonymous}
                onChange={(event) => set({ anonymous: event.target.checked })}
                aria-describedby="anonymous-hint"
              />
              <span className="choice__label">{t('rounds.new.anonymous')}</span>
            </label>
            <p id="anonymous-hint" className="field__hint">
              {values.anonymous ? t('rounds.new.anonymousHint') : t('rounds.new.namedHint')}
            </p>
          </div>
          <div className="button-row">
            <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('rounds.new.creating')}>
              {t('rounds.new.create')}
            </Button>
            <Link to="/orgs/$orgId/rounds" params={{ orgId }} className="button button--tertiary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      )}
    </>
  );
}

/** A fieldset with the same hint and error layout as a single field. */
function Group({
  legend,
  hint,
  error,
  errorId,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  errorId: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={['field', 'fieldset', error ? 'field--error' : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {children}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
