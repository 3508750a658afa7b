import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { FieldFrame, fieldDescribedBy } from '../../components/form-field.js';
import { useToast } from '../../components/toast.js';
import { ApiError } from '../../lib/api.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { formatOfFileName, sheetApi, useRefreshSheets } from './sheet-queries.js';

/** Reads a YAML or JSON template file; a key the organisation already has becomes its next version. */
export function SheetImportForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const notify = useToast();
  const navigate = useNavigate();
  const refresh = useRefreshSheets(orgId);
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string>();

  const importFile = useMutation({
    mutationFn: async (file: File) => {
      const format = formatOfFileName(file.name);
      if (!format) throw new Error('format');
      return sheetApi.importFile(orgId, format, await file.text());
    },
    onSuccess: async (created) => {
      await refresh();
      notify(t('sheets.imported', { version: created.version }));
      if (fileRef.current) fileRef.current.value = '';
      await navigate({
        to: '/orgs/$orgId/sheets/$templateId',
        params: { orgId, templateId: created.templateId },
      });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setFileError(undefined);
    importFile.reset();
    if (!file) return setFileError(t('sheets.fileRequired'));
    if (!formatOfFileName(file.name)) return setFileError(t('sheets.fileFormat'));
    importFile.mutate(file);
  };

  const problems =
    importFile.error instanceof ApiError && importFile.error.problem.errors?.length
      ? importFile.error.problem.errors
      : undefined;

  return (
    <form className="sheet-import" onSubmit={submit} noValidate>
      <FieldFrame id={inputId} label={t('sheets.file')} hint={t('sheets.fileHint')} error={fileError}>
        <input
          ref={fileRef}
          id={inputId}
          type="file"
          className="input sheet-import__file"
          accept=".yaml,.yml,.json"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fieldDescribedBy(inputId, true, fileError)}
        />
      </FieldFrame>
      {importFile.isError && (
        <Alert tone="error" title={errorText(importFile.error)}>
          {problems && (
            <ul className="sheet-problems">
              {problems.map((problem) => (
                <li key={`${problem.path}-${problem.code}`}>{problem.messages[language] ?? problem.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={importFile.isPending} busyLabel={t('sheets.importing')}>
          {t('sheets.import')}
        </Button>
      </div>
    </form>
  );
}
