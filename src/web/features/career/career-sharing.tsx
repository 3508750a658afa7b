import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareerMap } from '../../../shared/career/career-schema.js';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { DataText } from '../../components/data-text.js';
import { Loading } from '../../components/loading.js';
import { QueryError } from '../../components/query-error.js';
import { useToast } from '../../components/toast.js';
import { formatDate } from '../../lib/format.js';
import { fieldErrorsFrom, useErrorText, useLanguage } from '../../lib/problems.js';
import { careerApi, careerFacilitatorsQueryOptions, myCareerQueryKey } from './career-queries.js';

/**
 * Private by default: the person ticks the facilitators (of their organisations) who may read the
 * map for one-to-one support, and saves; unticking and saving withdraws a share.
 */
export function CareerSharing({ map }: { map: CareerMap }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useToast();
  const describe = useErrorText();
  const queryClient = useQueryClient();
  const facilitators = useQuery(careerFacilitatorsQueryOptions);
  const sharedIds = map.shares.map((s) => s.facilitatorId);
  const [chosen, setChosen] = useState<string[]>(sharedIds);
  const sharedKey = sharedIds.join(',');
  // The ticks follow what the server saved.
  useEffect(() => setChosen(sharedKey ? sharedKey.split(',') : []), [sharedKey]);

  const save = useMutation({
    mutationFn: (ids: string[]) => careerApi.saveShares(ids),
    onSuccess: (saved) => {
      queryClient.setQueryData(myCareerQueryKey, saved);
      notify(t('career.sharing.saved'));
    },
  });

  // Someone shared with earlier who is no longer a facilitator of one's organisations stays listed.
  const listed = [
    ...(facilitators.data?.facilitators ?? []),
    ...map.shares
      .filter((s) => !facilitators.data?.facilitators.some((f) => f.id === s.facilitatorId))
      .map((s) => ({ id: s.facilitatorId, displayName: s.displayName, orgNames: [] as string[] })),
  ];
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(chosen);
  };
  const fieldError = save.isError ? Object.values(fieldErrorsFrom(save.error, t))[0] : undefined;

  return (
    <div className="career-sharing">
      <Alert tone="info">{t('career.sharing.privateNote')}</Alert>
      <p className="career-sharing__status">
        {map.shares.length > 0
          ? t('career.sharing.status', {
              names: map.shares
                .map((s) =>
                  t('career.sharing.shareItem', {
                    name: s.displayName,
                    since: t('career.sharing.since', { date: formatDate(s.since, language) }),
                  }),
                )
                .join(t('career.growth.listSeparator')),
            })
          : t('career.sharing.statusNone')}
      </p>
      {facilitators.isPending && <Loading minHeight={48} />}
      {facilitators.isError && <QueryError error={facilitators.error} onRetry={() => void facilitators.refetch()} />}
      {facilitators.data && listed.length === 0 && <p className="career-note">{t('career.sharing.none')}</p>}
      {facilitators.data && listed.length > 0 && (
        <form onSubmit={submit} className="form" noValidate>
          <fieldset className="fieldset">
            <legend className="field__label">{t('career.sharing.legend')}</legend>
            <p className="field__hint">{t('career.sharing.hint')}</p>
            <div className="career-sharing__choices">
              {listed.map((f) => (
                <label key={f.id} className="case-choice case-choice--block">
                  <input
                    type="checkbox"
                    name="facilitatorIds"
                    value={f.id}
                    checked={chosen.includes(f.id)}
                    onChange={(event) => toggle(f.id, event.target.checked)}
                  />
                  <span>
                    <DataText>{f.displayName}</DataText>
                    {f.orgNames.length > 0 && (
                      <span className="muted">
                        {t('career.sharing.orgs', { orgs: f.orgNames.join(t('career.growth.listSeparator')) })}
                      </span>
                    )}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {save.isError && <Alert tone="error">{fieldError ?? describe(save.error)}</Alert>}
          <p className="button-row">
            <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
              {t('career.sharing.save')}
            </Button>
          </p>
        </form>
      )}
    </div>
  );
}
