import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { useOrgId } from '../../lib/org-context.js';
import { CaseForm } from './case-form.js';
import { caseFormFromDetail, caseInputFromForm, emptyCaseForm } from './case-form-values.js';
import { caseApi, caseQueryOptions, useRefreshCases } from './case-queries.js';
import './cases.css';

/** 事例を報告する: a new case, saved as a draft and then shown on its own page to look over and submit. */
export function CaseNewPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const navigate = useNavigate();
  const notify = useToast();
  const refresh = useRefreshCases(orgId);
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/cases" params={{ orgId }}>
          {t('cases.back')}
        </Link>
      </p>
      <PageHeader title={t('cases.form.newTitle')} lead={t('cases.form.newLead')} />
      <CaseForm
        orgId={orgId}
        initial={emptyCaseForm()}
        submitLabel={t('cases.form.saveDraft')}
        cancel={
          <Link to="/orgs/$orgId/cases" params={{ orgId }} className="button button--tertiary">
            {t('common.cancel')}
          </Link>
        }
        onSave={async (values) => {
          const input = caseInputFromForm(values);
          const created = await caseApi.create(orgId, input);
          await refresh();
          notify(t('cases.form.saved', { title: input.title }));
          await navigate({ to: '/orgs/$orgId/cases/$caseId', params: { orgId, caseId: created.id } });
        }}
      />
    </>
  );
}

/** 事例を編集する: the same form filled with the case, for its reporters while it is a draft or returned. */
export function CaseEditPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { caseId } = useParams({ from: '/authed/orgs/$orgId/cases/$caseId/edit' });
  const navigate = useNavigate();
  const notify = useToast();
  const refresh = useRefreshCases(orgId);
  const detail = useQuery({ ...caseQueryOptions(orgId, caseId), refetchOnWindowFocus: false });
  const back = (
    <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId }} className="button button--tertiary">
      {t('common.cancel')}
    </Link>
  );
  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId }}>
          {t('cases.backToCase')}
        </Link>
      </p>
      <PageHeader title={t('cases.form.editTitle')} />
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && !detail.data.can.edit && <Alert tone="info">{t('errors.forbiddenBody')}</Alert>}
      {detail.data?.can.edit && (
        <CaseForm
          key={detail.data.updatedAt}
          orgId={orgId}
          caseId={caseId}
          initial={caseFormFromDetail(detail.data)}
          submitLabel={t('cases.form.saveChanges')}
          cancel={back}
          onSave={async (values) => {
            const input = caseInputFromForm(values);
            const updated = await caseApi.update(orgId, caseId, input);
            await refresh(updated);
            notify(t('cases.form.saved', { title: input.title }));
            await navigate({ to: '/orgs/$orgId/cases/$caseId', params: { orgId, caseId } });
          }}
        />
      )}
    </>
  );
}
