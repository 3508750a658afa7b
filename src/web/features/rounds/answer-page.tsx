import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { positions } from '../../../shared/auth/roles.js';
import type { ErrorCode } from '../../../shared/errors/codes.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ApiError, isApiError } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { fieldErrorsFrom, useErrorText, useLanguage } from '../../lib/problems.js';
import { templateTitle } from '../sheets/sheet-labels.js';
import { AnsweredItem, AnswerItem, levelInputId } from './answer-item.js';
import {
  type ItemAnswer,
  initialValues,
  itemKeyOfErrorPath,
  itemsOf,
  missingItemKeys,
  type ResponseValues,
  toSaveInput,
} from './answer-state.js';
import { indentDepartments } from './department-options.js';
import {
  hasMyResponse,
  type MyResponse,
  myResponseQueryOptions,
  type ResponseDefaults,
  type RoundDetail,
  responseDefaultsQueryOptions,
  roundQueryOptions,
  useRefreshRounds,
} from './round-queries.js';
import { type SaveState, useResponseSaver } from './use-response-saver.js';
import './rounds.css';

/** Answers the server refuses for good: saving again cannot help, so the page stops trying. */
const blockingCodes: readonly ErrorCode[] = ['round_closed', 'round_not_open', 'not_in_round'];

function blockingCode(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError && blockingCodes.includes(error.code) ? error.code : undefined;
}

/** The clock time of a save, in Japan: 14:05. */
function formatClock(value: string): string {
  return new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(value));
}

/** Answering a round: load the round, my response so far and my defaults, then the form or a read-only view. */
export function AnswerPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { roundId = '' } = useParams({ strict: false });
  const round = useQuery(roundQueryOptions(orgId, roundId));
  const hasResponse = round.data ? hasMyResponse(round.data) : false;
  const response = useQuery({ ...myResponseQueryOptions(orgId, roundId), enabled: hasResponse });
  const eligible = round.data ? round.data.myStatus !== 'not_eligible' : false;
  const defaults = useQuery({ ...responseDefaultsQueryOptions(orgId, roundId), enabled: eligible });

  const back = (
    <p className="back-link">
      <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
        {t('rounds.back')}
      </Link>
    </p>
  );

  if (round.isError || response.isError) {
    const error = round.error ?? response.error;
    return (
      <>
        {back}
        <PageHeader title={t('rounds.answer.title')} />
        {isApiError(error, 'not_in_round') || isApiError(error, 'not_found') ? (
          <Alert tone="error" title={t('rounds.answer.notInRoundTitle')}>
            {t('rounds.answer.notInRoundBody')}
          </Alert>
        ) : (
          <QueryError
            error={error}
            onRetry={() => {
              void round.refetch();
              void response.refetch();
            }}
          />
        )}
      </>
    );
  }
  // A response saved on this page is in the cache already, even while the round still says not_started.
  if (!round.data || (hasResponse && response.isPending)) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  const data = round.data;
  const title = <RoundHeader round={data} />;

  if (data.myStatus === 'not_eligible') {
    return (
      <>
        {back}
        {title}
        <Alert tone="error" title={t('rounds.answer.notInRoundTitle')}>
          {t('rounds.answer.notInRoundBody')}
        </Alert>
      </>
    );
  }
  if (data.status === 'scheduled') {
    return (
      <>
        {back}
        {title}
        <Alert tone="info" title={t('rounds.answer.notOpenTitle')}>
          {t('rounds.answer.notOpenBody')}
          <DateText value={data.opensOn} />
        </Alert>
      </>
    );
  }
  if (data.status === 'closed') {
    return (
      <>
        {back}
        {title}
        <ClosedView orgId={orgId} round={data} response={response.data ?? null} />
      </>
    );
  }
  if (defaults.isError) {
    return (
      <>
        {back}
        {title}
        <QueryError error={defaults.error} onRetry={() => void defaults.refetch()} />
      </>
    );
  }
  if (!defaults.data) {
    return (
      <>
        {back}
        {title}
        <Loading />
      </>
    );
  }
  return (
    <>
      {back}
      {title}
      <AnswerForm orgId={orgId} round={data} response={response.data ?? null} defaults={defaults.data} />
    </>
  );
}

