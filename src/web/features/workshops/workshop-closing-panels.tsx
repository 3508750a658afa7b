import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopControlInput, WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataText } from '../../components/data-text.js';

export function PollResults({ view }: { view: WorkshopView }) {
  const { t } = useTranslation();
  const poll = view.tally.poll;
  const counts = poll.counts;
  const max = counts ? Math.max(1, ...counts.map((c) => c.n)) : 1;
  return (
    <figure className="distribution">
      <figcaption className="distribution__caption">
        {poll.n !== null && <span className="distribution__n">{t('workshops.console.votes', { count: poll.n })}</span>}
      </figcaption>
      {counts ? (
        <ul className="distribution__bars">
          {view.items.map((item) => {
            const count = counts.find((c) => c.itemKey === item.key)?.n ?? 0;
            return (
              <li key={item.key} className="distribution__row">
                <span className="distribution__label">
                  <DataText>{item.title}</DataText>
                </span>
                <span className="distribution__track" aria-hidden="true">
                  <span className="distribution__bar" style={{ width: `${(count / max) * 100}%` }} />
                </span>
                <span className="distribution__count">{t('workshops.console.votes', { count })}</span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="distribution__withheld">{t('workshops.distribution.withheld', { k: view.tally.k })}</p>
      )}
    </figure>
  );
}

export function PollPanel({
  view,
  busy,
  onControl,
}: {
  view: WorkshopView;
  busy: boolean;
  onControl: (input: WorkshopControlInput) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="workshop-poll" className="panel">
      <h2 id="workshop-poll" className="section__title">
        {t('workshops.console.pollTitle')}
      </h2>
      <p>{t('workshops.console.pollLead')}</p>
      <p className="workshop-poll__state">
        {view.pollOpen ? t('workshops.console.pollOpenNow') : t('workshops.console.pollClosed')}
      </p>
      <PollResults view={view} />
      <p className="button-row">
        <Button
          variant={view.pollOpen ? 'secondary' : 'primary'}
          disabled={busy || view.status === 'locked'}
          onClick={() => onControl({ pollOpen: !view.pollOpen })}
        >
          {view.pollOpen ? t('workshops.console.closePoll') : t('workshops.console.openPoll')}
        </Button>
      </p>
    </section>
  );
}

export function LockPanel({
  view,
  busy,
  onControl,
}: {
  view: WorkshopView;
  busy: boolean;
  onControl: (input: WorkshopControlInput) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const locked = view.status === 'locked';
  return (
    <section aria-labelledby="workshop-lock" className="panel">
      <h2 id="workshop-lock" className="section__title">
        {t('workshops.console.lockTitle')}
      </h2>
      {locked && <p>{t('workshops.console.lockedNote')}</p>}
      <p className="button-row">
        {!locked && (
          <Button variant="danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t('workshops.console.lock')}
          </Button>
        )}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('workshops.console.lockConfirmTitle')}
        body={t('workshops.console.lockConfirmBody')}
        confirmLabel={t('workshops.console.lock')}
        busy={busy}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          onControl({ status: 'locked', pollOpen: false });
          setConfirming(false);
        }}
      />
    </section>
  );
}
