import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Combobox, useDebounced } from '../../components/combobox.js';
import { DataText } from '../../components/data-text.js';
import { type CaseHit, casePickQueryOptions } from '../cases/case-queries.js';

/**
 * The kaizen case a presentation presents, picked by typing from the organisation's own cases:
 * choosing one fills an empty title and presenter from it; the link can be removed.
 */
export function ProgrammeCasePicker({
  orgId,
  caseId,
  caseTitle,
  rowName,
  onChoose,
  onClear,
  error,
}: {
  orgId: string;
  caseId: string | null;
  caseTitle?: string | undefined;
  /** The row's name (発表2), so each picker's label says which presentation it is for. */
  rowName: string;
  onChoose: (hit: CaseHit) => void;
  onClear: () => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(casePickQueryOptions(orgId, query, 'own'));
  const results: CaseHit[] = query ? (search.data?.hits ?? []) : [];
  const describedBy = [`${id}-current`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', 'combobox', error ? 'field--error' : ''].filter(Boolean).join(' ')}>
      <div className="event-row__case" id={`${id}-current`}>
        {caseId ? (
          <>
            <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId }} target="_blank">
              {caseTitle ? <DataText>{caseTitle}</DataText> : t('presentations.create.caseLinked')}
            </Link>
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => {
                onClear();
                setAnnouncement(t('presentations.create.caseCleared'));
                inputRef.current?.focus();
              }}
            >
              {t('presentations.create.caseClear')}
              <span className="visually-hidden">{t('presentations.create.rowAction', { row: rowName })}</span>
            </Button>
          </>
        ) : (
          <span className="field__hint">{t('presentations.create.caseNone')}</span>
        )}
      </div>
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('presentations.create.caseSearch')}
        <span className="visually-hidden">{t('presentations.create.rowAction', { row: rowName })}</span>
      </label>
      <Combobox
        inputId={`${id}-input`}
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
            {hit.departmentName && (
              <span className="combobox__meta">
                <DataText>{hit.departmentName}</DataText>
              </span>
            )}
          </>
        )}
        onChoose={(hit) => {
          onChoose(hit);
          setText('');
          setAnnouncement(t('presentations.create.caseChosen', { title: hit.title }));
        }}
        listLabel={t('presentations.create.caseSuggestions')}
        describedBy={describedBy}
        invalid={Boolean(error)}
        isFetching={search.isFetching}
        isSuccess={search.isSuccess}
        messages={{
          searching: t('presentations.create.caseSearching'),
          noResults: t('presentations.create.caseNoResults'),
          results: (count) => t('presentations.create.caseResults', { count }),
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
