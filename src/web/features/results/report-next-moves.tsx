import { useTranslation } from 'react-i18next';
import { isHiddenWhileOpen, selectedGroupName } from './group-label.js';
import { levelsByItem } from './results-format.js';
import type { RoundDetail, RoundResults } from './results-queries.js';

interface ReportNextMovesProps {
  round: RoundDetail;
  results: RoundResults;
  kind: 'group' | 'mine';
  itemLang: string | undefined;
}

interface Move {
  key: string;
  title: string;
  /** null when the item is already at its top level: said in words rather than left out. */
  next: { level: number; label: string; descriptor: string } | null;
}

/**
 * The next moves on paper. A personal report takes the level above the person's own answer; a
 * group report the level above the group's median, as the server words it.
 */
export function ReportNextMoves({ round, results, kind, itemLang }: ReportNextMovesProps) {
  const { t } = useTranslation();
  const levels = levelsByItem(round.content);
  const hasBase = !results.group.withheld || results.items.some((item) => item.mine !== null);
  const groupName = selectedGroupName(t, results);
  // Items with no base to step up from (no answer of mine, no group median) have nothing to say.
  const moves: Move[] = results.items.flatMap((item): Move[] => {
    if (kind === 'mine' && item.mine !== null) {
      const next = levels.get(item.key)?.[item.mine];
      return [{ key: item.key, title: item.title, next: next ? { level: item.mine + 1, ...next } : null }];
    }
    const base = item.median ?? item.mine;
    if (base === null) return [];
    return [{ key: item.key, title: item.title, next: item.nextMove }];
  });
  const lead =
    kind === 'mine'
      ? t('results.reportMovesMine')
      : groupName
        ? t('results.reportMovesGroupOf', { name: groupName })
        : t('results.reportMovesGroup');
  const none = isHiddenWhileOpen(results) ? t('results.nextMovesNoneOpen') : t('results.nextMovesNone');

  return (
    <section className="report__section" aria-labelledby="report-next-moves">
      <h2 id="report-next-moves" className="report__heading">
        {t('results.nextMovesTitle')}
      </h2>
      <p className="report__lead">{lead}</p>
      {moves.length === 0 || moves.every((move) => move.next === null) ? (
        <p>{hasBase && moves.length > 0 ? t('results.reportNoMoves') : none}</p>
      ) : (
        <ol className="report-moves">
          {moves.map((move) => (
            <li key={move.key} className="report-moves__item">
              <p className="report-moves__head">
                <strong lang={itemLang}>{move.title}</strong>
                {move.next && (
                  <span className="report-moves__level">
                    {t('results.levelNumber', { level: move.next.level })}{' '}
                    <span lang={itemLang}>{move.next.label}</span>
                  </span>
                )}
              </p>
              {move.next ? (
                <p className="report-moves__descriptor" lang={itemLang}>
                  {move.next.descriptor}
                </p>
              ) : (
                <p className="report-moves__descriptor report-moves__top">{t('results.reportAtTop')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
