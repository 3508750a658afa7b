import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventCounts, PresentationControlInput } from '../../../shared/workshops/presentation-schema.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { QrCode } from '../workshops/workshop-parts.js';
import { joinUrl } from '../workshops/workshop-queries.js';
import { Rankings } from './event-parts.js';
import type { FacilitatorView } from './event-queries.js';

interface PanelProps {
  view: FacilitatorView;
  busy: boolean;
  onControl: (input: PresentationControlInput) => void;
}

/** The address that makes someone a judge: for the facilitator to hand to the judges only. */
export function judgeUrl(code: string, judgeKey: string): string {
  return `${joinUrl(code)}?judge=${encodeURIComponent(judgeKey)}`;
}

export function JudgesPanel({ code, judgeKey }: { code: string; judgeKey: string }) {
  const { t } = useTranslation();
  const url = judgeUrl(code, judgeKey);
  return (
    <section aria-labelledby="event-judges" className="panel workshop-join">
      <h2 id="event-judges" className="section__title">
        {t('presentations.console.judgesTitle')}
      </h2>
      <p className="field__hint">{t('presentations.console.judgesLead')}</p>
      <dl className="workshop-join__facts">
        <div>
          <dt>{t('presentations.console.judgeKey')}</dt>
          <dd className="event-judge-key mono" data-judge-key={judgeKey}>
            {judgeKey}
          </dd>
        </div>
        <div>
          <dt>{t('presentations.console.judgeUrl')}</dt>
          <dd className="workshop-join__url" data-judge-url={url}>
            {url}
          </dd>
        </div>
      </dl>
      <QrCode text={url} label={t('presentations.console.judgeQrAlt', { url })} size={120} />
    </section>
  );
}

export function CountsPanel({ counts }: { counts: EventCounts }) {
  const { t } = useTranslation();
  const entries = [
    ['audience', counts.audience],
    ['judges', counts.judges],
    ['voted', counts.voted],
  ] as const;
  return (
    <section aria-labelledby="event-counts" className="panel">
      <h2 id="event-counts" className="section__title">
        {t('presentations.console.countsTitle')}
      </h2>
      <dl className="event-counts">
        {entries.map(([key, count]) => (
          <div key={key} className="event-counts__entry">
            <dt>{t(`presentations.console.${key}`)}</dt>
            <dd data-count={key}>{t('presentations.console.peopleValue', { count })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function VotePanel({ view, busy, onControl }: PanelProps) {
  const { t } = useTranslation();
  const closed = view.resultsPublished || view.status === 'locked';
  return (
    <section aria-labelledby="event-vote" className="panel">
      <h2 id="event-vote" className="section__title">
        {t('presentations.console.voteTitle')}
      </h2>
      <p>{t('presentations.console.voteLead')}</p>
      <p className="workshop-poll__state" role="status">
        {view.voteOpen ? t('presentations.console.voteOpenNow') : t('presentations.console.voteClosed')}{' '}
        {t('presentations.present.votedCount', { count: view.counts.voted })}
      </p>
      {!closed && (
        <p className="button-row">
          <Button
            variant={view.voteOpen ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={() => onControl({ voteOpen: !view.voteOpen })}
          >
            {view.voteOpen ? t('presentations.console.closeVote') : t('presentations.console.openVote')}
          </Button>
        </p>
      )}
    </section>
  );
}

/** The results so far (for the facilitator only until announced) and the button that announces them. */
export function ResultsPanel({ view, busy, onControl }: PanelProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="event-results" className="panel">
      <h2 id="event-results" className="section__title">
        {t('presentations.console.resultsTitle')}
      </h2>
      <p className={view.resultsPublished ? 'workshop-notes__status--saved' : 'field__hint'} role="status">
        {view.resultsPublished ? t('presentations.console.announced') : t('presentations.console.resultsPreview')}
      </p>
      {view.results && <Rankings results={view.results} headingLevel={3} idPrefix="console-results" />}
      {!view.resultsPublished && (
        <p className="button-row">
          <Button variant="primary" disabled={busy || view.status === 'locked'} onClick={() => setConfirming(true)}>
            {t('presentations.console.announce')}
          </Button>
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('presentations.console.announceConfirmTitle')}
        body={t('presentations.console.announceConfirmBody')}
        confirmLabel={t('presentations.console.announce')}
        busy={busy}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          onControl({ resultsPublished: true });
          setConfirming(false);
        }}
      />
    </section>
  );
}

export function LockPanel({ view, busy, onControl }: PanelProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const locked = view.status === 'locked';
  return (
    <section aria-labelledby="event-lock" className="panel">
      <h2 id="event-lock" className="section__title">
        {t('presentations.console.lockTitle')}
      </h2>
      {locked ? (
        <p>{t('presentations.console.lockedNote')}</p>
      ) : (
        <p className="button-row">
          <Button variant="danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t('presentations.console.lock')}
          </Button>
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('presentations.console.lockConfirmTitle')}
        body={t('presentations.console.lockConfirmBody')}
        confirmLabel={t('presentations.console.lock')}
        busy={busy}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          onControl({ status: 'locked' });
          setConfirming(false);
        }}
      />
    </section>
  );
}
