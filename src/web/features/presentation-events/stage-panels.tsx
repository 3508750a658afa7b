import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentationControlInput } from '../../../shared/workshops/presentation-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { useErrorText } from '../../lib/problems.js';
import { Countdown } from './countdown.js';
import { eventApi, eventQueryKey, type FacilitatorView } from './event-queries.js';
import { currentOf } from './event-state.js';
import { newRow, type ProgrammeRow, ProgrammeRows, pathErrors, programmeInput } from './programme-rows.js';

interface PanelProps {
  view: FacilitatorView;
  busy: boolean;
  onControl: (input: PresentationControlInput) => void;
}

/** What is on stage: the presentation, its countdown, and the buttons that run the time and step on. */
export function StagePanel({ view, busy, onControl }: PanelProps) {
  const { t } = useTranslation();
  const current = currentOf(view);
  const locked = view.status === 'locked';
  const nextOne = view.presentations[current ? current.index + 1 : 0];
  const running = Boolean(current?.presentation.startedAt && !current.presentation.endedAt);
  return (
    <section aria-labelledby="event-stage" className="panel event-stage">
      <h2 id="event-stage" className="section__title">
        {t('presentations.console.current')}
      </h2>
      {current ? (
        <>
          <p className="workshop-item__position">
            {t('presentations.console.position', { number: current.index + 1, total: view.presentations.length })}
          </p>
          <h3 className="workshop-item__title">
            <DataText>{current.presentation.title}</DataText>
          </h3>
          <p className="event-stage__presenter">
            <DataText>{current.presentation.presenter}</DataText>
          </p>
          <Countdown
            presentation={current.presentation}
            minutes={view.minutes}
            clockOffset={view.clockOffset}
            size="lg"
          />
        </>
      ) : (
        <p>{t('presentations.console.notStarted')}</p>
      )}
      <p className="button-row">
        {current && (
          <>
            <Button
              variant={running ? 'secondary' : 'primary'}
              disabled={busy || locked}
              onClick={() => onControl({ timer: 'start' })}
            >
              {t('presentations.console.startTimer')}
            </Button>
            <Button disabled={busy || locked || !running} onClick={() => onControl({ timer: 'stop' })}>
              {t('presentations.console.stopTimer')}
            </Button>
          </>
        )}
        <Button
          variant={current ? 'secondary' : 'primary'}
          disabled={busy || locked || !nextOne}
          onClick={() => nextOne && onControl({ currentPresentationId: nextOne.id })}
        >
          {current ? t('presentations.console.next') : t('presentations.console.first')}
        </Button>
      </p>
    </section>
  );
}

/** The programme: each presentation, which is on stage, how many judges scored it; and its editor. */
export function ProgrammePanel({ orgId, view, busy, onControl }: PanelProps & { orgId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const locked = view.status === 'locked';
  return (
    <section aria-labelledby="event-programme" className="panel">
      <h2 id="event-programme" className="section__title">
        {t('presentations.console.programmeTitle')}
      </h2>
      {saved && !editing && (
        <p role="status" className="workshop-notes__status--saved">
          {t('presentations.console.programmeSaved')}
        </p>
      )}
      {editing ? (
        <ProgrammeEditor
          orgId={orgId}
          view={view}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          <ol className="event-programme-list">
            {view.presentations.map((presentation, index) => {
              const isCurrent = presentation.id === view.currentPresentationId;
              const scoredBy = view.scoring.find((s) => s.presentationId === presentation.id)?.scoredBy ?? 0;
              return (
                <li
                  key={presentation.id}
                  className={`event-programme-list__row${isCurrent ? ' event-programme-list__row--current' : ''}`}
                  aria-current={isCurrent ? 'step' : undefined}
                >
                  <span className="event-programme-list__number">{index + 1}</span>
                  <span className="event-programme-list__what">
                    <span className="event-programme-list__title">
                      <DataText>{presentation.title}</DataText>
                    </span>
                    <span className="event-programme-list__presenter">
                      <DataText>{presentation.presenter}</DataText>
                    </span>
                    {presentation.caseId && (
                      <Link
                        to="/orgs/$orgId/cases/$caseId"
                        params={{ orgId, caseId: presentation.caseId }}
                        className="event-programme-list__case"
                      >
                        {t('presentations.console.openCase')}
                        <span className="visually-hidden">
                          {t('presentations.create.rowAction', { row: presentation.title })}
                        </span>
                      </Link>
                    )}
                  </span>
                  <span className="event-programme-list__facts">
                    {isCurrent && (
                      <span className="event-programme-list__current">{t('presentations.console.current')}</span>
                    )}
                    <span>{t('presentations.console.scoring', { scored: scoredBy, judges: view.counts.judges })}</span>
                  </span>
                  {!isCurrent && (
                    <Button
                      size="sm"
                      disabled={busy || locked}
                      onClick={() => onControl({ currentPresentationId: presentation.id })}
                    >
                      {t('presentations.console.goTo')}
                      <span className="visually-hidden">
                        {t('presentations.create.rowAction', { row: presentation.title })}
                      </span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ol>
          {view.resultsPublished ? (
            <p className="field__hint">{t('presentations.console.programmeLocked')}</p>
          ) : (
            <p className="button-row">
              <Button
                size="sm"
                disabled={locked}
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('presentations.console.editProgramme')}
              </Button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ProgrammeEditor({
  orgId,
  view,
  onDone,
}: {
  orgId: string;
  view: FacilitatorView;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<ProgrammeRow[]>(() =>
    view.presentations.map((p) => newRow({ id: p.id, title: p.title, presenter: p.presenter, caseId: p.caseId })),
  );
  const save = useMutation({
    mutationFn: () => eventApi.saveProgramme(orgId, view.id, programmeInput(rows)),
    onSuccess: (next) => {
      queryClient.setQueryData<FacilitatorView>(eventQueryKey(orgId, view.id), (current) =>
        current && current.lastEventId > next.lastEventId
          ? { ...next, ...current, presentations: next.presentations }
          : next,
      );
      onDone(true);
    },
  });
  const errors = pathErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError && <Alert tone="error">{describe(save.error)}</Alert>}
      <ProgrammeRows orgId={orgId} rows={rows} onChange={setRows} errors={errors} />
      <p className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
          {t('presentations.console.saveProgramme')}
        </Button>
        <Button variant="tertiary" onClick={() => onDone(false)}>
          {t('presentations.console.cancelEdit')}
        </Button>
      </p>
    </form>
  );
}
