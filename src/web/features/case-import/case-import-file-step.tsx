import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseImport } from '../../../shared/case-import/import-schema.js';
import { Button } from '../../components/button.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { uploadCaseList } from './case-import-api.js';

/** Step 1: the reader picks a spreadsheet or CSV; the server reads its headers and a preview. */
export function FileStep({ orgId, onRead }: { orgId: string; onRead: (list: CaseImport) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useLanguage();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('caseImport.file.required'));
      return;
    }
    setReading(true);
    setError(null);
    try {
      onRead(await uploadCaseList(orgId, file));
    } catch (failure) {
      const problem = (failure as { problem?: { errors?: { messages: { ja: string; en: string } }[] } }).problem;
      setError(problem?.errors?.[0]?.messages[language] ?? errorText(failure));
    } finally {
      setReading(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('caseImport.file.label')}
        </label>
        <p className="field__hint" id={`${inputId}-hint`}>
          {t('caseImport.file.hint')}
        </p>
        <input
          id={inputId}
          type="file"
          className="case-import-file"
          accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        {error && (
          <p className="field__error" id={`${inputId}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="case-import-actions">
        <Button type="submit" variant="primary" disabled={reading}>
          {reading ? t('caseImport.file.reading') : t('caseImport.file.submit')}
        </Button>
      </div>
    </form>
  );
}
