import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors/codes.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { ApiError } from '../../lib/api.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { AnswerAbout } from './answer-about.js';
import { AnswerDone } from './answer-done.js';
import { AnswerItem, levelInputId } from './answer-item.js';
import {
  type ItemAnswer,
  initialValues,
  itemKeyOfErrorPath,
  itemsOf,
  missingItemKeys,
  type ResponseValues,
  toSaveInput,
} from './answer-state.js';
import { type MyResponse, type ResponseDefaults, type RoundDetail, useRefreshRounds } from './round-queries.js';
import { SaveStatus } from './save-status.js';
import { useResponseSaver } from './use-response-saver.js';

/** Answers the server refuses for good: saving again cannot help, so the page stops trying. */
const blockingCodes: readonly ErrorCode[] = ['round_closed', 'round_not_open', 'not_in_round'];

function blockingCode(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError && blockingCodes.includes(error.code) ? error.code : undefined;
}

interface AnswerFormProps {
  orgId: string;
  round: RoundDetail;
  response: MyResponse | null;
  defaults: ResponseDefaults;
}

/** The open round's form: saves a draft as the person works and submits when every item has a level. */
export function AnswerForm({ orgId, round, response, defaults }: AnswerFormProps) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const refreshRounds = useRefreshRounds(orgId);
  const queryClient = useQueryClient();
  const items = useMemo(() => itemsOf(round.content), [round.content]);
  const lang = useDataLang(round.content.sections[0]?.title);
  const [values, setValues] = useState<ResponseValues>(() => initialValues(items, response, defaults));
  const valuesRef = useRef(values);
  const [isSubmitted, setIsSubmitted] = useState(response?.status === 'submitted');
  const [confirmed, setConfirmed] = useState(false);
  const [blocked, setBlocked] = useState<ErrorCode>();
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const saver = useResponseSaver({
    orgId,
    roundId: round.id,
    exists: response !== null,
    autosave: !blocked,
    build: (submit) => toSaveInput(items, valuesRef.current, submit),
  });

  // A save the server refuses for good stops the autosave and says why; the input stays on screen.
  useEffect(() => {
    if (saver.state.kind !== 'error') return;
    const code = blockingCode(saver.state.error);
    if (code) setBlocked(code);
  }, [saver.state]);

  // Warn before leaving with changes the server does not have yet.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.isDirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saver]);

  const update = (change: (current: ResponseValues) => ResponseValues) => {
    const next = change(valuesRef.current);
    valuesRef.current = next;
    setValues(next);
    saver.markChanged();
  };

  const setAnswer = (itemKey: string, answer: ItemAnswer) => {
    update((current) => ({ ...current, answers: { ...current.answers, [itemKey]: answer } }));
    if (answer.level && itemErrors[itemKey]) {
      const { [itemKey]: _fixed, ...rest } = itemErrors;
      setItemErrors(rest);
    }
  };

  const showMissing = (errors: Record<string, string>) => {
    setItemErrors(errors);
    const first = items.find((item) => errors[item.key]);
    requestAnimationFrame(() => {
      if (first) document.getElementById(levelInputId(first.key, 1))?.focus();
      else summaryRef.current?.focus();
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitError(undefined);
    setFieldErrors({});
    const missing = missingItemKeys(items, valuesRef.current);
    if (missing.length > 0) {
      showMissing(Object.fromEntries(missing.map((key) => [key, t('rounds.answer.levelRequired')])));
      return;
    }
    setItemErrors({});
    setSubmitting(true);
    try {
      await saver.submit();
      setIsSubmitted(true);
      setConfirmed(true);
      await Promise.all([refreshRounds(), queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'results'] })]);
    } catch (error) {
      const code = blockingCode(error);
      if (code) setBlocked(code);
      else if (error instanceof ApiError && error.problem.errors?.length) {
        const fromServer: Record<string, string> = {};
        for (const problem of error.problem.errors) {
          const key = itemKeyOfErrorPath(items, problem.path);
          if (key && !fromServer[key]) fromServer[key] = t('rounds.answer.levelRequired');
        }
        setFieldErrors(fieldErrorsFrom(error, t));
        setSubmitError(error);
        showMissing(fromServer);
      } else setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  if (confirmed) {
    return <AnswerDone orgId={orgId} round={round} onReview={() => setConfirmed(false)} />;
  }

  const answered = items.length - missingItemKeys(items, values).length;
  const missingList = items.filter((item) => itemErrors[item.key]);
  const mostImportant = items.find((item) => item.key === values.mostImportantItemKey);
  let number = 0;

  return (
    <form className="answer-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="answer-progress">
        <p id="answer-progress-count" className="answer-progress__count">
          {t('rounds.answer.progress', { answered, total: items.length })}
        </p>
        <progress
          className="answer-progress__bar"
          max={items.length}
          value={answered}
          aria-labelledby="answer-progress-count"
        />
        <SaveStatus
          state={saver.state}
          isSubmitted={isSubmitted}
          lastSavedAt={response?.updatedAt}
          blocked={blocked}
          onRetry={saver.saveDraft}
        />
      </div>

      {blocked && (
        <Alert tone="error" title={t(`rounds.answer.blocked.${blockedKey(blocked)}`)}>
          {t('rounds.answer.blockedBody')}
        </Alert>
      )}
      {isSubmitted && !blocked && (
        <Alert tone="info">
          {t('rounds.answer.submittedNote')}
          <DateText value={round.closesOn} />
        </Alert>
      )}
      {missingList.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} className="answer-summary">
          <Alert tone="error" title={t('rounds.answer.missingTitle', { count: missingList.length })}>
            <ul>
              {missingList.map((item) => (
                <li key={item.key}>
                  <a
                    href={`#${levelInputId(item.key, 1)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(levelInputId(item.key, 1))?.focus();
                    }}
                  >
                    <span lang={lang}>{item.title}</span>
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}

      <AnswerAbout
        round={round}
        values={values}
        departments={defaults.departments}
        fieldErrors={fieldErrors}
        onChange={(change) => update((current) => ({ ...current, ...change }))}
      />

      {round.content.sections.map((section) => (
        <section key={section.key} className="sheet-section" aria-labelledby={`answer-section-${section.key}`}>
          <h2 id={`answer-section-${section.key}`} className="sheet-section__title" lang={lang}>
            {section.title}
          </h2>
          {section.description && (
            <p className="sheet-section__description" lang={lang}>
              {section.description}
            </p>
          )}
          {section.items.map((item) => {
            number += 1;
            return (
              <AnswerItem
                key={item.key}
                item={item}
                number={number}
                answer={values.answers[item.key] ?? { level: null, comment: '' }}
                isMostImportant={values.mostImportantItemKey === item.key}
                error={itemErrors[item.key]}
                lang={lang}
                onChange={(answer) => setAnswer(item.key, answer)}
                onMostImportant={(chosen) =>
                  update((current) => ({ ...current, mostImportantItemKey: chosen ? item.key : null }))
                }
              />
            );
          })}
        </section>
      ))}

      <section className="panel answer-submit" aria-labelledby="answer-submit-title">
        <h2 id="answer-submit-title" className="panel__title">
          {isSubmitted ? t('rounds.answer.resubmitTitle') : t('rounds.answer.submitTitle')}
        </h2>
        <p>
          {t('rounds.answer.mostImportantLabel')}{' '}
          {mostImportant ? (
            <strong lang={lang}>{mostImportant.title}</strong>
          ) : (
            <span className="muted">{t('rounds.answer.mostImportantNone')}</span>
          )}
        </p>
        <p className="muted">{isSubmitted ? t('rounds.answer.resubmitLead') : t('rounds.answer.submitLead')}</p>
        {submitError !== undefined && <Alert tone="error">{describe(submitError)}</Alert>}
        <p className="button-row">
          <Button
            type="submit"
            variant="primary"
            busy={submitting}
            busyLabel={t('rounds.answer.submitting')}
            disabled={Boolean(blocked)}
          >
            {isSubmitted ? t('rounds.answer.resubmit') : t('rounds.answer.submit')}
          </Button>
        </p>
      </section>
    </form>
  );
}

function blockedKey(code: ErrorCode): 'closed' | 'notOpen' | 'notInRound' {
  if (code === 'round_not_open') return 'notOpen';
  if (code === 'not_in_round') return 'notInRound';
  return 'closed';
}
