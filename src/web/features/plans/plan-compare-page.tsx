import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field.js';
import { Loading } from '../../components/loading.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useOrgId } from '../../lib/org-context.js';
import { buildCompareRows, countChanges } from './compare-rows.js';
import { CompareTable } from './compare-table.js';
import { planCompareQueryOptions, planQueryOptions } from './plan-queries.js';
import './plans.css';

/** Two versions of a plan (or a version and the draft) side by side, with what changed marked. */
export function PlanComparePage() {
  const { t } = useTranslation();
  const orgId = useOrgId();
  const { planId } = useParams({ from: '/authed/orgs/$orgId/plans/$planId/compare' });
  const search = useSearch({ from: '/authed/orgs/$orgId/plans/$planId/compare' });
  const navigate = useNavigate({ from: '/orgs/$orgId/plans/$planId/compare' });
  const plan = useQuery(planQueryOptions(orgId, planId));
  const from = search.from ?? 1;
  const to = search.to;
  const compare = useQuery({
    ...planCompareQueryOptions(orgId, planId, from, to),
    enabled: Boolean(plan.data && plan.data.versions > 0),
  });
  const versions = plan.data?.versionList ?? [];
  const name = (number: number | undefined) =>
    number === undefined ? t('plans.compare.draft') : t('plans.versions.name', { number });
  const rows = compare.data
    ? buildCompareRows(compare.data.from.content, compare.data.to.content, compare.data.changes)
    : [];
  const counts = countChanges(rows);
  const total = counts.added + counts.removed + counts.changed;

  return (
    <>
      <p className="back-link">
        <Link to="/orgs/$orgId/plans/$planId" params={{ orgId, planId }}>
          {t('plans.backToPlan')}
        </Link>
      </p>
      <PageHeader title={t('plans.compare.title')} lead={plan.data?.title} />
      {plan.isPending && <Loading />}
      {plan.isError && <QueryError error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data && versions.length === 0 && <p>{t('plans.compare.noVersions')}</p>}
      {plan.data && versions.length > 0 && (
        <form className="filters plan-compare__choose" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            label={t('plans.compare.from')}
            value={String(from)}
            onChange={(event) =>
              void navigate({ search: (prev) => ({ ...prev, from: Number(event.target.value) }), replace: true })
            }
          >
            {versions.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {t('plans.compare.option', { name: name(v.number), kind: t(`plans.versionKind.${v.kind}`) })}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('plans.compare.to')}
            value={to === undefined ? '' : String(to)}
            onChange={(event) =>
              void navigate({
                search: (prev) => ({
                  from: prev.from,
                  ...(event.target.value ? { to: Number(event.target.value) } : {}),
                }),
                replace: true,
              })
            }
          >
            {versions.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {t('plans.compare.option', { name: name(v.number), kind: t(`plans.versionKind.${v.kind}`) })}
              </option>
            ))}
            {plan.data.status !== 'final' && <option value="">{t('plans.compare.draft')}</option>}
          </SelectField>
        </form>
      )}
      {compare.isPending && compare.fetchStatus !== 'idle' && <Loading />}
      {compare.isError && <QueryError error={compare.error} onRetry={() => void compare.refetch()} />}
      {compare.data && (
        <section className="section" aria-labelledby="plan-compare-result">
          <h2 id="plan-compare-result" className="section__title">
            {t('plans.compare.heading', { from: name(from), to: name(to) })}
          </h2>
          <p role="status">
            {total === 0
              ? t('plans.compare.same')
              : t('plans.compare.counts', {
                  total,
                  added: counts.added,
                  removed: counts.removed,
                  changed: counts.changed,
                })}
          </p>
          {compare.data.changes.some((c) => c.path === 'steps.order') && <p>{t('plans.compare.reordered')}</p>}
          <CompareTable
            orgId={orgId}
            rows={rows}
            from={compare.data.from.content}
            to={compare.data.to.content}
            fromName={name(from)}
            toName={name(to)}
          />
        </section>
      )}
    </>
  );
}
