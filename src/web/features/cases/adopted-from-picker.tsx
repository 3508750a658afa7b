import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Combobox, useDebounced } from '../../components/combobox.js';
import { DataText } from '../../components/data-text.js';
import type { AdoptedFrom } from './case-form-values.js';
import { type CaseHit, casePickQueryOptions } from './case-queries.js';

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
  const [announcement, setAnnouncement] = useState('');
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(casePickQueryOptions(orgId, query));
  const results: CaseHit[] = query ? (search.data?.hits ?? []).filter((hit) => hit.id !== caseId) : [];

  const choose = (hit: CaseHit) => {
    onChange({ id: hit.id, title: hit.title, orgName: hit.orgName });
    setText('');
    setAnnouncement(t('cases.adoption.chosen', { title: hit.title, org: hit.orgName }));
  };

  const clear = () => {
    onChange(null);
    setAnnouncement(t('cases.adoption.cleared'));
    inputRef.current?.focus();
  };

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
      <Combobox
        inputId={inputId}
        inputRef={inputRef}
        text={text}
        onTextChange={setText}
        query={query}
        results={results}
        getKey={(hit) => hit.id}
        renderOption={(hit) => (
          <>
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
          </>
        )}
        onChoose={choose}
        listLabel={t('cases.adoption.suggestions')}
        describedBy={describedBy}
        invalid={Boolean(error)}
        isFetching={search.isFetching}
        isSuccess={search.isSuccess}
        messages={{
          searching: t('cases.adoption.searching'),
          noResults: t('cases.adoption.noResults'),
          results: (count) => t('cases.adoption.results', { count }),
        }}
        announcement={announcement}
      >
        {error && (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </Combobox>
    </div>
  );
}
