import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presentation } from '../../../shared/workshops/presentation-schema.js';
import { clockOf, minutesSeconds } from './event-state.js';

/** Re-renders every quarter second while `active`, so a countdown moves smoothly and on time. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return active ? now : Date.now();
}

/**
 * A presenter's time on the server's clock: the time they have before the start, the time left
 * while it runs, 「時間です」 in words (not only colour) at zero, and the time used once stopped.
 * The ticking figure is a timer (not read out each second); reaching zero is announced once.
 */
export function Countdown({
  presentation,
  minutes,
  clockOffset,
  size = 'md',
}: {
  presentation: Presentation;
  minutes: number;
  clockOffset: number;
  size?: 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  const running = Boolean(presentation.startedAt && !presentation.endedAt);
  const now = useNow(running);
  const clock = clockOf(presentation, minutes, clockOffset, now);
  let text: string;
  switch (clock.state) {
    case 'waiting':
      text = t('presentations.timer.waiting', { time: minutesSeconds(clock.totalMs) });
      break;
    case 'running':
      text = t('presentations.timer.remaining', { time: minutesSeconds(clock.remainingMs) });
      break;
    case 'over':
      text = t('presentations.timer.timeUp');
      break;
    default:
      text = t('presentations.timer.used', { time: minutesSeconds(clock.usedMs, 'down') });
  }
  const figure = clock.state === 'running' ? minutesSeconds(clock.remainingMs) : null;
  return (
    <div className={`countdown countdown--${size} countdown--${clock.state}`} data-clock={clock.state}>
      <span className="countdown__label">{t('presentations.timer.label')}</span>
      {figure ? (
        <span className="countdown__value" role="timer" aria-label={text}>
          {figure}
        </span>
      ) : (
        <span className="countdown__value countdown__value--text">{text}</span>
      )}
      {/* Said once when the time is up, not every second. */}
      <span className="visually-hidden" role="status">
        {clock.state === 'over' ? text : ''}
      </span>
    </div>
  );
}
