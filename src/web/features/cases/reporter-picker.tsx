import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataText } from '../../components/data-text.js';
import { TextField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { reporterCandidatesQueryOptions } from './case-queries.js';

export interface Reporter {
  userId: string;
  displayName: string;
}

/** Most names listed at once; typing narrows the list. */
const shown = 30;

/** The team of a case: colleagues by name (everyone who reports may see their colleagues' names). */
export function ReporterPicker({
  orgId,
  selected,
  onChange,
}: {
  orgId: string;
  selected: Reporter[];
  onChange: (reporters: Reporter[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const listId = useId();
  const candidates = useQuery(reporterCandidatesQueryOptions(orgId));
  const chosen = new Set(selected.map((r) => r.userId));
  const needle = q.trim().normalize('NFKC').toLowerCase();
  const matches = (candidates.data ?? []).filter(
    (c) => !needle || c.displayName.normalize('NFKC').toLowerCase().includes(needle),
  );
  const toggle = (reporter: Reporter, checked: boolean) =>
    onChange(checked ? [...selected, reporter] : selected.filter((r) => r.userId !== reporter.userId));

  return (
    <div className="participant-picker">
      <p className="participant-picker__count" role="status">
        {t('cases.form.reportersChosen', { count: selected.length })}
      </p>
      <TextField
        label={t('cases.form.reporterSearch')}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      {candidates.isPending && <Loading minHeight={48} />}
      {candidates.isError && <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} />}
      {candidates.data && (
        <ul className="participant-picker__list" id={listId} aria-label={t('cases.form.reporterList')}>
          {matches.slice(0, shown).map((c) => (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(c.id)}
                  onChange={(event) => toggle({ userId: c.id, displayName: c.displayName }, event.target.checked)}
                />{' '}
                <DataText>{c.displayName}</DataText>
              </label>
            </li>
          ))}
        </ul>
      )}
      {candidates.data && matches.length > shown && (
        <p className="field__hint">{t('cases.form.reporterMore', { count: matches.length - shown })}</p>
      )}
    </div>
  );
}
