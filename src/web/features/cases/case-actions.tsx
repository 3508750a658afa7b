import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { useToast } from '../../components/toast.js';
import { useMembership } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useErrorText } from '../../lib/problems.js';
import { useMe } from '../../lib/session.js';
import { type CaseDetail, caseApi, useRefreshCases } from './case-queries.js';
import { AwardDialog, ReviewDialog } from './case-review-dialogs.js';

type Confirming = 'publish' | 'unpublish' | 'delete' | null;

/** The buttons the reader's `can` flags and membership allow, and the dialogs behind them. */
export function CaseActions({ orgId, detail }: { orgId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const membership = useMembership();
  const navigate = useNavigate();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshCases(orgId);
  const [writing, setWriting] = useState<'return' | 'approve' | 'comment' | null>(null);
  const [awarding, setAwarding] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const isReporter = Boolean(detail.reporters?.some((r) => r.id === me.id));
  const mayReview = can(membership, 'case.review');
  const mayPublish = can(membership, 'case.publish');
  const mayComment = detail.status !== 'draft' && (isReporter || mayReview);
  const mayDelete = mayPublish || (isReporter && detail.status === 'draft');

  const done = async (updated: CaseDetail, message: string) => {
    await refresh(updated);
    notify(message);
  };
  const step = useMutation({
    mutationFn: (action: 'submit' | 'publish' | 'unpublish') => caseApi.review(orgId, detail.id, { action }),
    onSuccess: async (updated, action) => {
      setConfirming(null);
      await done(
        updated,
        t(`cases.actions.${action === 'submit' ? 'submitted' : `${action}ed`}` as 'cases.actions.submitted'),
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => caseApi.remove(orgId, detail.id),
    onSuccess: async () => {
      setConfirming(null);
      await refresh();
      notify(t('cases.actions.deleted', { title: detail.title }));
      await navigate({ to: '/orgs/$orgId/cases', params: { orgId } });
    },
  });
  const waiting = detail.status === 'published' ? null : t(`cases.actions.waiting.${detail.status}`);

  return (
    <>
      {waiting && <p className="case-note case-print-hide">{waiting}</p>}
      <div className="case-actions">
        {detail.can.submit && (
          <Button
            variant="primary"
            busy={step.isPending && step.variables === 'submit'}
            onClick={() => step.mutate('submit')}
          >
            {t('cases.actions.submit')}
          </Button>
        )}
        {detail.can.review && detail.status === 'submitted' && (
          <Button variant="primary" onClick={() => setWriting('approve')}>
            {t('cases.actions.approve')}
          </Button>
        )}
        {detail.can.publish && detail.status === 'approved' && (
          <Button variant="primary" onClick={() => setConfirming('publish')}>
            {t('cases.actions.publish')}
          </Button>
        )}
        {detail.can.review && <Button onClick={() => setWriting('return')}>{t('cases.actions.return')}</Button>}
        {detail.can.edit && (
          <Link
            to="/orgs/$orgId/cases/$caseId/edit"
            params={{ orgId, caseId: detail.id }}
            className="button button--secondary"
          >
            {t('cases.actions.edit')}
          </Link>
        )}
        {mayComment && <Button onClick={() => setWriting('comment')}>{t('cases.actions.comment')}</Button>}
        {detail.can.award && <Button onClick={() => setAwarding(true)}>{t('cases.actions.award')}</Button>}
        {detail.can.publish && detail.status === 'published' && (
          <Button onClick={() => setConfirming('unpublish')}>{t('cases.actions.unpublish')}</Button>
        )}
        <Button variant="tertiary" onClick={() => window.print()}>
          {t('cases.detail.print')}
        </Button>
        <PresentationLink orgId={orgId} caseId={detail.id} />
        {mayDelete && (
          <Button variant="danger" onClick={() => setConfirming('delete')}>
            {t('cases.actions.delete')}
          </Button>
        )}
      </div>
      {step.isError && step.variables === 'submit' && <p className="field__error">{describe(step.error)}</p>}

      <ReviewDialog
        orgId={orgId}
        caseId={detail.id}
        action={writing}
        onClose={() => setWriting(null)}
        onDone={(updated, action) => {
          setWriting(null);
          void done(
            updated,
            t(
              action === 'return'
                ? 'cases.actions.returned'
                : action === 'approve'
                  ? 'cases.actions.approved'
                  : 'cases.actions.commented',
            ),
          );
        }}
      />
      <AwardDialog
        orgId={orgId}
        caseId={detail.id}
        open={awarding}
        onClose={() => setAwarding(false)}
        onDone={(updated) => {
          setAwarding(false);
          void done(updated, t('cases.actions.awarded'));
        }}
      />
      <ConfirmDialog
        open={confirming === 'publish' || confirming === 'unpublish'}
        title={t(confirming === 'unpublish' ? 'cases.actions.unpublishTitle' : 'cases.actions.publishTitle')}
        body={
          confirming === 'unpublish'
            ? t('cases.actions.unpublishBody')
            : t('cases.actions.publishBody', { sharing: t(`cases.sharing.${detail.sharing}`) })
        }
        confirmLabel={t(confirming === 'unpublish' ? 'cases.actions.unpublish' : 'cases.actions.publish')}
        busy={step.isPending}
        error={step.isError && step.variables !== 'submit' ? describe(step.error) : null}
        onConfirm={() => step.mutate(confirming === 'unpublish' ? 'unpublish' : 'publish')}
        onClose={() => {
          step.reset();
          setConfirming(null);
        }}
      />
      <ConfirmDialog
        open={confirming === 'delete'}
        title={t('cases.actions.deleteTitle', { title: detail.title })}
        body={t('cases.actions.deleteBody')}
        confirmLabel={t('cases.actions.delete')}
        busy={remove.isPending}
        error={remove.isError ? describe(remove.error) : null}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          remove.reset();
          setConfirming(null);
        }}
      />
    </>
  );
}

/** 発表用1枚資料: the case on one landscape A4 sheet, for a 5-minute presentation. */
export function PresentationLink({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useTranslation();
  return (
    <Link to="/orgs/$orgId/cases/$caseId/presentation" params={{ orgId, caseId }} className="button button--secondary">
      {t('cases.presentation.open')}
    </Link>
  );
}

/** What a reader from another organisation may do with a case: print it, or open its one-page presentation. */
export function ReaderActions({ orgId, caseId }: { orgId: string; caseId: string }) {
  const { t } = useTranslation();
  return (
    <div className="case-actions">
      <Button onClick={() => window.print()}>{t('cases.detail.print')}</Button>
      <PresentationLink orgId={orgId} caseId={caseId} />
    </div>
  );
}
