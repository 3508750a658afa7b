import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalGovernment } from '../../../shared/orgs/schema.js';
import { localGovernmentsQueryOptions } from './org-queries.js';

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * Type-ahead search of the national list of local governments (ARIA 1.2 combobox): arrows move
 * through the suggestions, Enter picks one, Escape closes the list.
 */
export function LgPicker({ onSelect }: { onSelect: (government: LocalGovernment) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(localGovernmentsQueryOptions(query));
  const results = query ? (search.data ?? []) : [];
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && query.length > 0;

  const choose = (government: LocalGovernment) => {
    onSelect(government);
    setText('');
    setOpen(false);
    setActive(-1);
    setAnnouncement(t('lgPicker.selected', { name: government.fullName, code: government.lgCode }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + results.length) % results.length);
    } else if (event.key === 'Enter' && expanded) {
      // Enter chooses a suggestion here; it must not submit the surrounding form.
      event.preventDefault();
      const government = results[active] ?? (results.length === 1 ? results[0] : undefined);
      if (government) choose(government);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  let status = '';
  if (expanded && search.isFetching) status = t('lgPicker.searching');
  else if (expanded && results.length === 0 && search.isSuccess) status = t('lgPicker.noResults');
  else if (expanded && results.length > 0) status = t('lgPicker.results', { count: results.length });

  return (
    <div className="combobox">
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('lgPicker.label')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('lgPicker.hint')}
      </p>
      <input
        id={`${id}-input`}
        className="input"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={t('lgPicker.placeholder')}
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
        aria-label={t('lgPicker.suggestions')}
      >
        {results.map((government, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input by design
          <div
            key={government.lgCode}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            // Keeps focus in the input so the click lands before blur closes the list.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(government)}
          >
            <span className="combobox__name">{government.fullName}</span>
            <span className="combobox__meta">
              {government.lgCode} · {t(`municipalityTypes.${government.municipalityType}`)} · {government.kana}
            </span>
          </div>
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {status || announcement}
      </p>
    </div>
  );
}
