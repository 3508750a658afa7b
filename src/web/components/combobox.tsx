import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useId, useState } from 'react';

/** The value as it was `delay` ms after it last changed, so a search does not run on every keystroke. */
export function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

interface ComboboxProps<T> {
  inputId: string;
  inputRef?: Ref<HTMLInputElement>;
  /** What the user typed; the caller owns it because it drives the search. */
  text: string;
  onTextChange: (text: string) => void;
  /** The (debounced, trimmed) text the results belong to; the list only opens when it is not empty. */
  query: string;
  results: readonly T[];
  getKey: (item: T) => string;
  renderOption: (item: T) => ReactNode;
  /** Called with the picked item; the caller clears the text and announces the choice. */
  onChoose: (item: T) => void;
  listLabel: string;
  describedBy: string;
  invalid?: boolean;
  placeholder?: string;
  isFetching: boolean;
  isSuccess: boolean;
  messages: { searching: string; noResults: string; results: (count: number) => string };
  /** Read out when no search status applies, e.g. what was just chosen. */
  announcement: string;
  /** Rendered after the list and before the live status, e.g. a field error. */
  children?: ReactNode;
}

/**
 * The input, listbox and live status of an ARIA 1.2 search-as-you-type combobox: arrows move
 * through the suggestions, Enter picks one (never submitting the surrounding form), Escape closes
 * the list. The label and hint stay with the caller.
 */
export function Combobox<T>({
  inputId,
  inputRef,
  text,
  onTextChange,
  query,
  results,
  getKey,
  renderOption,
  onChoose,
  listLabel,
  describedBy,
  invalid,
  placeholder,
  isFetching,
  isSuccess,
  messages,
  announcement,
  children,
}: ComboboxProps<T>) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && query.length > 0;

  const choose = (item: T) => {
    setOpen(false);
    setActive(-1);
    onChoose(item);
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
      const item = results[active] ?? (results.length === 1 ? results[0] : undefined);
      if (item !== undefined) choose(item);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  let status = '';
  if (expanded && isFetching) status = messages.searching;
  else if (expanded && results.length === 0 && isSuccess) status = messages.noResults;
  else if (expanded && results.length > 0) status = messages.results(results.length);

  return (
    <>
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
        aria-invalid={invalid ? true : undefined}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value);
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
        aria-label={listLabel}
      >
        {results.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input by design
          <div
            key={getKey(item)}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            // Keeps focus in the input so the click lands before blur closes the list.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
          >
            {renderOption(item)}
          </div>
        ))}
      </div>
      {children}
      <p className="visually-hidden" role="status">
        {status || announcement}
      </p>
    </>
  );
}
