import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../components/combobox.js';
import { DataText } from '../../components/data-text.js';
import { TextField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { membersQueryOptions } from '../members/member-queries.js';

export interface Participant {
  userId: string;
  displayName: string;
}

interface ParticipantPickerProps {
  orgId: string;
  selected: readonly Participant[];
  onChange: (selected: Participant[]) => void;
  error?: string | undefined;
}

/** Members of the organisation to take part in a cohort round: search, tick, and see who is chosen. */
export function ParticipantPicker({ orgId, selected, onChange, error }: ParticipantPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const members = useQuery(membersQueryOptions(orgId, { q: useDebounced(q, 300), role: '', departmentId: '' }));
  const chosen = new Set(selected.map((p) => p.userId));
  const toggle = (participant: Participant, checked: boolean) =>
    onChange(checked ? [...selected, participant] : selected.filter((p) => p.userId !== participant.userId));

  return (
    <div className="participant-picker">
      <p className="participant-picker__count" role="status">
        {t('rounds.new.participantsChosen', { count: selected.length })}
      </p>
      {selected.length > 0 && (
        <ul className="participant-picker__chosen" aria-label={t('rounds.new.participantsChosenList')}>
          {selected.map((p) => (
            <li key={p.userId}>
              <DataText>{p.displayName}</DataText>
            </li>
          ))}
        </ul>
      )}
      <TextField
        label={t('rounds.new.participantSearch')}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      {members.isPending && <Loading minHeight={48} />}
      {members.isError && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && (
        <ul className="check-list" aria-label={t('rounds.new.participantCandidates')}>
          {members.data.map((member) => (
            <li key={member.userId}>
              <label className="check">
                <input
                  type="checkbox"
                  className="check__input"
                  checked={chosen.has(member.userId)}
                  onChange={(event) =>
                    toggle({ userId: member.userId, displayName: member.displayName }, event.target.checked)
                  }
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? 'participantIds-error' : undefined}
                />
                <span>
                  <DataText>{member.displayName}</DataText>
                  <span className="check__sub">
                    {member.email}
                    {member.departmentName && `${t('rounds.separator')}${member.departmentName}`}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
