import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCriteria } from '../../../shared/workshops/presentation-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { PageHeader } from '../../components/page-header.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { focusFirstInvalid } from '../../lib/validation.js';
import { workshopsQueryKey } from '../workshops/workshop-queries.js';
import { eventApi } from './event-queries.js';
import { CriteriaRows, newRow, ProgrammeRows, pathErrors, programmeInput } from './programme-rows.js';
import '../workshops/workshops.css';
import './presentations.css';

/** 事例発表会を開く: the event's name, each presenter's minutes, the judging criteria and the programme. */
export function PresentationEventCreatePage() {
  const { t } = useTranslation();
  const describe = useErrorText();
  const language = useLanguage();
  const orgId = useOrgId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [criteria, setCriteria] = useState<string[]>(() => [...defaultCriteria[language]]);
  const [rows, setRows] = useState(() => [newRow(), newRow()]);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const create = useMutation({
    mutationFn: () =>
      eventApi.create(orgId, {
        title,
        minutes: Number(minutes),
        criteria,
        presentations: programmeInput(rows),
      }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: workshopsQueryKey(orgId) });
      await navigate({ to: '/orgs/$orgId/presentation-events/$workshopId', params: { orgId, workshopId: id } });
    },
    onError: () => focusFirstInvalid(form),
  });
  const errors = pathErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader
        title={t('presentations.create.title')}
        lead={t('presentations.create.lead')}
        actions={
          <Link to="/orgs/$orgId/workshops" params={{ orgId }} className="button button--tertiary">
            {t('workshops.back')}
          </Link>
        }
      />
      <form ref={setForm} className="form event-form" onSubmit={submit} noValidate>
        {create.isError && <Alert tone="error">{describe(create.error)}</Alert>}
        <TextField
          label={t('presentations.create.name')}
          hint={t('presentations.create.nameHint')}
          required
          maxLength={100}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.title}
        />
        <TextField
          label={t('presentations.create.minutes')}
          hint={t('presentations.create.minutesHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          required
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          error={errors.minutes}
          fieldClassName="field--short"
        />
        <CriteriaRows criteria={criteria} onChange={setCriteria} errors={errors} />
        <ProgrammeRows orgId={orgId} rows={rows} onChange={setRows} errors={errors} />
        <p className="button-row">
          <Button
            type="submit"
            variant="primary"
            busy={create.isPending}
            busyLabel={t('presentations.create.submitting')}
          >
            {t('presentations.create.submit')}
          </Button>
          <Link to="/orgs/$orgId/workshops" params={{ orgId }} className="button button--tertiary">
            {t('presentations.create.cancel')}
          </Link>
        </p>
      </form>
    </>
  );
}
