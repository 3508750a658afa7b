import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateRoundInput } from '../../../shared/sheets/round-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import type { FieldErrors } from '../../lib/validation.js';
import { type RoundDetail, roundApi, useRefreshRounds } from './round-queries.js';

/** The title and dates; the open date only until the round has opened. */
export function EditRoundDialog({ orgId, round, onClose }: { orgId: string; round: RoundDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshRounds(orgId);
  const { form, errors, showErrors } = useFieldErrors();
  const [values, setValues] = useState({ title: round.title, opensOn: round.opensOn, closesOn: round.closesOn });
  const canMoveOpen = round.status === 'scheduled';
  const canMoveClose = !(round.anonymous && round.status === 'closed');

  const save = useMutation({
    mutationFn: () => {
      // Only what changed: an unchanged open date of a running round would be refused.
      const input: UpdateRoundInput = {};
      if (values.title.trim() !== round.title) input.title = values.title.trim();
      if (canMoveOpen && values.opensOn !== round.opensOn) input.opensOn = values.opensOn;
      if (canMoveClose && values.closesOn !== round.closesOn) input.closesOn = values.closesOn;
      return roundApi.update(orgId, round.id, input);
    },
    onSuccess: async () => {
      await refresh();
      notify(t('rounds.edit.saved'));
      onClose();
    },
    onError: (error) => showErrors(fieldErrorsFrom(error, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.title.trim()) found.title = t('fieldErrors.required');
    if (!values.opensOn) found.opensOn = t('fieldErrors.required');
    if (!values.closesOn) found.closesOn = t('fieldErrors.required');
    else if (values.closesOn < values.opensOn) found.closesOn = t('rounds.new.closesBeforeOpens');
    if (!showErrors(found)) return;
    save.mutate();
  };

  return (
    <Dialog
      open
      title={t('rounds.edit.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            form="round-edit-form"
            variant="primary"
            busy={save.isPending}
            busyLabel={t('common.saving')}
          >
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id="round-edit-form" ref={form} onSubmit={submit} noValidate className="form">
        {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
        <TextField
          label={t('rounds.fields.title')}
          name="title"
          required
          maxLength={100}
          value={values.title}
          onChange={(event) => setValues({ ...values, title: event.target.value })}
          error={errors.title}
        />
        <TextField
          label={t('rounds.fields.opensOn')}
          type="date"
          name="opensOn"
          required
          disabled={!canMoveOpen}
          hint={canMoveOpen ? undefined : t('rounds.edit.opensOnFixed')}
          value={values.opensOn}
          onChange={(event) => setValues({ ...values, opensOn: event.target.value })}
          error={errors.opensOn}
        />
        <TextField
          label={t('rounds.fields.closesOn')}
          type="date"
          name="closesOn"
          required
          disabled={!canMoveClose}
          hint={canMoveClose ? undefined : t('rounds.edit.closesOnFixed')}
          min={values.opensOn}
          value={values.closesOn}
          onChange={(event) => setValues({ ...values, closesOn: event.target.value })}
          error={errors.closesOn}
        />
      </form>
    </Dialog>
  );
}
