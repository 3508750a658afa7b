import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseImport, CommitImportResult, ImportMapping } from '../../../shared/case-import/import-schema.js';
import { Button } from '../../components/button.js';
import { PageHeader } from '../../components/page-header.js';
import { useOrgId } from '../../lib/org-context.js';
import { CheckStep } from './case-import-check-step.js';
import { FileStep } from './case-import-file-step.js';
import { MappingStep } from './case-import-mapping-step.js';
import './case-import.css';

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
