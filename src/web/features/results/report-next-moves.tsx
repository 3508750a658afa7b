import { useTranslation } from 'react-i18next';
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
  level: number;
  label: string;
  descriptor: string;
}

/**
 * The next moves on paper. A personal report takes the level above the person's own answer; a
 * group report the level above the group's median, as the server words it.
 */
export function ReportNextMoves({ round, results, kind, itemLang }: ReportNextMovesProps) {
  const { t } = useTranslation();
  const levels = levelsByItem(round.content);
  const hasBase = !results.group.withheld || results.items.some((item) => item.mine !== null);
  const moves: Move[] = results.items.flatMap((item) => {
    if (kind === 'mine' && item.mine !== null) {
      const next = levels.get(item.key)?.[item.mine];
      return next ? [{ key: item.key, title: item.title, level: item.mine + 1, ...next }] : [];
    }
    return item.nextMove ? [{ key: item.key, title: item.title, ...item.nextMove }] : [];
  });

  return (
    <section className="report__section" aria-labelledby="report-next-moves">
      <h2 id="report-next-moves" className="report__heading">
        {t('results.nextMovesTitle')}
      </h2>
      <p className="report__lead">{kind === 'mine' ? t('results.reportMovesMine') : t('results.reportMovesGroup')}</p>
      {moves.length === 0 ? (
        <p>{hasBase ? t('results.reportNoMoves') : t('results.nextMovesNone')}</p>
      ) : (
        <ol className="report-moves">
          {moves.map((move) => (
            <li key={move.key} className="report-moves__item">
              <p className="report-moves__head">
                <strong lang={itemLang}>{move.title}</strong>
                <span className="report-moves__level">
                  {t('results.levelNumber', { level: move.level })} <span lang={itemLang}>{move.label}</span>
                </span>
              </p>
              <p className="report-moves__descriptor" lang={itemLang}>
                {move.descriptor}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
