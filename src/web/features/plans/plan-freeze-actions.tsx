import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { Dialog } from '../../components/dialog.js';
import { TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { type PlanDetail, planApi, useRefreshPlan } from './plan-queries.js';

/**
 * Freezing the draft: 時点版として保存 (with where it was presented) and 完成版にする, each asked
 * first; and, while nothing is frozen, deleting the plan.
 */
export function PlanFreezeActions({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const notify = useToast();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const refresh = useRefreshPlan(plan.orgId);
  const [open, setOpen] = useState<'snapshot' | 'final' | 'delete' | null>(null);
  const [note, setNote] = useState('');
  const next = plan.versions + 1;

  const freeze = useMutation({
    mutationFn: (kind: 'snapshot' | 'final') => planApi.freeze(plan.orgId, plan.id, kind, note.trim()),
    onSuccess: async (updated, kind) => {
      setOpen(null);
      setNote('');
      await refresh(updated);
      notify(kind === 'final' ? t('plans.freeze.finalDone') : t('plans.freeze.snapshotDone', { number: next }));
    },
  });
  const remove = useMutation({
    mutationFn: () => planApi.remove(plan.orgId, plan.id),
    onSuccess: async () => {
      setOpen(null);
      await refresh();
      notify(t('plans.delete.done', { title: plan.title }));
      await navigate({ to: '/orgs/$orgId/plans', params: { orgId: plan.orgId } });
    },
  });
  const close = () => {
    setOpen(null);
    freeze.reset();
  };

  const noteField = (
    <TextField
      label={t('plans.freeze.note')}
      hint={t('plans.freeze.noteHint')}
      maxLength={200}
      value={note}
      onChange={(event) => setNote(event.target.value)}
    />
  );

  return (
    <section className="panel plan-actions" aria-labelledby="plan-actions">
      <h2 id="plan-actions" className="panel__title">
        {t('plans.freeze.title')}
      </h2>
      <p>{t('plans.freeze.lead')}</p>
      <div className="button-row">
        <Button variant="primary" onClick={() => setOpen('snapshot')}>
          {t('plans.freeze.snapshot')}
        </Button>
        <Button onClick={() => setOpen('final')}>{t('plans.freeze.final')}</Button>
        {plan.versions === 0 && (
          <Button variant="tertiary" className="button--danger-text" onClick={() => setOpen('delete')}>
            {t('plans.delete.button')}
          </Button>
        )}
      </div>
      <Dialog
        open={open === 'snapshot'}
        title={t('plans.freeze.snapshotTitle', { number: next })}
        onClose={close}
        footer={
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              busy={freeze.isPending}
              busyLabel={t('common.saving')}
              onClick={() => freeze.mutate('snapshot')}
            >
              {t('plans.freeze.snapshotConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('plans.freeze.snapshotBody', { number: next })}</p>
        {plan.versions === 0 && <p>{t('plans.freeze.schedules', { months: plan.followupMonths.join('・') })}</p>}
        {noteField}
        {freeze.isError && <Alert tone="error">{errorText(freeze.error)}</Alert>}
      </Dialog>
      <Dialog
        open={open === 'final'}
        title={t('plans.freeze.finalTitle')}
        onClose={close}
        footer={
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              busy={freeze.isPending}
              busyLabel={t('common.saving')}
              onClick={() => freeze.mutate('final')}
            >
              {t('plans.freeze.finalConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('plans.freeze.finalBody', { number: next })}</p>
        {noteField}
        {freeze.isError && <Alert tone="error">{errorText(freeze.error)}</Alert>}
      </Dialog>
      <ConfirmDialog
        open={open === 'delete'}
        title={t('plans.delete.title')}
        body={t('plans.delete.body', { title: plan.title })}
        confirmLabel={t('plans.delete.button')}
        onConfirm={() => remove.mutate()}
        onClose={() => setOpen(null)}
        busy={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
      />
    </section>
  );
}
