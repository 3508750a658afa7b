import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { type NamedResponse, namedResponsesQueryOptions, type RoundDetail } from './results-queries.js';

/**
 * Individual answers of a round declared named up front, for people who manage sheets. Loaded only
 * when opened: reading who answered what should be a deliberate step.
 */
export function NamedResponses({ orgId, round }: { orgId: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const responses = useQuery({ ...namedResponsesQueryOptions(orgId, round.id), enabled: isOpen });
  const items = round.content.sections.flatMap((section) => section.items);
  const itemLang = useDataLang(items[0]?.title);
  const titles = new Map(items.map((item) => [item.key, item.title]));

  const columns: Column<NamedResponse>[] = [
    {
      key: 'name',
      header: t('results.respondent'),
      isRowHeader: true,
      render: (r) => (
        <>
          <DataText>{r.displayName}</DataText>
          <span className="cell-sub">
            {t(`positions.${r.position}`)}
            {r.departmentName && (
              <>
                {t('results.separator')}
                <DataText>{r.departmentName}</DataText>
              </>
            )}
          </span>
        </>
      ),
    },
    ...items.map(
      (item): Column<NamedResponse> => ({
        key: item.key,
        header: item.title,
        align: 'end',
        render: (r) => r.answers.find((a) => a.itemKey === item.key)?.level ?? '—',
      }),
    ),
    {
      key: 'important',
      header: t('results.mostImportantItem'),
      render: (r) =>
        r.mostImportantItemKey ? <span lang={itemLang}>{titles.get(r.mostImportantItemKey) ?? '—'}</span> : '—',
    },
    { key: 'submitted', header: t('results.submittedAt'), render: (r) => <DateText value={r.submittedAt} /> },
  ];

  return (
    <section className="panel results-section" aria-labelledby="results-named">
      <h2 id="results-named" className="panel__title">
        {t('results.namedTitle')}
      </h2>
      <p>{t('results.namedLead')}</p>
      <details className="named-responses" onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>{t('results.namedShow')}</summary>
        {responses.isPending && isOpen && <Loading />}
        {responses.isError && <QueryError error={responses.error} onRetry={() => void responses.refetch()} />}
        {responses.data && (
          <div className="named-responses__table">
            <DataTable
              caption={t('results.namedTitle')}
              rows={responses.data}
              columns={columns}
              rowKey={(r) => `${r.displayName}-${r.submittedAt ?? ''}`}
            />
          </div>
        )}
      </details>
    </section>
  );
}
