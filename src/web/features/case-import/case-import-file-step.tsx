import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseImport, UnfinishedImport } from '../../../shared/case-import/import-schema.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { discardImport, resumeImport, unfinishedImportsQuery, uploadCaseList } from './case-import-api.js';

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
    <>
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
      <UnfinishedImports orgId={orgId} onRead={onRead} />
    </>
  );
}

/**
 * Imports started here and not committed (kept for a day): continued from the mapping their rows
 * were last checked with, after a reload or a break, or discarded.
 */
function UnfinishedImports({ orgId, onRead }: { orgId: string; onRead: (list: CaseImport) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const client = useQueryClient();
  const unfinished = useQuery({ ...unfinishedImportsQuery(orgId), refetchOnMount: 'always' });
  const [error, setError] = useState<string | null>(null);
  const resume = useMutation({
    mutationFn: (id: string) => resumeImport(orgId, id),
    onSuccess: onRead,
    onError: (failure) => setError(errorText(failure)),
  });
  const discard = useMutation({
    mutationFn: (id: string) => discardImport(orgId, id),
    onSettled: () => client.invalidateQueries({ queryKey: unfinishedImportsQuery(orgId).queryKey }),
    onError: (failure) => setError(errorText(failure)),
  });
  const imports = unfinished.data?.imports ?? [];
  if (imports.length === 0) return null;
  const describe = (item: UnfinishedImport) =>
    t('caseImport.unfinished.item', {
      rows: formatNumber(item.rowCount, language),
      checked: formatNumber(item.checked, language),
      at: formatDateTime(item.startedAt, language),
    });
  return (
    <section className="case-import-unfinished" aria-labelledby="case-import-unfinished">
      <h3 id="case-import-unfinished">{t('caseImport.unfinished.title')}</h3>
      <p className="field__hint">{t('caseImport.unfinished.lead')}</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {imports.map((item) => (
          <li key={item.id}>
            <div>
              <strong>
                <DataText>{item.fileName}</DataText>
              </strong>
              <span className="case-import-unfinished__facts">
                {describe(item)}
                {item.startedBy && (
                  <>
                    {t('caseImport.unfinished.by')}
                    <DataText>{item.startedBy}</DataText>
                  </>
                )}
              </span>
            </div>
            <div className="case-import-unfinished__actions">
              <Button
                variant="secondary"
                disabled={resume.isPending}
                aria-label={t('caseImport.unfinished.resumeNamed', { name: item.fileName })}
                onClick={() => resume.mutate(item.id)}
              >
                {t('caseImport.unfinished.resume')}
              </Button>
              <Button
                variant="tertiary"
                disabled={discard.isPending}
                aria-label={t('caseImport.unfinished.discardNamed', { name: item.fileName })}
                onClick={() => discard.mutate(item.id)}
              >
                {t('caseImport.unfinished.discard')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
