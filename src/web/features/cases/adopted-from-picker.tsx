import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import type { AdoptedFrom } from './case-form-values.js';
import { type CaseHit, casePickQueryOptions } from './case-queries.js';

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

interface AdoptedFromPickerProps {
  orgId: string;
  /** The case being edited, which cannot adopt itself. */
  caseId?: string | undefined;
  inputId: string;
  value: AdoptedFrom | null;
  onChange: (value: AdoptedFrom | null) => void;
  error?: string | undefined;
}

/**
 * 横展開元: search-as-you-type over every case the reader may see, other organisations' included
 * (ARIA 1.2 combobox: arrows move, Enter picks, Escape closes); the choice is shown with its
 * organisation and can be removed.
 */
export function AdoptedFromPicker({ orgId, caseId, inputId, value, onChange, error }: AdoptedFromPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(casePickQueryOptions(orgId, query));
  const results: CaseHit[] = query ? (search.data?.hits ?? []).filter((hit) => hit.id !== caseId) : [];
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && query.length > 0;

  const choose = (hit: CaseHit) => {
    onChange({ id: hit.id, title: hit.title, orgName: hit.orgName });
    setText('');
    setOpen(false);
    setActive(-1);
    setAnnouncement(t('cases.adoption.chosen', { title: hit.title, org: hit.orgName }));
  };

  const clear = () => {
    onChange(null);
    setAnnouncement(t('cases.adoption.cleared'));
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + results.length) % results.length);
    } else if (event.key === 'Enter' && expanded) {
      // Enter chooses a case here; it must not submit the form.
      event.preventDefault();
      const hit = results[active] ?? (results.length === 1 ? results[0] : undefined);
      if (hit) choose(hit);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  let status = '';
  if (expanded && search.isFetching) status = t('cases.adoption.searching');
  else if (expanded && results.length === 0 && search.isSuccess) status = t('cases.adoption.noResults');
  else if (expanded && results.length > 0) status = t('cases.adoption.results', { count: results.length });

  const describedBy = [`${id}-hint`, `${id}-current`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', 'combobox', error ? 'field--error' : ''].filter(Boolean).join(' ')}>
      <p className="field__hint" id={`${id}-hint`}>
        {t('cases.adoption.hint')}
      </p>
      <div className="case-adopted" id={`${id}-current`}>
        {value ? (
          <>
            <span>
              <DataText>{value.title}</DataText>{' '}
              <span className="case-links__org">
                （<DataText>{value.orgName}</DataText>）
              </span>
            </span>
            <Button size="sm" variant="tertiary" onClick={clear}>
              {t('cases.adoption.clear')}
            </Button>
          </>
        ) : (
          <span className="case-note">{t('cases.adoption.selectedNone')}</span>
        )}
      </div>
      <label className="field__label" htmlFor={inputId}>
        {t('cases.adoption.search')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="input"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <div
        id={listId}
        role="listbox"
        className="combobox__list"
        hidden={!expanded || results.length === 0}
        aria-label={t('cases.adoption.suggestions')}
      >
        {results.map((hit, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input by design
          <div
            key={hit.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            // Keeps focus in the input so the click lands before blur closes the list.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(hit)}
          >
            <span className="combobox__name">
              <DataText>{hit.title}</DataText>
            </span>
            <span className="combobox__meta">
              <DataText>{hit.orgName}</DataText>
              {hit.departmentName && (
                <>
                  {t('cases.separator')}
                  <DataText>{hit.departmentName}</DataText>
                </>
              )}
            </span>
          </div>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status || announcement}
      </p>
    </div>
  );
}
