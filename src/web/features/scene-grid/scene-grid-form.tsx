import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultLevelLabels,
  defaultStageLabels,
  type SceneGrid,
  type SceneLabel,
  sceneLabelMaxLength,
} from '../../../shared/cases/scene-grid.js';
import { Alert } from '../../components/alert.js';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { ApiError, api, segment } from '../../lib/api.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { useFieldErrors } from '../../lib/use-field-errors.js';
import { sceneGridQueryKey } from './scene-grid-queries.js';
import {
  isDefaultLabel,
  type SceneGridValues,
  sceneGridErrorsFrom,
  sceneGridPayload,
  validateSceneGrid,
  valuesFromGrid,
} from './scene-grid-values.js';

type Axis = 'stages' | 'levels';

/** Renames the stages and change levels in both languages; each label can go back to its default. */
export function SceneGridForm({ orgId, grid }: { orgId: string; grid: SceneGrid }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const notify = useToast();
  const describe = useErrorText();
  const { form, errors, setErrors, showErrors } = useFieldErrors();
  const [values, setValues] = useState<SceneGridValues>(() => valuesFromGrid(grid));

  const save = useMutation({
    mutationFn: () => api.put<SceneGrid>(`/api/orgs/${segment(orgId)}/scene-grid`, sceneGridPayload(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(sceneGridQueryKey(orgId), saved);
      setValues(valuesFromGrid(saved));
      notify(t('sceneGrid.form.saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.problem.errors) {
        showErrors(sceneGridErrorsFrom(error.problem.errors, language, t('fieldErrors.invalid')));
      }
    },
  });

  const setLabel = (axis: Axis, key: string, label: SceneLabel) => {
    const before = (values[axis] as Record<string, SceneLabel>)[key];
    setErrors((current) => {
      const next = { ...current };
      for (const lang of ['ja', 'en'] as const) {
        if (before?.[lang] !== label[lang]) delete next[`${axis}.${key}.${lang}`];
      }
      return next;
    });
    setValues((current) => ({ ...current, [axis]: { ...current[axis], [key]: label } }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!showErrors(validateSceneGrid(values, t))) return;
    save.mutate();
  };

  const axes = [
    { axis: 'stages', legend: t('sceneGrid.form.stages'), defaults: defaultStageLabels },
    { axis: 'levels', legend: t('sceneGrid.form.levels'), defaults: defaultLevelLabels },
  ] as const;

  return (
    <form ref={form} onSubmit={submit} noValidate className="panel form form--wide">
      {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
      {axes.map(({ axis, legend, defaults }) => (
        <fieldset key={axis} className="scene-grid-form__axis">
          <legend className="scene-grid-form__legend">{legend}</legend>
          <div className="scene-grid-form__entries">
            {Object.entries<SceneLabel>(defaults).map(([key, fallback]) => {
              const label = (values[axis] as Record<string, SceneLabel>)[key] ?? fallback;
              const isDefault = isDefaultLabel(axis, key, label);
              return (
                <fieldset key={key} className="scene-grid-form__entry">
                  <legend className="scene-grid-form__entry-legend">
                    {fallback[language]}
                    {!isDefault && (
                      <>
                        {' '}
                        <Badge tone="info">{t('sceneGrid.form.renamed')}</Badge>
                      </>
                    )}
                  </legend>
                  <p className="field__hint">
                    {t('sceneGrid.form.defaultIs')}
                    <span lang="ja">{fallback.ja}</span> / <span lang="en">{fallback.en}</span>
                    <br />
                    {t('sceneGrid.form.limit', { max: sceneLabelMaxLength })}
                  </p>
                  {(['ja', 'en'] as const).map((lang) => (
                    <TextField
                      key={lang}
                      label={t(`sceneGrid.form.${lang}`)}
                      lang={lang}
                      value={label[lang]}
                      required
                      autoComplete="off"
                      error={errors[`${axis}.${key}.${lang}`]}
                      onChange={(event) => setLabel(axis, key, { ...label, [lang]: event.target.value })}
                    />
                  ))}
                  {!isDefault && (
                    <div className="button-row">
                      <Button
                        size="sm"
                        variant="tertiary"
                        aria-label={t('sceneGrid.form.resetName', { name: fallback[language] })}
                        onClick={() => setLabel(axis, key, fallback)}
                      >
                        {t('sceneGrid.form.reset')}
                      </Button>
                    </div>
                  )}
                </fieldset>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
