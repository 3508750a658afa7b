import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { formatNumber } from '../../lib/format.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { localizedTitle } from '../sheets/sheet-labels.js';
import { EditRoundDialog } from './edit-round-dialog.js';
import { InviteRoundDialog } from './invite-round-dialog.js';
import { RoundLinkField } from './round-link-field.js';
import { AnswerLink, MyStatusBadge, ResultsLink, RoundPeriod, RoundStatusBadge } from './round-parts.js';
import { type RoundDetail, roundApi, roundQueryOptions, useRefreshRounds } from './round-queries.js';
import './rounds.css';

type Acting = 'invite' | 'edit' | 'close' | 'delete' | null;

/** One round: what it is, how far answers have come and, for people who manage sheets, its link and controls. */
export function RoundPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { roundId = '' } = useParams({ strict: false });
  const round = useQuery(roundQueryOptions(orgId, roundId));

  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/rounds" params={{ orgId }}>
          {t('rounds.back')}
        </Link>
      </p>
      {round.isPending && <Loading />}
      {round.isError && <QueryError error={round.error} onRetry={() => void round.refetch()} />}
      {round.data && <RoundView orgId={orgId} round={round.data} />}
    </>
  );
}

function RoundView({ orgId, round }: { orgId: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canManage = can(useMembership(), 'sheet.manage');
  const [acting, setActing] = useState<Acting>(null);
  const titleLang = useDataLang(round.title);
  const done = () => setActing(null);

  return (
    <>
      <PageHeader title={round.title} titleLang={titleLang} actions={<AnswerLink orgId={orgId} round={round} />} />
      <div className="stack">
        <section className="panel" aria-labelledby="round-summary">
          <h2 id="round-summary" className="panel__title">
            {t('rounds.detail.summaryTitle')}
          </h2>
          <dl className="summary-list">
            <div>
              <dt>{t('rounds.fields.status')}</dt>
              <dd>
                <RoundStatusBadge status={round.status} />
              </dd>
            </div>
            {round.myStatus !== 'not_eligible' && (
              <div>
                <dt>{t('rounds.fields.myStatus')}</dt>
                <dd>
                  <MyStatusBadge status={round.myStatus} closed={round.status === 'closed'} />
                </dd>
              </div>
            )}
            <div>
              <dt>{t('rounds.fields.sheet')}</dt>
              <dd>
                <DataText>{localizedTitle(round.templateTitle, language)}</DataText>
                <span className="cell-sub">
                  {[
                    t('rounds.versionNumber', { version: round.version }),
                    t(`sheetEditions.${round.edition}`),
                    t(`sheetVariants.${round.variant}`),
                    t('sheets.items', { count: round.itemCount }),
                  ].join(t('rounds.separator'))}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('rounds.fields.scope')}</dt>
              <dd>
                {t(`rounds.scopeKinds.${round.scopeKind}`)}
                {round.scopeKind === 'departments' && round.departments.length > 0 && (
                  <ul className="inline-list">
                    {round.departments.map((d) => (
                      <li key={d.id}>
                        <DataText>{d.name}</DataText>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('rounds.fields.period')}</dt>
              <dd>
                <RoundPeriod round={round} />
              </dd>
            </div>
            <div>
              <dt>{t('rounds.fields.anonymity')}</dt>
              <dd>
                {round.anonymous ? t('rounds.anonymity.anonymous') : t('rounds.anonymity.named')}
                <span className="cell-sub">
                  {round.anonymous ? t('rounds.anonymity.anonymousNote') : t('rounds.anonymity.namedNote')}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('rounds.fields.threshold')}</dt>
              <dd>
                {t('rounds.detail.thresholdValue', { count: round.anonymityThreshold })}
                <span className="cell-sub">
                  {t('rounds.detail.thresholdNote', { count: round.anonymityThreshold })}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('rounds.fields.responses')}</dt>
              <dd>
                {round.eligibleCount === null
                  ? t('rounds.responseCount', { count: round.responseCount })
                  : t('rounds.detail.responsesOfEligible', {
                      responses: formatNumber(round.responseCount, language),
                      eligible: formatNumber(round.eligibleCount, language),
                    })}
                {round.invitedCount !== null && (
                  <span className="cell-sub">{t('rounds.detail.invited', { count: round.invitedCount })}</span>
                )}
              </dd>
            </div>
          </dl>
          <p className="button-row round-view__links">
            <ResultsLink orgId={orgId} round={round} />
          </p>
        </section>

        {canManage && round.joinPath && (
          <section className="panel" aria-labelledby="round-link">
            <h2 id="round-link" className="panel__title">
              {t('rounds.detail.linkTitle')}
            </h2>
            <p>{round.scopeKind === 'cohort' ? t('rounds.detail.linkLeadCohort') : t('rounds.detail.linkLead')}</p>
            <RoundLinkField joinPath={round.joinPath} />
            {round.status !== 'closed' && (
              <p className="button-row">
                <Button onClick={() => setActing('invite')}>{t('rounds.invite.open')}</Button>
              </p>
            )}
          </section>
        )}

        {canManage && round.participants && (
          <section className="panel" aria-labelledby="round-participants">
            <h2 id="round-participants" className="panel__title">
              {t('rounds.detail.participantsTitle', { count: round.participants.length })}
            </h2>
            {round.participants.length === 0 ? (
              <p>{t('rounds.detail.participantsEmpty')}</p>
            ) : (
              <ul className="participant-list">
                {round.participants.map((p) => (
                  <li key={p.userId}>
                    <DataText>{p.displayName}</DataText> <span className="muted">{p.email}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {canManage && (
          <section className="panel" aria-labelledby="round-manage">
            <h2 id="round-manage" className="panel__title">
              {t('rounds.detail.manageTitle')}
            </h2>
            <p className="button-row">
              {round.status !== 'closed' && (
                <Button onClick={() => setActing('edit')}>{t('rounds.detail.edit')}</Button>
              )}
              {round.status !== 'closed' && (
                <Button variant="danger" onClick={() => setActing('close')}>
                  {t('rounds.detail.close')}
                </Button>
              )}
              {round.responseCount === 0 && (
                <Button variant="tertiary" className="button--danger-text" onClick={() => setActing('delete')}>
                  {t('rounds.detail.delete')}
                </Button>
              )}
            </p>
            {round.status === 'closed' && round.responseCount > 0 && (
              <p className="muted">{t('rounds.detail.closedNote')}</p>
            )}
          </section>
        )}
      </div>
      {acting === 'invite' && <InviteRoundDialog orgId={orgId} round={round} onClose={done} />}
      {acting === 'edit' && <EditRoundDialog orgId={orgId} round={round} onClose={done} />}
      {acting === 'close' && <CloseRoundDialog orgId={orgId} round={round} onClose={done} />}
      {acting === 'delete' && <DeleteRoundDialog orgId={orgId} round={round} onClose={done} />}
    </>
  );
}

function CloseRoundDialog({ orgId, round, onClose }: { orgId: string; round: RoundDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const refresh = useRefreshRounds(orgId);
  const close = useMutation({
    mutationFn: () => roundApi.close(orgId, round.id),
    onSuccess: async () => {
      await refresh();
      notify(t('rounds.detail.closed'));
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      title={t('rounds.detail.closeTitle')}
      body={t('rounds.detail.closeBody', { title: round.title })}
      confirmLabel={t('rounds.detail.closeConfirm')}
      onConfirm={() => close.mutate()}
      onClose={onClose}
      busy={close.isPending}
      error={close.isError ? describe(close.error) : null}
    />
  );
}

function DeleteRoundDialog({ orgId, round, onClose }: { orgId: string; round: RoundDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useToast();
  const describe = useErrorText();
  const navigate = useNavigate();
  const refresh = useRefreshRounds(orgId);
  const remove = useMutation({
    mutationFn: () => roundApi.remove(orgId, round.id),
    onSuccess: async () => {
      notify(t('rounds.detail.deleted', { title: round.title }));
      await navigate({ to: '/orgs/$orgId/rounds', params: { orgId } });
      await refresh();
    },
  });
  return (
    <ConfirmDialog
      open
      title={t('rounds.detail.deleteTitle')}
      body={t('rounds.detail.deleteBody', { title: round.title })}
      confirmLabel={t('rounds.detail.deleteConfirm')}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
      busy={remove.isPending}
      error={remove.isError ? describe(remove.error) : null}
    />
  );
}
