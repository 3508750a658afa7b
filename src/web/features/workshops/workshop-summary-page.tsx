import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { api, segment } from '../../lib/api.js';
import { useOrgId } from '../../lib/org-context.js';
import { usePageTitle } from '../../lib/page-title.js';
import { useLanguage } from '../../lib/problems.js';
import { PlanFromWorkshopButton } from '../plans/plan-from-workshop-button.js';
import { PollResults } from './workshop-closing-panels.js';
import { ItemSpread, useGroupName } from './workshop-parts.js';
import { workshopQueryOptions } from './workshop-queries.js';
import './workshops.css';

interface PlanDrafts {
  drafts: {
    scope: string;
    groupName: string | null;
    moves: { itemKey: string; itemTitle: string; agreedLevel: number | null; agreedReason: string; nextMove: string }[];
  }[];
}

/**
 * The record of a workshop on paper (A4) and as files: every item's spread (withheld below k), what
 * was said and agreed about it, each group's next moves as the draft of its action plan, the poll.
 */
export function WorkshopSummaryPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const language = useLanguage();
  const { workshopId } = useParams({ from: '/authed/orgs/$orgId/workshops/$workshopId/summary' });
  const view = useQuery(workshopQueryOptions(orgId, workshopId));
  const drafts = useQuery({
    queryKey: ['orgs', orgId, 'workshops', workshopId, 'plan-drafts'],
    queryFn: () => api.get<PlanDrafts>(`/api/orgs/${segment(orgId)}/workshops/${segment(workshopId)}/plan-drafts`),
  });
  usePageTitle(view.data ? `${view.data.title}（${t('workshops.summary.title')}）` : t('workshops.summary.title'));
  if (view.isPending || drafts.isPending) return <Loading />;
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  if (drafts.isError) return <QueryError error={drafts.error} onRetry={() => void drafts.refetch()} />;
  const data = view.data;
  const download = (format: 'csv' | 'xlsx') =>
    `/api/orgs/${segment(orgId)}/workshops/${segment(workshopId)}/export?format=${format}&lang=${language}`;
  return (
    <article className="workshop-summary">
      <PageHeader
        title={data.title}
        lead={t('workshops.summary.facts', {
          round: data.roundTitle,
          count: data.tally.participants,
          status: t(`workshops.status.${data.status}`),
        })}
        actions={
          <>
            <Link
              to="/orgs/$orgId/workshops/$workshopId"
              params={{ orgId, workshopId }}
              className="button button--tertiary"
            >
              {t('workshops.back')}
            </Link>
            <Button variant="secondary" onClick={() => window.print()}>
              {t('workshops.summary.print')}
            </Button>
            <a className="button button--secondary" href={download('csv')} download>
              {t('workshops.summary.downloadCsv')}
            </a>
            <a className="button button--secondary" href={download('xlsx')} download>
              {t('workshops.summary.downloadXlsx')}
            </a>
          </>
        }
      />
      <section className="workshop-summary__section" aria-labelledby="summary-drafts">
        <h2 id="summary-drafts">{t('workshops.summary.drafts')}</h2>
        <p className="field__hint">{t('workshops.summary.draftsLead')}</p>
        {drafts.data.drafts.length === 0 ? (
          <p>{t('workshops.summary.noDrafts')}</p>
        ) : (
          drafts.data.drafts.map((draft) => (
            <div key={draft.scope} className="workshop-summary__draft">
              <h3>{draft.groupName ? <DataText>{draft.groupName}</DataText> : t('workshops.summary.everyone')}</h3>
              <ol>
                {draft.moves.map((move) => (
                  <li key={move.itemKey}>
                    <strong>
                      <DataText>{move.itemTitle}</DataText>
                    </strong>
                    {move.agreedLevel !== null &&
                      `（${t('workshops.summary.agreedLevelValue', { level: move.agreedLevel })}）`}
                    <p>
                      <DataText>{move.nextMove}</DataText>
                    </p>
                  </li>
                ))}
              </ol>
              <PlanFromWorkshopButton
                orgId={orgId}
                workshopId={workshopId}
                scope={draft.scope}
                groupName={draft.groupName ?? t('workshops.summary.everyone')}
              />
            </div>
          ))
        )}
      </section>
      <section className="workshop-summary__section" aria-labelledby="summary-results">
        <h2 id="summary-results">{t('workshops.summary.results')}</h2>
        <p className="field__hint">{t('workshops.summary.resultsLead', { k: data.tally.k })}</p>
        {data.items.map((item, index) => (
          <SummaryItem key={item.key} view={data} index={index} />
        ))}
      </section>
      <section className="workshop-summary__section" aria-labelledby="summary-poll">
        <h2 id="summary-poll">{t('workshops.summary.poll')}</h2>
        <PollResults view={data} />
      </section>
    </article>
  );
}

/** One item on paper: its spread and what each group said and agreed. */
function SummaryItem({ view, index }: { view: WorkshopView; index: number }) {
  const { t } = useTranslation();
  const groupName = useGroupName();
  const item = view.items[index];
  if (!item) return null;
  const notes = view.notes.filter((n) => n.itemKey === item.key);
  const scopeName = (scope: string) => {
    const group = view.groups.find((g) => g.id === scope);
    return group ? groupName(group) : t('workshops.summary.everyone');
  };
  return (
    <section className="workshop-summary__item" aria-labelledby={`summary-item-${item.key}`}>
      <h3 id={`summary-item-${item.key}`}>
        {index + 1}. <DataText>{item.title}</DataText>
      </h3>
      <ItemSpread view={view} item={item} />
      <h4>{t('workshops.summary.dialogue')}</h4>
      {notes.length === 0 ? (
        <p className="field__hint">{t('workshops.summary.noDialogue')}</p>
      ) : (
        <dl className="workshop-summary__notes">
          {notes.map((note) => (
            <div key={note.scope}>
              <dt>{scopeName(note.scope)}</dt>
              <dd>
                {note.notes && (
                  <p>
                    <span className="workshop-summary__label">{t('workshops.summary.notes')}</span>
                    <DataText>{note.notes}</DataText>
                  </p>
                )}
                {note.nextMove && (
                  <p>
                    <span className="workshop-summary__label">{t('workshops.summary.nextMove')}</span>
                    <DataText>{note.nextMove}</DataText>
                  </p>
                )}
                {note.agreedLevel !== null && (
                  <p>
                    <span className="workshop-summary__label">{t('workshops.summary.agreedLevel')}</span>
                    {t('workshops.summary.agreedLevelValue', { level: note.agreedLevel })}
                    {note.agreedReason && (
                      <>
                        {' — '}
                        <DataText>{note.agreedReason}</DataText>
                      </>
                    )}
                  </p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
