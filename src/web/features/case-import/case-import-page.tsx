import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseImport,
  type CommitImportResult,
  type ImportMapping,
  type ImportTarget,
  importTargets,
  type RowError,
} from '../../../shared/case-import/import-schema.js';
import { type CaseSharing, caseSharings } from '../../../shared/cases/case-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataTable } from '../../components/data-table.js';
import { SelectField } from '../../components/form-field.js';
import { PageHeader } from '../../components/page-header.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { commitImport, uploadCaseList, validateBatch } from './case-import-api.js';
import './case-import.css';

const BATCH = 500;
const SHOWN_ERRORS = 200;
const required: ImportTarget[] = ['title', 'happenedOn'];

type Step = 'file' | 'mapping' | 'check' | 'done';
const steps: Step[] = ['file', 'mapping', 'check', 'done'];

/** Moves focus to a step's heading when the step changes, so keyboard and screen reader users follow. */
function useStepHeading(step: Step) {
  const ref = useRef<HTMLHeadingElement>(null);
  const previous = useRef(step);
  useEffect(() => {
    if (previous.current === step) return;
    previous.current = step;
    ref.current?.focus();
  }, [step]);
  return ref;
}

/** 事例の一括取り込み: file → column mapping with a preview → checks with a progress bar → commit → summary. */
export function CaseImportPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const [step, setStep] = useState<Step>('file');
  const [list, setList] = useState<CaseImport | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({} as ImportMapping);
  const [result, setResult] = useState<CommitImportResult | null>(null);
  const heading = useStepHeading(step);

  const restart = () => {
    setList(null);
    setResult(null);
    setStep('file');
  };
  const stepIndex = steps.indexOf(step);

  return (
    <>
      <PageHeader title={t('caseImport.title')} lead={t('caseImport.lead')} />
      <ol className="case-import-steps" aria-label={t('caseImport.steps.label')}>
        {steps.map((s, i) => (
          <li
            key={s}
            className={`case-import-steps__item${i === stepIndex ? ' is-current' : ''}${i < stepIndex ? ' is-done' : ''}`}
            aria-current={i === stepIndex ? 'step' : undefined}
          >
            <span className="case-import-steps__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(`caseImport.steps.${s}`)}
          </li>
        ))}
      </ol>
      <section className="case-import-panel" aria-labelledby="case-import-step">
        <h2 id="case-import-step" ref={heading} tabIndex={-1} className="case-import-panel__title">
          <span className="visually-hidden">
            {t('caseImport.stepOf', { step: stepIndex + 1, name: t(`caseImport.steps.${step}`) })}
          </span>
          <span aria-hidden="true">{t(`caseImport.${step === 'done' ? 'done' : step}.title`)}</span>
        </h2>
        {step === 'file' && (
          <FileStep
            orgId={orgId}
            onRead={(read) => {
              setList(read);
              setMapping(read.mapping as ImportMapping);
              setStep('mapping');
            }}
          />
        )}
        {step === 'mapping' && list && (
          <MappingStep
            list={list}
            mapping={mapping}
            onChange={setMapping}
            onNext={() => setStep('check')}
            onRestart={restart}
          />
        )}
        {step === 'check' && list && (
          <CheckStep
            orgId={orgId}
            list={list}
            mapping={mapping}
            onBack={() => setStep('mapping')}
            onRestart={restart}
            onDone={(done) => {
              setResult(done);
              setStep('done');
            }}
          />
        )}
        {step === 'done' && result && (
          <>
            <ul className="case-import-summary">
              <li>{t('caseImport.done.imported', { count: result.imported })}</li>
              <li>{t('caseImport.done.skipped', { count: result.skipped })}</li>
            </ul>
            <div className="case-import-actions">
              <Link
                to="/orgs/$orgId/cases"
                params={{ orgId }}
                search={{ from: 'own' }}
                className="button button--primary"
              >
                {t('caseImport.done.toCases')}
              </Link>
              <Button variant="secondary" onClick={restart}>
                {t('caseImport.done.again')}
              </Button>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function FileStep({ orgId, onRead }: { orgId: string; onRead: (list: CaseImport) => void }) {
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

function columnLabel(t: TFunction, headers: string[], index: number) {
  const name = headers[index];
  return name
    ? t('caseImport.mapping.columnName', { index: index + 1, name })
    : t('caseImport.mapping.columnUnnamed', { index: index + 1 });
}

function MappingStep({
  list,
  mapping,
  onChange,
  onNext,
  onRestart,
}: {
  list: CaseImport;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  onNext: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<ImportTarget[]>([]);
  const first = list.preview[0]?.cells ?? [];
  const set = (target: ImportTarget, value: string) => {
    const next = { ...mapping } as Record<string, number>;
    if (value === '') delete next[target];
    else next[target] = Number(value);
    onChange(next as ImportMapping);
    setMissing((m) => m.filter((x) => x !== target));
  };
  const next = () => {
    const absent = required.filter((target) => mapping[target] === undefined);
    setMissing(absent);
    if (absent.length === 0) onNext();
  };

  return (
    <>
      <p>{t('caseImport.mapping.lead')}</p>
      <p className="case-import-file-summary">
        {t('caseImport.mapping.summary', {
          fileName: list.fileName,
          format: t(`caseImport.formats.${list.format}`),
          count: list.rowCount,
        })}
      </p>
      <div className="case-import-mapping">
        {importTargets.map((target) => {
          const index = mapping[target];
          return (
            <div key={target} className="case-import-mapping__row">
              <SelectField
                label={t(`caseImport.targets.${target}`)}
                required={required.includes(target)}
                value={index === undefined ? '' : String(index)}
                onChange={(event) => set(target, event.target.value)}
                error={
                  missing.includes(target)
                    ? t('caseImport.mapping.missing', { field: t(`caseImport.targets.${target}`) })
                    : undefined
                }
                hint={
                  index !== undefined && first[index]
                    ? `${t('caseImport.mapping.sample')}：${first[index].slice(0, 60)}`
                    : undefined
                }
              >
                <option value="">{t('caseImport.mapping.notUsed')}</option>
                {list.headers.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                  <option key={i} value={i}>
                    {columnLabel(t, list.headers, i)}
                  </option>
                ))}
              </SelectField>
            </div>
          );
        })}
      </div>
      <h3 className="case-import-subtitle">{t('caseImport.mapping.preview', { count: list.preview.length })}</h3>
      <DataTable
        caption={t('caseImport.mapping.previewCaption')}
        rows={list.preview}
        rowKey={(row) => String(row.row)}
        columns={[
          {
            key: 'row',
            header: t('caseImport.mapping.row'),
            render: (row) => t('caseImport.rowNumber', { row: row.row }),
            isRowHeader: true,
          },
          ...list.headers.map((_, i) => ({
            key: `c${i}`,
            header: list.headers[i] || columnLabel(t, list.headers, i),
            render: (row: CaseImport['preview'][number]) => <span className="case-import-cell">{row.cells[i]}</span>,
          })),
        ]}
      />
      <div className="case-import-actions">
        <Button variant="primary" onClick={next}>
          {t('caseImport.mapping.check')}
        </Button>
        <Button variant="secondary" onClick={onRestart}>
          {t('caseImport.mapping.restart')}
        </Button>
      </div>
    </>
  );
}

function CheckStep({
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
