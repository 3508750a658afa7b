import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { useDataLang } from '../../components/data-text.js';
import { useToast } from '../../components/toast.js';
import { useErrorText } from '../../lib/problems.js';
import { isHiddenWhileOpen, selectedGroupName } from './group-label.js';
import { planDraftApi, planDraftsQueryOptions, type RoundResults, useRefreshPlanDrafts } from './results-queries.js';

type Item = RoundResults['items'][number];

interface NextMovesProps {
  orgId: string;
  roundId: string;
  results: RoundResults;
}

/** Section (e): the level above where the group (or I) stand, for every item, to carry into a plan. */
export function NextMoves({ orgId, roundId, results }: NextMovesProps) {
  const { t } = useTranslation();
  const itemLang = useDataLang(results.items[0]?.title);
  const drafts = useQuery(planDraftsQueryOptions(orgId));
  const groupName = selectedGroupName(t, results);
  // With the group withheld and no answer of mine, there is no level to step up from.
  const hasBase = !results.group.withheld || results.items.some((item) => item.mine !== null);
  const carried = new Set(
    (drafts.data ?? []).filter((d) => d.roundId === roundId).map((d) => `${d.itemKey}:${d.level}`),
  );

  return (
    <section className="panel results-section" aria-labelledby="results-next-moves">
      <h2 id="results-next-moves" className="panel__title">
        {t('results.nextMovesTitle')}
      </h2>
      {!hasBase ? (
        <p className="muted">
          {isHiddenWhileOpen(results) ? t('results.nextMovesNoneOpen') : t('results.nextMovesNone')}
        </p>
      ) : (
        <>
          <p>
            {results.group.withheld
              ? t('results.nextMovesLeadMine')
              : groupName
                ? t('results.nextMovesLeadOf', { name: groupName })
                : t('results.nextMovesLead')}
          </p>
          <ul className="next-moves">
            {results.items.map((item) => (
              <NextMoveCard
                key={item.key}
                orgId={orgId}
                roundId={roundId}
                item={item}
                itemLang={itemLang}
                isCarried={item.nextMove ? carried.has(`${item.key}:${item.nextMove.level}`) : false}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface NextMoveCardProps {
  orgId: string;
  roundId: string;
  item: Item;
  itemLang: string | undefined;
  isCarried: boolean;
}

function NextMoveCard({ orgId, roundId, item, itemLang, isCarried }: NextMoveCardProps) {
  const { t } = useTranslation();
  const notify = useToast();
  const errorText = useErrorText();
  const refresh = useRefreshPlanDrafts(orgId);
  const [justCarried, setJustCarried] = useState(false);
  const doneRef = useRef<HTMLAnchorElement>(null);
  // The button goes away once the move is carried; the keyboard focus moves on to the link that replaced it.
  useEffect(() => {
    if (justCarried) doneRef.current?.focus();
  }, [justCarried]);
  const move = item.nextMove;
  const carry = useMutation({
    mutationFn: (level: number) => planDraftApi.carry(orgId, { roundId, itemKey: item.key, level }),
    onSuccess: async () => {
      setJustCarried(true);
      await refresh();
    },
    onError: (error) => notify(errorText(error), 'error'),
  });

  return (
    <li className="next-move">
      <h3 className="next-move__item" lang={itemLang}>
        {item.title}
      </h3>
      {move ? (
        <>
          <p className="next-move__level">
            <span className="next-move__number">{t('results.levelNumber', { level: move.level })}</span>
            <span lang={itemLang}>{move.label}</span>
          </p>
          <p className="next-move__descriptor" lang={itemLang}>
            {move.descriptor}
          </p>
          <div className="next-move__actions no-print" role="status">
            {justCarried || isCarried ? (
              <p className="next-move__done">
                <span>{justCarried ? t('results.carried') : t('results.alreadyCarried')}</span>{' '}
                <Link ref={doneRef} to="/orgs/$orgId/plan-drafts" params={{ orgId }}>
                  {t('results.openPlanDrafts')}
                </Link>
              </p>
            ) : (
              <Button
                size="sm"
                onClick={() => carry.mutate(move.level)}
                busy={carry.isPending}
                aria-label={t('results.carryFor', { title: item.title })}
              >
                {t('results.carry')}
              </Button>
            )}
          </div>
        </>
      ) : (
        <p className="muted">{t('results.atTop')}</p>
      )}
    </li>
  );
}
