import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalGovernment } from '../../../shared/orgs/schema.js';
import { Combobox, useDebounced } from '../../components/combobox.js';
import { localGovernmentsQueryOptions } from './org-queries.js';

/**
 * Type-ahead search of the national list of local governments (ARIA 1.2 combobox): arrows move
 * through the suggestions, Enter picks one, Escape closes the list.
 */
export function LgPicker({ onSelect }: { onSelect: (government: LocalGovernment) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const query = useDebounced(text.trim(), 250);
  const search = useQuery(localGovernmentsQueryOptions(query));
  const results = query ? (search.data ?? []) : [];

  const choose = (government: LocalGovernment) => {
    onSelect(government);
    setText('');
    setAnnouncement(t('lgPicker.selected', { name: government.fullName, code: government.lgCode }));
  };

  return (
    <div className="combobox">
      <label className="field__label" htmlFor={`${id}-input`}>
        {t('lgPicker.label')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('lgPicker.hint')}
      </p>
      <Combobox
        inputId={`${id}-input`}
        text={text}
        onTextChange={setText}
        query={query}
        results={results}
        getKey={(government) => government.lgCode}
        renderOption={(government) => (
          <>
            <span className="combobox__name">{government.fullName}</span>
            <span className="combobox__meta">
              {government.lgCode} · {t(`municipalityTypes.${government.municipalityType}`)} · {government.kana}
            </span>
          </>
        )}
        onChoose={choose}
        listLabel={t('lgPicker.suggestions')}
        describedBy={`${id}-hint`}
        placeholder={t('lgPicker.placeholder')}
        isFetching={search.isFetching}
        isSuccess={search.isSuccess}
        messages={{
          searching: t('lgPicker.searching'),
          noResults: t('lgPicker.noResults'),
          results: (count) => t('lgPicker.results', { count }),
        }}
        announcement={announcement}
      />
    </div>
  );
}
