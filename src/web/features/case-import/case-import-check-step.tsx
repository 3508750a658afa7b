import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CaseImport,
  CommitImportResult,
  ImportMapping,
  RowError,
} from '../../../shared/case-import/import-schema.js';
import { type CaseSharing, caseSharings } from '../../../shared/cases/case-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataTable } from '../../components/data-table.js';
import { SelectField } from '../../components/form-field.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { commitImport, validateBatch } from './case-import-api.js';

const BATCH = 500;
const SHOWN_ERRORS = 200;

/** Step 3: every row checked batch by batch, then the import committed with the chosen status and sharing. */
export function CheckStep({
  orgId,
  list,
  mapping,
  onBack,
  onRestart,
  onDone,
}: {
  orgId: string;
  list: CaseImport;
  mapping: ImportMapping;
  onBack: () => void;
  onRestart: () => void;
  onDone: (result: CommitImportResult) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const progressId = useId();
  const [done, setDone] = useState(0);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [finished, setFinished] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<'published' | 'draft'>('published');
  const [sharing, setSharing] = useState<CaseSharing>('org');
  const [committing, setCommitting] = useState(false);

  // The wording function changes with every render; the check must not start over with it.
  const errorTextRef = useRef(errorText);
  errorTextRef.current = errorText;

  // Checks the rows batch by batch, so the bar shows real progress and no request runs long.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const found: RowError[] = [];
      let offset: number | null = 0;
      try {
        while (offset !== null && !cancelled) {
          const batch = await validateBatch(orgId, list.id, mapping, offset, BATCH);
          found.push(...batch.errors);
          if (cancelled) return;
          setDone(offset + batch.checked);
          setErrors([...found]);
          offset = batch.nextOffset;
        }
        if (!cancelled) setFinished(true);
      } catch (error) {
        if (!cancelled) setFailure(errorTextRef.current(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [orgId, list.id, mapping]);

  const commit = async () => {
    setCommitting(true);
    setFailure(null);
    try {
      const result = await commitImport(orgId, list.id, { status, sharing });
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId] });
      onDone(result);
    } catch (error) {
      setFailure(errorText(error));
      setCommitting(false);
    }
  };

  const busy = !finished && !failure;
  return (
    <>
      <div className="case-import-progress">
        <label htmlFor={progressId} className="field__label">
          {committing ? t('caseImport.check.committing') : t('caseImport.check.progress')}
        </label>
        {committing ? <progress id={progressId} /> : <progress id={progressId} max={list.rowCount} value={done} />}
        <p role="status" className="case-import-progress__text">
          {t('caseImport.check.progressText', { done, total: list.rowCount })}
        </p>
      </div>
      {failure && <Alert tone="error">{failure}</Alert>}
      {errors.length > 0 && (
        <>
          <Alert tone="error">{t('caseImport.check.errorsTitle', { count: errors.length })}</Alert>
          <DataTable
            caption={t('caseImport.check.errorsCaption')}
            rows={errors.slice(0, SHOWN_ERRORS).map((e, i) => ({ ...e, key: `${e.row}-${i}` }))}
            rowKey={(e) => e.key}
            columns={[
              {
                key: 'row',
                header: t('caseImport.check.row'),
                render: (e) => t('caseImport.rowNumber', { row: e.row }),
                isRowHeader: true,
              },
              { key: 'column', header: t('caseImport.check.column'), render: (e) => e.column ?? '—' },
              { key: 'message', header: t('caseImport.check.message'), render: (e) => e.messages[language] },
            ]}
          />
          {errors.length > SHOWN_ERRORS && (
            <p>{t('caseImport.check.errorsMore', { count: errors.length - SHOWN_ERRORS })}</p>
          )}
          <div className="case-import-actions">
            <Button variant="primary" onClick={onRestart}>
              {t('caseImport.mapping.restart')}
            </Button>
            <Button variant="secondary" onClick={onBack}>
              {t('caseImport.check.back')}
            </Button>
          </div>
        </>
      )}
      {finished && errors.length === 0 && (
        <>
          <Alert tone="success">{t('caseImport.check.ok', { count: list.rowCount })}</Alert>
          <fieldset className="case-import-choice">
            <legend className="field__label">{t('caseImport.check.status')}</legend>
            {(['published', 'draft'] as const).map((value) => (
              <label key={value} className="case-import-choice__option">
                <input
                  type="radio"
                  name="status"
                  value={value}
                  checked={status === value}
                  onChange={() => setStatus(value)}
                />
                <span>
                  {t(value === 'published' ? 'caseImport.check.statusPublished' : 'caseImport.check.statusDraft')}
                </span>
              </label>
            ))}
          </fieldset>
          <SelectField
            fieldClassName="case-import-sharing"
            label={t('caseImport.check.sharing')}
            value={sharing}
            onChange={(event) => setSharing(event.target.value as CaseSharing)}
          >
            {caseSharings.map((value) => (
              <option key={value} value={value}>
                {t(`cases.sharing.${value}`)}
              </option>
            ))}
          </SelectField>
          <div className="case-import-actions">
            <Button variant="primary" onClick={commit} disabled={committing}>
              {committing ? t('caseImport.check.committing') : t('caseImport.check.commit', { count: list.rowCount })}
            </Button>
            <Button variant="secondary" onClick={onBack} disabled={committing}>
              {t('caseImport.check.back')}
            </Button>
          </div>
        </>
      )}
      {busy && (
        <div className="case-import-actions">
          <Button variant="secondary" onClick={onBack}>
            {t('caseImport.check.back')}
          </Button>
        </div>
      )}
    </>
  );
}
