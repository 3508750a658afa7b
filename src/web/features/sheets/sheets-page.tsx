import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useErrorText } from '../../lib/problems.js';
import { SheetImportForm } from './sheet-import-form.js';
import {
  type SheetSample,
  sheetApi,
  sheetSamplesQueryOptions,
  sheetTemplatesQueryOptions,
  useRefreshSheets,
} from './sheet-queries.js';

export function SheetsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const canManage = can(useMembership(), 'sheet.manage');
  const templates = useQuery(sheetTemplatesQueryOptions(orgId));
  const list = templates.data ?? [];

  return (
    <>
      <PageHeader title={t('sheets.title')} lead={t('sheets.lead')} />
      {templates.isPending && <Loading />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.isSuccess && list.length === 0 && (
        <EmptyState>{canManage ? t('sheets.empty') : t('sheets.emptyReadOnly')}</EmptyState>
      )}
      {list.length > 0 && (
        <section className="panel" aria-labelledby="sheets-list">
          <h2 id="sheets-list" className="panel__title">
            {t('sheets.listTitle')}
          </h2>
          <ul className="sheet-list">
            {list.map((template) => (
              <li key={template.id} className="sheet-card">
                <h3 className="sheet-card__title">
                  <Link to="/orgs/$orgId/sheets/$templateId" params={{ orgId, templateId: template.id }}>
                    <DataText>{template.title}</DataText>
                  </Link>
                </h3>
                <dl className="sheet-card__meta">
                  <div>
                    <dt>{t('sheets.edition')}</dt>
                    <dd>{t(`sheetEditions.${template.edition}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('sheets.variant')}</dt>
                    <dd>{t(`sheetVariants.${template.variant}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('sheets.itemCount')}</dt>
                    <dd>{t('sheets.items', { count: template.itemCount })}</dd>
                  </div>
                  <div>
                    <dt>{t('sheets.latestVersion')}</dt>
                    <dd>
                      {t('sheets.versionNumber', { version: template.latestVersion })}{' '}
                      <DateText value={template.updatedAt} />
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
      {canManage && templates.isSuccess && <SampleSection orgId={orgId} copiedKeys={list.map((x) => x.key)} />}
      {canManage && (
        <section className="panel" aria-labelledby="sheets-import">
          <h2 id="sheets-import" className="panel__title">
            {t('sheets.importTitle')}
          </h2>
          <p>{t('sheets.importLead')}</p>
          <SheetImportForm orgId={orgId} />
        </section>
      )}
    </>
  );
}

function SampleSection({ orgId, copiedKeys }: { orgId: string; copiedKeys: string[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const notify = useToast();
  const refresh = useRefreshSheets(orgId);
  const samples = useQuery(sheetSamplesQueryOptions);
  const copy = useMutation({
    mutationFn: (sample: SheetSample) => sheetApi.copySample(orgId, sample.key),
    onSuccess: async (_created, sample) => {
      await refresh();
      notify(t('sheets.copied', { title: sample.title }));
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  const remaining = (samples.data ?? []).filter((sample) => !copiedKeys.includes(sample.key));

  return (
    <section className="panel" aria-labelledby="sheets-samples">
      <h2 id="sheets-samples" className="panel__title">
        {t('sheets.samplesTitle')}
      </h2>
      <p>{t('sheets.samplesLead')}</p>
      {samples.isPending && <Loading />}
      {samples.isError && <QueryError error={samples.error} onRetry={() => void samples.refetch()} />}
      {samples.isSuccess && remaining.length === 0 && <p>{t('sheets.samplesAllCopied')}</p>}
      {remaining.length > 0 && (
        <ul className="sheet-list">
          {remaining.map((sample) => (
            <li key={sample.key} className="sheet-card">
              <h3 className="sheet-card__title">
                <DataText>{sample.title}</DataText>
              </h3>
              <p className="sheet-card__kind">
                {[
                  t(`sheetEditions.${sample.edition}`),
                  t(`sheetVariants.${sample.variant}`),
                  t('sheets.items', { count: sample.itemCount }),
                ].join(t('rounds.separator'))}
              </p>
              {sample.description && (
                <p className="sheet-card__description">
                  <DataText>{sample.description}</DataText>
                </p>
              )}
              <div className="button-row">
                <Button
                  size="sm"
                  onClick={() => copy.mutate(sample)}
                  busy={copy.isPending && copy.variables?.key === sample.key}
                  disabled={copy.isPending}
                  aria-label={t('sheets.copyFor', { title: sample.title })}
                >
                  {t('sheets.copy')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
