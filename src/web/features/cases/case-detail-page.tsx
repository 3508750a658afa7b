import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataText, useDataLang } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { formatFiscalYear, formatNumber } from '../../lib/format.js';
import { useMembership, useOrgId } from '../../lib/org-context.js';
import { can } from '../../lib/permissions.js';
import { useErrorText, useLanguage } from '../../lib/problems.js';
import { useMe } from '../../lib/session.js';
import { useSceneGrid } from '../scene-grid/scene-grid-queries.js';
import { CaseAttachments } from './case-attachments.js';
import { statusTones, useCaseWords } from './case-labels.js';
import { type CaseDetail, caseApi, caseQueryOptions, useRefreshCases } from './case-queries.js';
import { AwardDialog, ReviewDialog } from './case-review-dialogs.js';
import { SimilarCases } from './similar-cases.js';
import './cases.css';

type Confirming = 'publish' | 'unpublish' | 'delete' | null;

/** One case: before → action → after, its effects and facts, its review history, and what the reader may do with it. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { caseId } = useParams({ from: '/authed/orgs/$orgId/cases/$caseId' });
  const detail = useQuery(caseQueryOptions(orgId, caseId));
  const grid = useSceneGrid(orgId);
  const words = useCaseWords(grid.data);
  return (
    <>
      <p className="back-link case-print-hide">
        <Link to="/orgs/$orgId/cases" params={{ orgId }}>
          {t('cases.back')}
        </Link>
      </p>
      {detail.isPending && <Loading />}
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <CaseView orgId={orgId} detail={detail.data} words={words} />}
    </>
  );
}

function CaseView({
  orgId,
  detail,
  words,
}: {
  orgId: string;
  detail: CaseDetail;
  words: ReturnType<typeof useCaseWords>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleLang = useDataLang(detail.title);
  const own = detail.org.id === orgId;
  return (
    <article className="case-detail">
      <PageHeader title={detail.title} titleLang={titleLang} />
      <div className="case-head">
        <Badge tone={statusTones[detail.status]}>{t(`cases.status.${detail.status}`)}</Badge>
        <span>{t(`cases.sharing.${detail.sharing}`)}</span>
        <strong>
          <DataText>{detail.org.name}</DataText>
        </strong>
        <DateText value={detail.happenedOn} />
      </div>
      {own ? <CaseActions orgId={orgId} detail={detail} /> : <PrintOnly />}

      <ol className="case-story">
        <li>
          <h2>{t('cases.detail.before')}</h2>
          <Story text={detail.problem} />
        </li>
        <li>
          <h2>{t('cases.detail.what')}</h2>
          <Story text={detail.action} />
        </li>
        <li>
          <h2>{t('cases.detail.after')}</h2>
          <Story text={detail.result} />
        </li>
      </ol>

      <CaseAttachments
        orgId={orgId}
        caseId={detail.id}
        attachments={detail.attachments}
        canEdit={own && detail.can.edit}
        own={own}
      />

      <section className="section case-section" aria-labelledby="case-effects">
        <h2 id="case-effects" className="section__title">
          {t('cases.detail.effectsTable')}
        </h2>
        <EffectsTable effects={detail.effects} words={words} />
      </section>

      <section className="section case-section" aria-labelledby="case-remaining">
        <h2 id="case-remaining" className="section__title">
          {t('cases.fields.remaining')}
        </h2>
        <Story text={detail.remaining} />
      </section>

      <section className="section case-section" aria-labelledby="case-facts">
        <h2 id="case-facts" className="section__title">
          {t('cases.detail.facts')}
        </h2>
        <dl className="summary-list summary-list--columns">
          <Fact label={t('cases.fields.organization')}>
            <DataText>{detail.org.name}</DataText>
          </Fact>
          <Fact label={t('cases.fields.department')}>
            {detail.departmentName ? <DataText>{detail.departmentName}</DataText> : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.happenedOn')}>
            <DateText value={detail.happenedOn} />
          </Fact>
          <Fact label={t('cases.fields.fiscalYear')}>{formatFiscalYear(detail.fiscalYear, language)}</Fact>
          <Fact label={t('cases.fields.scene')}>{words.scene(detail.sceneId)}</Fact>
          <Fact label={t('cases.fields.policyField')}>
            {detail.policyField ? t(`cases.policyFields.${detail.policyField}`) : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.method')}>
            {detail.method ? t(`cases.methods.${detail.method}`) : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.tags')}>
            {detail.tags.length > 0
              ? detail.tags.map((tag) => (
                  <span key={tag} className="case-chip">
                    <DataText>{tag}</DataText>
                  </span>
                ))
              : t('common.notSet')}
          </Fact>
          <Fact label={t('cases.fields.reporters')}>
            {detail.reporters ? (
              <DataText>{detail.reporters.map((r) => r.displayName).join(t('cases.separator'))}</DataText>
            ) : (
              <Withheld own={own} />
            )}
          </Fact>
          <Fact label={t('cases.fields.cost')}>
            {/* A cost left out of a shared copy and a case without cost read the same: the API cannot tell them apart. */}
            {detail.costYen === null && detail.costNote === null ? (
              t('common.notSet')
            ) : (
              <>
                {detail.costYen !== null &&
                  `${formatNumber(detail.costYen, language)}${language === 'ja' ? '円' : ' yen'}`}
                {detail.costNote && (
                  <>
                    {detail.costYen !== null && t('cases.separator')}
                    <DataText>{detail.costNote}</DataText>
                  </>
                )}
              </>
            )}
          </Fact>
          <Fact label={t('cases.fields.sharing')}>{t(`cases.sharing.${detail.sharing}`)}</Fact>
          {detail.adoptedFrom && (
            <Fact label={t('cases.fields.adoptedFrom')}>
              <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId: detail.adoptedFrom.id }}>
                <DataText>{detail.adoptedFrom.title}</DataText>
              </Link>{' '}
              (<DataText>{detail.adoptedFrom.orgName}</DataText>)
            </Fact>
          )}
          <Fact label={t('cases.fields.adoptionCount')}>
            {detail.adoptionCount > 0
              ? t('cases.detail.adoptions', { count: detail.adoptionCount })
              : t('cases.detail.noAdoptions')}
          </Fact>
          {detail.adoptedBy && detail.adoptedBy.length > 0 && (
            <Fact label={t('cases.adoption.adoptedBy')}>
              <ul className="case-links">
                {detail.adoptedBy.map((link) => (
                  <li key={link.id}>
                    <Link to="/orgs/$orgId/cases/$caseId" params={{ orgId, caseId: link.id }}>
                      <DataText>{link.title}</DataText>
                    </Link>{' '}
                    (<DataText>{link.orgName}</DataText>)
                  </li>
                ))}
              </ul>
            </Fact>
          )}
          <Fact label={t('cases.fields.awards')}>
            {detail.awards.length > 0 ? (
              <ul className="case-links">
                {detail.awards.map((award) => (
                  <li key={`${award.fiscalYear}-${award.name}`}>
                    {t('cases.detail.award', {
                      year: formatFiscalYear(award.fiscalYear, language),
                      name: award.name,
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              t('cases.detail.noAwards')
            )}
          </Fact>
          {detail.managerOpinion && (
            <Fact label={t('cases.fields.managerOpinion')}>
              <p className="case-text">{detail.managerOpinion}</p>
            </Fact>
          )}
          {detail.publishedAt && (
            <Fact label={t('cases.detail.publishedAt')}>
              <DateText value={detail.publishedAt} />
            </Fact>
          )}
        </dl>
        {detail.internalFields && detail.internalFields.length > 0 && (
          <p className="case-note">
            {t('cases.detail.internalMarked', {
              fields: detail.internalFields.map((f) => t(`cases.internalFields.${f}`)).join(t('cases.separator')),
            })}
          </p>
        )}
      </section>

      {detail.reviews && (
        <section className="section case-section" aria-labelledby="case-history">
          <h2 id="case-history" className="section__title">
            {t('cases.detail.history')}
          </h2>
          {detail.reviews.length === 0 ? (
            <p className="case-note">{t('cases.detail.historyEmpty')}</p>
          ) : (
            <ol className="case-history">
              {detail.reviews.map((review, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end
                <li key={index}>
                  <p className="case-history__head">
                    <span className="case-history__action">{t(`cases.detail.reviewActions.${review.action}`)}</span>
                    {review.actorName && <DataText>{review.actorName}</DataText>}
                    <DateText value={review.createdAt} withTime />
                  </p>
                  {review.comment && <p className="case-text">{review.comment}</p>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      <SimilarCases orgId={orgId} caseId={detail.id} />
    </article>
  );
}

function Story({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (text === null) return <p className="case-note">{t('cases.detail.notShared')}</p>;
  if (!text.trim()) return <p className="case-note">{t('cases.detail.empty')}</p>;
  return <p className="case-text">{text}</p>;
}

/** What another organisation's copy leaves out reads as such; on one's own copy it was simply not filled in. */
function Withheld({ own }: { own: boolean }) {
  const { t } = useTranslation();
  return <span className="case-note">{own ? t('common.notSet') : t('cases.detail.notShared')}</span>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EffectsTable({ effects, words }: { effects: CaseDetail['effects']; words: ReturnType<typeof useCaseWords> }) {
  const { t } = useTranslation();
  if (effects === null) return <p className="case-note">{t('cases.detail.notShared')}</p>;
  if (effects.length === 0) return <p className="case-note">{t('cases.detail.noEffects')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('cases.detail.kind')}</th>
            <th scope="col" className="case-number">
              {t('cases.detail.target')}
            </th>
            <th scope="col" className="case-number">
              {t('cases.detail.actual')}
            </th>
            <th scope="col">{t('cases.detail.note')}</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((effect, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: effects have no ids and keep their order
            <tr key={index}>
              <th scope="row" className="cell--title">
                {t(`cases.effectKinds.${effect.kind}`)}
                {effect.label && (
                  <>
                    {t('cases.separator')}
                    <DataText>{effect.label}</DataText>
                  </>
                )}
              </th>
              <td className="case-number" data-label={t('cases.detail.target')}>
                {words.amount(effect.kind, effect.target, effect.unit)}
              </td>
              <td className="case-number" data-label={t('cases.detail.actual')}>
                {words.amount(effect.kind, effect.actual, effect.unit)}
              </td>
              <td data-label={t('cases.detail.note')}>{effect.note ? <DataText>{effect.note}</DataText> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PrintOnly() {
  const { t } = useTranslation();
  return (
    <div className="case-actions">
      <Button onClick={() => window.print()}>{t('cases.detail.print')}</Button>
    </div>
  );
}

/** The buttons the reader's `can` flags and membership allow, and the dialogs behind them. */
function CaseActions({ orgId, detail }: { orgId: string; detail: CaseDetail }) {
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
