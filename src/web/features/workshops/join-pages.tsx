import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { positions } from '../../../shared/auth/roles.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { usePageTitle } from '../../lib/page-title.js';
import { fieldErrorsFrom, useErrorText } from '../../lib/problems.js';
import { meQueryOptions } from '../../lib/session.js';
import { EventParticipantPage } from '../presentation-events/event-participant-view.js';
import { eventParticipantQueryKey, eventParticipantQueryOptions } from '../presentation-events/event-queries.js';
import { ParticipantAnswerView } from './participant-answer.js';
import { participantQueryKey, participantQueryOptions, type WorkshopLookup, workshopApi } from './workshop-queries.js';
import './workshops.css';

/** /w: where a participant types the code shown at the venue. */
export function WorkshopCodePage() {
  const { t } = useTranslation();
  const describe = useErrorText();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  usePageTitle(t('workshops.join.codeTitle'));
  const check = useMutation({
    mutationFn: (value: string) => workshopApi.lookup(value),
    onSuccess: () => navigate({ to: '/w/$code', params: { code: normalise(code) } }),
  });
  const errors = fieldErrorsFrom(check.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate(code);
  };
  return (
    <div className="workshop-public">
      <h1 className="workshop-public__title">{t('workshops.join.codeTitle')}</h1>
      <p>{t('workshops.join.codeLead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {check.isError && !errors.code && <Alert tone="error">{describe(check.error)}</Alert>}
        <TextField
          label={t('workshops.join.code')}
          hint={t('workshops.join.codeHint')}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          className="input workshop-code-input"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.code}
        />
        <Button type="submit" variant="primary" busy={check.isPending} busyLabel={t('workshops.join.checking')}>
          {t('workshops.join.next')}
        </Button>
      </form>
    </div>
  );
}

/** How the server reads a code, so the address looks like the code on the screen. */
function normalise(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/**
 * /w/$code: the join form, or straight to answering for someone who already joined on this phone
 * (their cookie brings them back). A presentation event (事例発表会) has its own participant page;
 * its judges come by /w/$code?judge=KEY, which fills in the judges' key.
 */
export function WorkshopJoinPage() {
  const { t } = useTranslation();
  const describe = useErrorText();
  const { code } = useParams({ from: '/public/w/$code' });
  const lookup = useQuery({
    queryKey: ['workshops', 'lookup', code],
    queryFn: () => workshopApi.lookup(code),
    retry: false,
    staleTime: 60_000,
  });
  const workshopId = lookup.data?.workshopId;
  const presentations = lookup.data?.mode === 'presentations';
  const me = useQuery({ ...participantQueryOptions(workshopId ?? ''), enabled: Boolean(workshopId) && !presentations });
  const eventMe = useQuery({
    ...eventParticipantQueryOptions(workshopId ?? ''),
    enabled: Boolean(workshopId) && presentations,
  });

  if (lookup.isPending || (workshopId && (presentations ? eventMe.isPending : me.isPending))) return <Loading />;
  if (lookup.isError) {
    return (
      <div className="workshop-public">
        <h1 className="workshop-public__title">{t('workshops.join.codeTitle')}</h1>
        <Alert tone="error">{describe(lookup.error)}</Alert>
        <p>
          <Link to="/w">{t('workshops.join.otherCode')}</Link>
        </p>
      </div>
    );
  }
  if (presentations && eventMe.isSuccess) return <EventParticipantPage view={eventMe.data} />;
  if (!presentations && me.isSuccess) return <ParticipantAnswerView view={me.data} />;
  return <JoinForm code={code} workshop={lookup.data} />;
}

function JoinForm({ code, workshop }: { code: string; workshop: WorkshopLookup }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  usePageTitle(`${workshop.title}（${t('workshops.join.title')}）`);
  const [nickname, setNickname] = useState('');
  const [position, setPosition] = useState('');
  const [departmentName, setDepartmentName] = useState('');
  const [table, setTable] = useState('');
  const presentations = workshop.mode === 'presentations';
  const { judge } = useSearch({ from: '/public/w/$code' });
  const [judgeKey, setJudgeKey] = useState(judge ?? '');
  const join = useMutation({
    mutationFn: () =>
      workshopApi.join({
        code,
        nickname,
        position: position as (typeof positions)[number],
        ...(departmentName.trim() ? { departmentName } : {}),
        ...(!presentations && workshop.grouping === 'table' && table ? { tableNumber: Number(table) } : {}),
        ...(presentations && judgeKey.trim() ? { judgeKey } : {}),
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: presentations
          ? eventParticipantQueryKey(workshop.workshopId)
          : participantQueryKey(workshop.workshopId),
      }),
  });
  const errors = fieldErrorsFrom(join.error, t);
  const locked = workshop.status === 'locked';
  const signedIn = Boolean(useQuery(meQueryOptions).data);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate();
  };
  return (
    <div className="workshop-public">
      <h1 className="workshop-public__title">
        <DataText>{workshop.title}</DataText>
      </h1>
      {locked ? (
        <Alert tone="warning">{t('workshops.join.locked')}</Alert>
      ) : workshop.requireAccount && !signedIn ? (
        <>
          <Alert tone="info">{t('workshops.join.accountRequired')}</Alert>
          <p>
            <Link to="/login" search={{ redirect: `/w/${code}` }} className="button button--primary">
              {t('workshops.join.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>
            {presentations
              ? t('presentations.join.lead')
              : workshop.requireAccount
                ? t('workshops.join.leadSignedIn')
                : t('workshops.join.lead')}
          </p>
          <form className="form" onSubmit={submit} noValidate aria-label={t('workshops.join.title')}>
            {join.isError && Object.keys(errors).length === 0 && <Alert tone="error">{describe(join.error)}</Alert>}
            <TextField
              label={t('workshops.join.nickname')}
              hint={t('workshops.join.nicknameHint')}
              required
              maxLength={30}
              autoComplete="nickname"
              value={nickname}
              onChange={(event) => setNickname(event.target.value)}
              error={errors.nickname}
            />
            <SelectField
              label={t('workshops.join.position')}
              required
              value={position}
              onChange={(event) => setPosition(event.target.value)}
              error={errors.position}
            >
              <option value="">{t('workshops.join.choosePosition')}</option>
              {positions.map((value) => (
                <option key={value} value={value}>
                  {t(`positions.${value}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('workshops.join.department')}
              hint={t('workshops.join.departmentHint')}
              maxLength={100}
              autoComplete="organization-title"
              value={departmentName}
              onChange={(event) => setDepartmentName(event.target.value)}
              error={errors.departmentName}
            />
            {presentations && (
              <TextField
                label={t('presentations.join.judgeKey')}
                hint={t('presentations.join.judgeKeyHint')}
                maxLength={16}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                className="input workshop-code-input"
                value={judgeKey}
                onChange={(event) => setJudgeKey(event.target.value)}
                error={errors.judgeKey}
              />
            )}
            {!presentations && workshop.grouping === 'table' && (
              <SelectField
                label={t('workshops.join.table')}
                required
                value={table}
                onChange={(event) => setTable(event.target.value)}
                error={errors.tableNumber}
              >
                <option value="">{t('workshops.join.chooseTable')}</option>
                {workshop.tables.map((number) => (
                  <option key={number} value={String(number)}>
                    {number}
                  </option>
                ))}
              </SelectField>
            )}
            <Button type="submit" variant="primary" busy={join.isPending} busyLabel={t('workshops.join.submitting')}>
              {t('workshops.join.submit')}
            </Button>
          </form>
        </>
      )}
      <p>
        <Link to="/w">{t('workshops.join.otherCode')}</Link>
      </p>
    </div>
  );
}
