import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { absoluteJoinUrl } from './round-queries.js';

type CopyState = 'idle' | 'copied' | 'failed';

/** The round's address, readable and selectable, with a button that copies it. */
export function RoundLinkField({ joinPath }: { joinPath: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');
  const url = absoluteJoinUrl(joinPath);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      // Without clipboard access the address is selected, ready for Ctrl+C.
      input.current?.select();
      setState('failed');
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('rounds.detail.link')}
      </label>
      <div className="round-link">
        <input
          ref={input}
          id={id}
          className="input round-link__input"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <Button onClick={() => void copy()}>{t('rounds.detail.copy')}</Button>
      </div>
      <p className="field__hint" role="status">
        {state === 'copied' && t('rounds.detail.copied')}
        {state === 'failed' && t('rounds.detail.copyFailed')}
      </p>
    </div>
  );
}