function RoundHeader({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sheetTitle = templateTitle(round.content, language);
  const sheetLang = useDataLang(sheetTitle);
  return (
    <PageHeader
      title={round.title}
      titleLang={useDataLang(round.title)}
      lead={
        <>
          <span lang={sheetLang}>{sheetTitle}</span>
          {t('rounds.answer.leadSeparator')}
          {t('rounds.answer.closesOn')}
          <DateText value={round.closesOn} />
        </>
      }
    />
  );
}

/** After close: my answers as they were given, or a note that there are none. */
function ClosedView({ orgId, round, response }: { orgId: string; round: RoundDetail; response: MyResponse | null }) {
  const { t } = useTranslation();
  const items = itemsOf(round.content);
  const lang = useDataLang(round.content.sections[0]?.title);
  if (!response) {
    return <Alert tone="info">{t('rounds.answer.closedNoResponse')}</Alert>;
  }
  const values = initialValues(items, response, response);
  let number = 0;
  return (
    <div className="stack">
      <Alert tone="info" title={t('rounds.answer.closedTitle')}>
        <p>{response.status === 'submitted' ? t('rounds.answer.closedSubmitted') : t('rounds.answer.closedDraft')}</p>
        <p>
          <Link to="/orgs/$orgId/rounds/$roundId/results" params={{ orgId, roundId: round.id }}>
            {t('rounds.actions.results')}
          </Link>
        </p>
      </Alert>
      <dl className="summary-list panel">
        <div>
          <dt>{t('rounds.answer.position')}</dt>
          <dd>{t(`positions.${values.position}`)}</dd>
        </div>
      </dl>
      {round.content.sections.map((section) => (
        <section key={section.key} className="sheet-section" aria-labelledby={`answered-section-${section.key}`}>
          <h2 id={`answered-section-${section.key}`} className="sheet-section__title" lang={lang}>
            {section.title}
          </h2>
          {section.items.map((item) => {
            number += 1;
            return (
              <AnsweredItem
                key={item.key}
                item={item}
                number={number}
                answer={values.answers[item.key] ?? { level: null, comment: '' }}
                isMostImportant={values.mostImportantItemKey === item.key}
                lang={lang}
              />
            );
          })}
        </section>
      ))}
    </div>
  );
}

interface AnswerFormProps {
  orgId: string;
  round: RoundDetail;
  response: MyResponse | null;
  defaults: ResponseDefaults;
}

function AnswerForm({ orgId, round, response, defaults }: AnswerFormProps) {
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
  const doneRef = useRef<HTMLHeadingElement>(null);

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

  useEffect(() => {
    if (confirmed) doneRef.current?.focus();
  }, [confirmed]);

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
    return (
      <section className="panel answer-done" aria-labelledby="answer-done-title">
        <h2 id="answer-done-title" ref={doneRef} tabIndex={-1} className="panel__title">
          {t('rounds.answer.doneTitle')}
        </h2>
        <p>{t('rounds.answer.doneBody')}</p>
        <p>
          {t('rounds.answer.doneEditable')}
          <DateText value={round.closesOn} />
        </p>
        <p className="button-row">
          <Link
            to="/orgs/$orgId/rounds/$roundId/results"
            params={{ orgId, roundId: round.id }}
            className="button button--primary"
          >
            {t('rounds.actions.results')}
          </Link>
          <Button onClick={() => setConfirmed(false)}>{t('rounds.actions.review')}</Button>
          <Link to="/orgs/$orgId/rounds" params={{ orgId }} className="button button--tertiary">
            {t('rounds.back')}
          </Link>
        </p>
      </section>
    );
  }

  const answered = items.length - missingItemKeys(items, values).length;
  const missingList = items.filter((item) => itemErrors[item.key]);
  const mostImportant = items.find((item) => item.key === values.mostImportantItemKey);
  const departmentOptions = indentDepartments(defaults.departments);
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

      <section className="panel answer-about" aria-labelledby="answer-about-title">
        <h2 id="answer-about-title" className="panel__title">
          {t('rounds.answer.aboutTitle')}
        </h2>
        <p className="muted">{round.anonymous ? t('rounds.answer.aboutAnonymous') : t('rounds.answer.aboutNamed')}</p>
        <div className="form-row">
          <SelectField
            label={t('rounds.answer.position')}
            name="position"
            required
            value={values.position}
            onChange={(event) =>
              update((current) => ({ ...current, position: event.target.value as ResponseValues['position'] }))
            }
            error={fieldErrors.position}
          >
            {positions.map((position) => (
              <option key={position} value={position}>
                {t(`positions.${position}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('rounds.answer.department')}
            name="departmentId"
            value={values.departmentId ?? ''}
            onChange={(event) => update((current) => ({ ...current, departmentId: event.target.value || null }))}
            error={fieldErrors.departmentId}
          >
            <option value="">{t('rounds.answer.noDepartment')}</option>
            {departmentOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {`${'\u3000'.repeat(option.depth)}${option.name}`}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

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

/** Where the draft stands; only finished saves and failures are announced, not every keystroke. */
function SaveStatus({
  state,
  isSubmitted,
  lastSavedAt,
  blocked,
  onRetry,
}: {
  state: SaveState;
  isSubmitted: boolean;
  /** When the response was last saved before this visit; none for a new response. */
  lastSavedAt: string | undefined;
  blocked: ErrorCode | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  // What the page starts with is not announced; only what changes while the person works is.
  const [announced, setAnnounced] = useState<string>(() =>
    lastSavedAt ? t('rounds.answer.lastSaved', { time: formatClock(lastSavedAt) }) : t('rounds.answer.autosaveHint'),
  );
  useEffect(() => {
    if (state.kind === 'saving') setAnnounced(t('rounds.answer.saving'));
    if (state.kind === 'saved') {
      const time = formatClock(state.at);
      setAnnounced(isSubmitted ? t('rounds.answer.changesSaved', { time }) : t('rounds.answer.draftSaved', { time }));
    }
    if (state.kind === 'error') setAnnounced(t('rounds.answer.saveFailed', { reason: describe(state.error) }));
  }, [state, isSubmitted, t, describe]);
  return (
    <div className="answer-progress__save">
      <p role="status" className={state.kind === 'error' ? 'answer-progress__error' : undefined}>
        {announced}
      </p>
      {state.kind === 'error' && !blocked && (
        <Button size="sm" onClick={onRetry}>
          {t('rounds.answer.retrySave')}
        </Button>
      )}
    </div>
  );
}
