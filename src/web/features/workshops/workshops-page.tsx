import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopGroupings } from '../../../shared/workshops/workshop-schema.js';
import { Alert } from '../../components/alert.js';
import { Badge } from '../../components/badge.js';
import { Button } from '../../components/button.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { DataText } from '../../components/data-text.js';
import { DateText } from '../../components/date-text.js';
import { EmptyState } from '../../components/empty-state.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { roundsQueryOptions } from '../rounds/round-queries.js';
import { spacedCode } from './workshop-parts.js';
import { type WorkshopList, workshopApi, workshopsQueryKey, workshopsQueryOptions } from './workshop-queries.js';
import './workshops.css';

type Summary = WorkshopList['workshops'][number];
type WorkshopGrouping = (typeof workshopGroupings)[number];

/** ワークショップ: the workshops of the organisation and the form that opens a new one. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const workshops = useQuery(workshopsQueryOptions(orgId));
  const columns: Column<Summary>[] = [
    {
      key: 'title',
      header: t('rounds.fields.title'),
      isRowHeader: true,
      render: (w) =>
        w.mode === 'presentations' ? (
          <Link to="/orgs/$orgId/presentation-events/$workshopId" params={{ orgId, workshopId: w.id }}>
            <DataText>{w.title}</DataText>
          </Link>
        ) : (
          <Link to="/orgs/$orgId/workshops/$workshopId" params={{ orgId, workshopId: w.id }}>
            <DataText>{w.title}</DataText>
          </Link>
        ),
    },
    {
      key: 'kind',
      header: t('presentations.list.kind'),
      render: (w) => t(`presentations.kinds.${w.mode}`),
    },
    {
      key: 'code',
      header: t('workshops.list.code'),
      render: (w) => <span className="mono">{spacedCode(w.code)}</span>,
    },
    { key: 'round', header: t('workshops.list.round'), render: (w) => <DataText>{w.roundTitle ?? '—'}</DataText> },
    {
      key: 'participants',
      header: t('workshops.list.participants'),
      align: 'end',
      render: (w) => t('common.people', { count: w.participants }),
    },
    {
      key: 'status',
      header: t('workshops.list.status'),
      render: (w) => (
        <Badge tone={w.status === 'open' ? 'success' : 'neutral'}>{t(`workshops.status.${w.status}`)}</Badge>
      ),
    },
    {
      key: 'createdAt',
      header: t('workshops.list.createdAt'),
      render: (w) => <DateText value={w.createdAt} withTime />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('workshops.title')}
        lead={t('workshops.list.lead')}
        actions={
          <Link to="/orgs/$orgId/presentation-events/new" params={{ orgId }} className="button button--primary">
            {t('presentations.list.open')}
          </Link>
        }
      />
      <div className="stack">
        <CreateWorkshopForm orgId={orgId} />
        <section aria-labelledby="workshops-list">
          <h2 id="workshops-list" className="section__title">
            {t('workshops.list.listTitle')}
          </h2>
          {workshops.isPending && <Loading />}
          {workshops.isError && <QueryError error={workshops.error} onRetry={() => void workshops.refetch()} />}
          {workshops.isSuccess &&
            (workshops.data.workshops.length === 0 ? (
              <EmptyState>{t('workshops.list.empty')}</EmptyState>
            ) : (
              <DataTable
                caption={t('workshops.list.listTitle')}
                rows={workshops.data.workshops}
                columns={columns}
                rowKey={(w) => w.id}
              />
            ))}
        </section>
      </div>
    </>
  );
}

function CreateWorkshopForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rounds = useQuery(roundsQueryOptions(orgId));
  const [roundId, setRoundId] = useState('');
  const [title, setTitle] = useState('');
  const [grouping, setGrouping] = useState<WorkshopGrouping>('position');
  const [tableCount, setTableCount] = useState('6');
  const [groupNames, setGroupNames] = useState('');
  const [requireAccount, setRequireAccount] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      workshopApi.create(orgId, {
        roundId,
        title,
        grouping,
        requireAccount,
        ...(grouping === 'table' ? { tableCount: Number(tableCount) } : {}),
        ...(grouping === 'assigned'
          ? {
              groupNames: groupNames
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            }
          : {}),
      }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: workshopsQueryKey(orgId) });
      await navigate({ to: '/orgs/$orgId/workshops/$workshopId', params: { orgId, workshopId: id } });
    },
  });
  const errors = fieldErrorsFrom(create.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const list = rounds.data ?? [];

  return (
    <section aria-labelledby="workshop-new" className="panel">
      <h2 id="workshop-new" className="section__title">
        {t('workshops.create.title')}
      </h2>
      {rounds.isError && <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.isSuccess && list.length === 0 ? (
        <EmptyState>{t('workshops.create.noRounds')}</EmptyState>
      ) : (
        <form className="form workshop-form" onSubmit={submit} noValidate>
          {create.isError && <Alert tone="error">{describe(create.error)}</Alert>}
          <SelectField
            label={t('workshops.create.round')}
            required
            value={roundId}
            onChange={(event) => setRoundId(event.target.value)}
            error={errors.roundId}
          >
            <option value="">{t('workshops.create.chooseRound')}</option>
            {list.map((round) => (
              <option key={round.id} value={round.id}>
                {round.title}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('workshops.create.name')}
            hint={t('workshops.create.nameHint')}
            required
            maxLength={100}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={errors.title}
          />
          <fieldset className="field fieldset">
            <legend className="field__label">{t('workshops.create.grouping')}</legend>
            <div className="choice-list">
              {workshopGroupings.map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name="grouping"
                    className="choice__input"
                    value={value}
                    checked={grouping === value}
                    onChange={() => setGrouping(value)}
                  />
                  <span className="choice__text">
                    <span className="choice__label">{t(`workshops.groupings.${value}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {grouping === 'table' && (
            <TextField
              label={t('workshops.create.tableCount')}
              hint={t('workshops.create.tableCountHint')}
              type="number"
              inputMode="numeric"
              min={2}
              max={40}
              required
              value={tableCount}
              onChange={(event) => setTableCount(event.target.value)}
              error={errors.tableCount}
              fieldClassName="field--short"
            />
          )}
          {grouping === 'assigned' && (
            <TextAreaField
              label={t('workshops.create.groupNames')}
              hint={t('workshops.create.groupNamesHint')}
              rows={4}
              required
              value={groupNames}
              onChange={(event) => setGroupNames(event.target.value)}
              error={errors.groupNames}
            />
          )}
          <fieldset className="field fieldset">
            <legend className="field__label">{t('workshops.create.access')}</legend>
            <label className="choice">
              <input
                type="checkbox"
                className="choice__input"
                checked={requireAccount}
                onChange={(event) => setRequireAccount(event.target.checked)}
                aria-describedby="workshop-require-account-hint"
              />
              <span className="choice__text">
                <span className="choice__label">{t('workshops.create.requireAccount')}</span>
              </span>
            </label>
            <p className="field__hint" id="workshop-require-account-hint">
              {t('workshops.create.requireAccountHint')}
            </p>
          </fieldset>
          <p className="button-row">
            <Button
              type="submit"
              variant="primary"
              busy={create.isPending}
              busyLabel={t('workshops.create.submitting')}
            >
              {t('workshops.create.submit')}
            </Button>
          </p>
        </form>
      )}
    </section>
  );
}
