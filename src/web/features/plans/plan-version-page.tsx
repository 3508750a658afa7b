import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { TextField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useOrgId } from '../../lib/org-context.js';
import { useErrorText } from '../../lib/problems.js';
import { PlanContentView } from './plan-content-view.js';
import {
  type PlanVersion,
  planApi,
  planQueryOptions,
  planVersionQueryOptions,
  useRefreshPlan,
} from './plan-queries.js';
import './plans.css';

/** One frozen version, read-only at its own address and on A4 paper; only its note may change. */
export function PlanVersionPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const params = useParams({ from: '/authed/orgs/$orgId/plans/$planId/versions/$number' });
  const { planId } = params;
  const number = Number(params.number);
  const plan = useQuery(planQueryOptions(orgId, planId));
  const version = useQuery({ ...planVersionQueryOptions(orgId, planId, number), enabled: number > 0 });
  const titleLang = useDataLang(version.data?.content.title);
  const pending = plan.isPending || version.isPending;
  const failed = plan.error ?? version.error;
  return (
    <article className="plan-print">
      <p className="back-link">
        <Link to="/orgs/$orgId/plans/$planId" params={{ orgId, planId }}>
          {t('plans.backToPlan')}
        </Link>
      </p>
      {pending && <Loading />}
      {failed && <QueryError error={failed} onRetry={() => void Promise.all([plan.refetch(), version.refetch()])} />}
      {plan.data && version.data && (
        <>
          <PageHeader
            title={version.data.content.title}
            titleLang={titleLang}
            lead={t('plans.versions.heading', {
              number: version.data.number,
              kind: t(`plans.versionKind.${version.data.kind}`),
            })}
            actions={
              <>
                {number > 1 && (
                  <Link
                    to="/orgs/$orgId/plans/$planId/compare"
                    params={{ orgId, planId }}
                    search={{ from: number - 1, to: number }}
                    className="button button--secondary"
                  >
                    {t('plans.versions.compareWithPrevious', { number, previous: number - 1 })}
                  </Link>
                )}
                <Button onClick={() => window.print()}>{t('plans.versions.print')}</Button>
              </>
            }
          />
          <VersionFacts version={version.data} />
          {plan.data.can.edit && <VersionNoteForm orgId={orgId} planId={planId} version={version.data} />}
          <PlanContentView content={version.data.content} orgId={orgId} />
        </>
      )}
    </article>
  );
}

/** That a version is frozen, when and by whom, and its note. */
export function VersionFacts({ version }: { version: PlanVersion }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert tone="info">{t('plans.versions.frozen')}</Alert>
      <dl className="summary-list plan-view__facts">
        <div>
          <dt>{t('plans.versions.frozenAt')}</dt>
          <dd>
            <DateText value={version.frozenAt} withTime />
            {version.frozenBy && (
              <>
                {t('plans.listSeparator')}
                <DataText>{version.frozenBy.displayName}</DataText>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('plans.versions.note')}</dt>
          <dd>{version.note ? <DataText>{version.note}</DataText> : t('common.notSet')}</dd>
        </div>
      </dl>
    </>
  );
}

/** The note of a version (where or when it was presented): the one thing that may change. */
function VersionNoteForm({ orgId, planId, version }: { orgId: string; planId: string; version: PlanVersion }) {
  const { t } = useTranslation();
  const notify = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const refresh = useRefreshPlan(orgId);
  const [note, setNote] = useState(version.note);
  const save = useMutation({
    mutationFn: () => planApi.updateVersionNote(orgId, planId, version.number, note.trim()),
    onSuccess: async (updated) => {
      queryClient.setQueryData(planVersionQueryOptions(orgId, planId, version.number).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: planQueryOptions(orgId, planId).queryKey });
      await refresh();
      notify(t('plans.versions.noteSaved'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form plan-note-form" onSubmit={submit} noValidate>
      <TextField
        label={t('plans.versions.noteEdit')}
        hint={t('plans.freeze.noteHint')}
        maxLength={200}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {save.isError && <Alert tone="error">{errorText(save.error)}</Alert>}
      <div className="button-row">
        <Button
          type="submit"
          size="sm"
          disabled={note.trim() === version.note}
          busy={save.isPending}
          busyLabel={t('common.saving')}
        >
          {t('plans.versions.noteSave')}
        </Button>
      </div>
    </form>
  );
}
