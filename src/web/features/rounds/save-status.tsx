import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors/codes.js';
import { Button } from '../../components/button.js';
import { formatTime } from '../../lib/format.js';
import { useErrorText } from '../../lib/problems.js';
import type { SaveState } from './use-response-saver.js';

/** The clock time of a save, in Japan: 14:05. */
const formatClock = (value: string): string => formatTime(new Date(value));

/** Where the draft stands; only finished saves and failures are announced, not every keystroke. */
export function SaveStatus({
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
