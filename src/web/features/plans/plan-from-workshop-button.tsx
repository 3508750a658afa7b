import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.js';
import { Button } from '../../components/button.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { planApi, useRefreshPlan } from './plan-queries.js';

/**
 * 「チームのプランにする」: a workshop group's agreed next moves become a team plan in one step,
 * which then opens for the team to fill in.
 */
export function PlanFromWorkshopButton({
  orgId,
  workshopId,
  scope,
  groupName,
}: {
  orgId: string;
  workshopId: string;
  /** 'all', or the group's id. */
  scope: string;
  groupName: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useToast();
  const errorText = useErrorText();
  const refresh = useRefreshPlan(orgId);
  const create = useMutation({
    mutationFn: () => planApi.fromWorkshop(orgId, workshopId, scope),
    onSuccess: async (plan) => {
      await refresh(plan);
      notify(t('plans.fromWorkshop.created', { title: plan.title }));
      await navigate({ to: '/orgs/$orgId/plans/$planId', params: { orgId, planId: plan.id } });
    },
  });
  return (
    <div className="workshop-summary__to-plan">
      <Button
        variant="secondary"
        size="sm"
        busy={create.isPending}
        busyLabel={t('plans.fromWorkshop.busy')}
        aria-label={t('plans.fromWorkshop.buttonFor', { group: groupName })}
        onClick={() => create.mutate()}
      >
        {t('plans.fromWorkshop.button')}
      </Button>
      {create.isError && <Alert tone="error">{errorText(create.error)}</Alert>}
    </div>
  );
}
