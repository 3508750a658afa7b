import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { caseTagsQueryOptions } from './case-queries.js';

const maxTags = 10;

/** Free-text tags with the organisation's existing tags suggested as one types (a datalist). */
export function TagInput({
  orgId,
  value,
  onChange,
  error,
}: {
  orgId: string;
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  const tags = useQuery(caseTagsQueryOptions(orgId));
  const add = () => {
    const tag = draft.normalize('NFKC').trim().slice(0, 30);
    if (!tag) return;
    if (value.length >= maxTags) {
      setNote(t('cases.form.tagTooMany'));
      return;
    }
    if (!value.includes(tag)) onChange([...value, tag]);
    setDraft('');
    setNote('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the tag instead of sending the whole form.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    }
  };
  const message = error ?? note;
  return (
    <div className={['field', message ? 'field--error' : ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {t('cases.fields.tags')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('cases.form.tagsHint')}
      </p>
      {value.length > 0 && (
        <ul className="case-tags" aria-label={t('cases.fields.tags')}>
          {value.map((tag) => (
            <li key={tag} className="case-tags__tag">
              <DataText>{tag}</DataText>
              <button
                type="button"
                className="icon-button"
                aria-label={t('cases.form.tagRemove', { tag })}
                onClick={() => onChange(value.filter((x) => x !== tag))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="case-tag-entry">
        <input
          id={id}
          className="input"
          list={`${id}-suggestions`}
          maxLength={30}
          value={draft}
          aria-describedby={[`${id}-hint`, message ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button onClick={add}>{t('cases.form.tagAdd')}</Button>
      </div>
      <datalist id={`${id}-suggestions`} aria-label={t('cases.form.tagSuggestions')}>
        {(tags.data ?? [])
          .filter((tag) => !value.includes(tag.name))
          .map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
      </datalist>
      {message && (
        <p className="field__error" id={`${id}-error`} role={note && !error ? 'status' : undefined}>
          {message}
        </p>
      )}
    </div>
  );
}
