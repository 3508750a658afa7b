import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useDataLang } from '../../components/data-text.js';
import { TextAreaField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { type PlanDraftMove, planDraftApi, useRefreshPlanDrafts } from './results-queries.js';

const NOTE_MAX = 2000;

/** One carried move: what the next level looks like, and my note on how I will get there. */
export function PlanDraftCard({ orgId, move }: { orgId: string; move: PlanDraftMove }) {
  const { t } = useTranslation();
  const notify = useToast();
  const errorText = useErrorText();
  const refresh = useRefreshPlanDrafts(orgId);
  const itemLang = useDataLang(move.itemTitle);
  const [note, setNote] = useState(move.note ?? '');
  const [isConfirming, setConfirming] = useState(false);
  const isChanged = note.trim() !== (move.note ?? '').trim();

  const save = useMutation({
    mutationFn: () => planDraftApi.updateNote(orgId, move.id, note.trim() ? note.trim() : null),
    onSuccess: async () => {
      await refresh();
      notify(t('results.draftNoteSaved'));
    },
  });
  const remove = useMutation({
    mutationFn: () => planDraftApi.remove(orgId, move.id),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
      notify(t('results.draftRemoved', { title: move.itemTitle }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.length > NOTE_MAX) return;
    save.mutate();
  };

  return (
    <li className="plan-draft">
      <h3 className="plan-draft__item" lang={itemLang}>
        {move.itemTitle}
      </h3>
      <p className="next-move__level">
        <span className="next-move__number">{t('results.levelNumber', { level: move.level })}</span>
        <span lang={itemLang}>{move.label}</span>
      </p>
      <p className="next-move__descriptor" lang={itemLang}>
        {move.descriptor}
      </p>
      <form className="plan-draft__form" onSubmit={submit} noValidate>
        <TextAreaField
          label={t('results.draftNote')}
          hint={t('results.draftNoteHint')}
          value={note}
          rows={3}
          maxLength={NOTE_MAX}
          onChange={(event) => setNote(event.target.value)}
          error={note.length > NOTE_MAX ? t('results.draftNoteTooLong', { max: NOTE_MAX }) : undefined}
        />
        {save.isError && <Alert tone="error">{errorText(save.error)}</Alert>}
        <div className="button-row">
          <Button
            type="submit"
            variant="primary"
            size="sm"
            disabled={!isChanged}
            busy={save.isPending}
            busyLabel={t('common.saving')}
            aria-label={t('results.draftSaveFor', { title: move.itemTitle })}
          >
            {t('results.draftSave')}
          </Button>
          <Button
            size="sm"
            variant="tertiary"
            className="button--danger-text"
            onClick={() => setConfirming(true)}
            aria-label={t('results.draftRemoveFor', { title: move.itemTitle })}
          >
            {t('results.draftRemove')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={isConfirming}
        title={t('results.draftRemoveTitle')}
        body={t('results.draftRemoveBody', { title: move.itemTitle })}
        confirmLabel={t('results.draftRemove')}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        busy={remove.isPending}
        error={remove.isError ? errorText(remove.error) : null}
      />
    </li>
  );
}
