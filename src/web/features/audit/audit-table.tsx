import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/audit/schema.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { actionLabel, targetTypeLabel } from './audit-labels.js';
import { formatChanges } from './format-changes.js';

export function AuditTable({ events, names }: { events: readonly AuditEvent[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const columns: Column<AuditEvent>[] = [
    {
      key: 'when',
      header: t('audit.when'),
      isRowHeader: true,
      className: 'audit-col--when',
      render: (e) => <DateText value={e.createdAt} withTime />,
    },
    {
      key: 'actor',
      header: t('audit.actor'),
      className: 'audit-col--actor',
      render: (e) => (e.actorName ? <DataText>{e.actorName}</DataText> : t('audit.system')),
    },
    {
      key: 'action',
      header: t('audit.action'),
      className: 'audit-col--action',
      render: (e) => (
        <>
          {actionLabel(e.action, t)}
          <span className="code-hint">{breakAfterDots(e.action)}</span>
        </>
      ),
    },
    {
      key: 'target',
      header: t('audit.targetType'),
      className: 'audit-col--target',
      render: (e) => targetTypeLabel(e.targetType, t),
    },
    { key: 'changes', header: t('audit.changes'), render: (e) => <ChangeList event={e} names={names} /> },
  ];
  return <DataTable caption={t('audit.title')} rows={events} columns={columns} rowKey={(e) => e.id} />;
}

/** `invitation.create` may break after its dot (on phones), never inside a word. */
function breakAfterDots(action: string) {
  return action.split(/(?<=[._])/).map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never move
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function ChangeList({ event, names }: { event: AuditEvent; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const lines = formatChanges(event.changes, t, names);
  if (lines.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <ul className="changes">
      {lines.map((line) => (
        <li key={line.field}>
          <span className="changes__field">{line.field}</span>{' '}
          {line.before !== undefined && (
            <>
              <span className="changes__before">
                <DataText>{line.before}</DataText>
              </span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden">{t('audit.changedTo')}</span>
            </>
          )}
          <span className="changes__after">
            <DataText>{line.after}</DataText>
          </span>
        </li>
      ))}
    </ul>
  );
}
