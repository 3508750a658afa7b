import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { SelectField, TextAreaField } from '../../components/form-field.js';
import { formatTime } from '../../lib/format.js';
import { useErrorText } from '../../lib/problems.js';
import { withNote } from './workshop-events.js';
import { useGroupName } from './workshop-parts.js';
import { workshopApi, workshopQueryKey } from './workshop-queries.js';

type Item = WorkshopView['items'][number];

export function NotesForm({ orgId, view, item }: { orgId: string; view: WorkshopView; item: Item }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const groupName = useGroupName();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState('all');
  const saved = view.notes.find((note) => note.scope === scope && note.itemKey === item.key);
  const [draft, setDraft] = useState(() => draftOf(saved));
  const [dirty, setDirty] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      workshopApi.saveNote(orgId, view.id, {
        scope,
        itemKey: item.key,
        notes: draft.notes,
        nextMove: draft.nextMove,
        agreedLevel: draft.agreedLevel ? Number(draft.agreedLevel) : null,
        agreedReason: draft.agreedReason,
      }),
    onSuccess: (note) => {
      setDirty(false);
      queryClient.setQueryData<WorkshopView>(workshopQueryKey(orgId, view.id), (current) =>
        current ? withNote(current, note) : current,
      );
    },
  });
  const change = (patch: Partial<typeof draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const chooseScope = (next: string) => {
    setScope(next);
    setDraft(draftOf(view.notes.find((note) => note.scope === next && note.itemKey === item.key)));
    setDirty(false);
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const status = dirty
    ? t('workshops.console.noteUnsaved')
    : saved
      ? t('workshops.console.noteSaved', { time: formatTime(new Date(saved.updatedAt)) })
      : '';

  return (
    <section aria-labelledby="workshop-notes" className="workshop-notes">
      <h3 id="workshop-notes" className="workshop-item__subtitle">
        {t('workshops.console.notesTitle')}
      </h3>
      <form className="form" onSubmit={submit}>
        <SelectField
          label={t('workshops.console.noteScope')}
          value={scope}
          onChange={(event) => chooseScope(event.target.value)}
          fieldClassName="field--narrow"
        >
          <option value="all">{t('workshops.console.overall')}</option>
          {view.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {groupName(group)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('workshops.console.notes')}
          rows={3}
          maxLength={2000}
          value={draft.notes}
          onChange={(event) => change({ notes: event.target.value })}
        />
        <TextAreaField
          label={t('workshops.console.nextMove')}
          rows={2}
          maxLength={2000}
          value={draft.nextMove}
          onChange={(event) => change({ nextMove: event.target.value })}
        />
        <SelectField
          label={t('workshops.console.agreedLevel')}
          value={draft.agreedLevel}
          onChange={(event) => change({ agreedLevel: event.target.value })}
          fieldClassName="field--narrow"
        >
          <option value="">{t('workshops.console.noAgreedLevel')}</option>
          {item.levels.map((level, i) => (
            <option key={level.label} value={String(i + 1)}>
              {t('workshops.distribution.level', { number: i + 1 })} {level.label}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('workshops.console.agreedReason')}
          rows={2}
          maxLength={2000}
          value={draft.agreedReason}
          onChange={(event) => change({ agreedReason: event.target.value })}
        />
        {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {t('workshops.console.saveNote')}
          </Button>
          <p role="status" className={`workshop-notes__status${dirty ? '' : ' workshop-notes__status--saved'}`}>
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}

function draftOf(note: WorkshopView['notes'][number] | undefined) {
  return {
    notes: note?.notes ?? '',
    nextMove: note?.nextMove ?? '',
    agreedLevel: note?.agreedLevel ? String(note.agreedLevel) : '',
    agreedReason: note?.agreedReason ?? '',
  };
}
