import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CareerEntry,
  type CareerEntryInput,
  type CareerEntryKind,
  careerEntryKinds,
} from '../../../shared/career/career-schema.js';
import type { SceneGrid, SceneId } from '../../../shared/cases/scene-grid.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { toIsoDay } from '../../lib/format.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import type { FieldErrors } from '../../lib/validation.js';
import { careerApi, useRefreshCareer } from './career-queries.js';
import { CareerScenePicker } from './career-scenes.js';
import '../cases/cases.css';

interface CareerEntryDialogProps {
  grid: SceneGrid;
  /** Editing this entry; without it the dialog adds a new one. */
  entry?: CareerEntry | undefined;
  /** Where a new entry starts out: the organisation and department the person is in now. */
  defaults: { orgName: string; departmentName: string };
  onClose: () => void;
}

/** Add or rewrite one entry of the career map: kind, title, dates, where, scene, description, reflection. */
export function CareerEntryDialog({ grid, entry, defaults, onClose }: CareerEntryDialogProps) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshCareer();
  const { form, errors, showErrors } = useFieldErrors();
  const [kind, setKind] = useState<CareerEntryKind>(entry?.kind ?? 'project');
  const [title, setTitle] = useState(entry?.title ?? '');
  const [startedOn, setStartedOn] = useState(entry?.startedOn ?? toIsoDay(new Date()));
  const [endedOn, setEndedOn] = useState(entry?.endedOn ?? '');
  const [orgName, setOrgName] = useState(entry?.orgName ?? defaults.orgName);
  const [departmentName, setDepartmentName] = useState(entry?.departmentName ?? defaults.departmentName);
  const [sceneId, setSceneId] = useState<SceneId | ''>(entry?.sceneId ?? '');
  const [description, setDescription] = useState(entry?.description ?? '');
  const [reflection, setReflection] = useState(entry?.reflection ?? '');

  const save = useMutation({
    mutationFn: (input: CareerEntryInput) =>
      entry ? careerApi.updateEntry(entry.id, input) : careerApi.createEntry(input),
    onSuccess: async (saved) => {
      await refresh();
      notify(t(entry ? 'career.form.saved' : 'career.form.created', { title: saved.title }));
      onClose();
    },
    onError: (error) => showErrors(fieldErrorsFrom(error, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!title.trim()) found.title = t('fieldErrors.required');
    if (!startedOn) found.startedOn = t('fieldErrors.required');
    if (startedOn && endedOn && endedOn < startedOn) found.endedOn = t('career.form.endedBeforeStarted');
    if (!showErrors(found)) return;
    save.mutate({
      kind,
      title: title.trim(),
      startedOn,
      endedOn: endedOn || null,
      orgName: orgName.trim(),
      departmentName: departmentName.trim(),
      sceneId: sceneId || null,
      description: description.trim(),
      reflection: reflection.trim(),
    });
  };

  const formId = `career-entry-form-${entry?.id ?? 'new'}`;
  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <Dialog
      open
      title={entry ? t('career.form.editTitle') : t('career.form.addTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {entry ? t('career.form.save') : t('career.form.create')}
          </Button>
        </>
      }
    >
      <form id={formId} ref={form} onSubmit={submit} noValidate className="form career-form">
        {save.isError && !hasFieldErrors && <Alert tone="error">{describe(save.error)}</Alert>}
        <SelectField
          label={t('career.form.kind')}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as CareerEntryKind)}
          error={errors.kind}
        >
          {careerEntryKinds.map((value) => (
            <option key={value} value={value}>
              {t(`career.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('career.form.title')}
          hint={t('career.form.titleHint')}
          name="title"
          required
          maxLength={100}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={errors.title}
        />
        <div className="career-form__pair">
          <TextField
            label={t('career.form.startedOn')}
            name="startedOn"
            type="date"
            required
            value={startedOn}
            onChange={(event) => setStartedOn(event.target.value)}
            error={errors.startedOn}
          />
          <TextField
            label={t('career.form.endedOn')}
            hint={t('career.form.endedOnHint')}
            name="endedOn"
            type="date"
            value={endedOn}
            onChange={(event) => setEndedOn(event.target.value)}
            error={errors.endedOn}
          />
        </div>
        <div className="career-form__pair">
          <TextField
            label={t('career.form.orgName')}
            hint={t('career.form.orgNameHint')}
            name="orgName"
            maxLength={100}
            value={orgName}
            onChange={(event) => setOrgName(event.target.value)}
            error={errors.orgName}
          />
          <TextField
            label={t('career.form.departmentName')}
            name="departmentName"
            maxLength={100}
            value={departmentName}
            onChange={(event) => setDepartmentName(event.target.value)}
            error={errors.departmentName}
          />
        </div>
        <CareerScenePicker grid={grid} value={sceneId} onChange={setSceneId} error={errors.sceneId} />
        <TextAreaField
          label={t('career.form.description')}
          name="description"
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors.description}
        />
        <TextAreaField
          label={t('career.form.reflection')}
          hint={t('career.form.reflectionHint')}
          name="reflection"
          rows={4}
          maxLength={2000}
          value={reflection}
          onChange={(event) => setReflection(event.target.value)}
          error={errors.reflection}
        />
      </form>
    </Dialog>
  );
}
