import { useTranslation } from 'react-i18next';
import { formatLevelValue, levelRange } from '../results-format.js';

export interface TrendPoint {
  /** The round's id. */
  key: string;
  /** A short name of the round for the axis: the month it opened, as people read it (2025年6月, Jun 2025). */
  label: string;
  /** The day the round opened (YYYY-MM-DD), which places it on the time axis. */
  date: string;
  /** null where the round's aggregate is withheld or the item was not asked: a gap, not a zero. */
  value: number | null;
}

interface TrendLineProps {
  points: readonly TrendPoint[];
  levelCount: number;
  title: string;
}

const WIDTH = 300;
const LEFT = 26;
const RIGHT = 14;
// Room above the plot for the "not shown" marks, below it for two rows of dates.
const TOP = 22;
const PLOT_HEIGHT = 104;
const LABEL_ROWS = 2;
const LABEL_ROW_HEIGHT = 13;
const HEIGHT = TOP + PLOT_HEIGHT + 8 + LABEL_ROWS * LABEL_ROW_HEIGHT + 4;
const FONT = 11;
const LABEL_GAP = 6;

/** Roughly how wide a label is drawn: full-width characters take a whole em, others about half of one. */
function textWidth(text: string): number {
  return [...text].reduce((width, char) => width + ((char.codePointAt(0) ?? 0) > 0x2e7f ? FONT : FONT * 0.58), 0);
}

interface Placed {
  /** The left end of the text, kept inside the picture. */
  left: number;
  /** Which row it went on; null when no row had room, and the label is left out (the table has every round). */
  row: number | null;
}

/** Centres each label under its point, moving it to the next row where it would touch the one before. */
function placeLabels(labels: readonly { x: number; text: string }[], rows: number): Placed[] {
  const ends: number[] = new Array(rows).fill(Number.NEGATIVE_INFINITY);
  return labels.map(({ x, text }) => {
    const width = textWidth(text);
    const left = Math.min(Math.max(x - width / 2, 0), WIDTH - width);
    const row = ends.findIndex((end) => left >= end + LABEL_GAP);
    if (row < 0) return { left, row: null };
    ends[row] = left + width;
    return { left, row };
  });
}

/**
 * One item's medians over the rounds, oldest first, spaced by the time between them; a withheld
 * round is a dotted line with no point, and the line does not join across it.
 */
export function TrendLine({ points, levelCount, title }: TrendLineProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const plotWidth = WIDTH - LEFT - RIGHT;
  const times = points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const x = (i: number) => LEFT + (span > 0 ? (((times[i] ?? first) - first) / span) * plotWidth : plotWidth / 2);
  const y = (value: number) => TOP + PLOT_HEIGHT - ((value - 1) / Math.max(levelCount - 1, 1)) * PLOT_HEIGHT;
  const label = t('results.trendLabel', {
    title,
    values: points
      .map((p) => `${p.label} ${p.value === null ? t('results.withheldShort') : formatLevelValue(p.value, language)}`)
      .join(t('results.listSeparator')),
  });

  const dates = placeLabels(
    points.map((p, i) => ({ x: x(i), text: p.label })),
    LABEL_ROWS,
  );
  const gaps = points.flatMap((p, i) => (p.value === null ? [i] : []));
  const gapText = t('results.withheldShort');
  const gapLabels = placeLabels(
    gaps.map((i) => ({ x: x(i), text: gapText })),
    1,
  );
  const segments: string[] = [];
  points.forEach((point, i) => {
    const next = points[i + 1];
    if (point.value !== null && next && next.value !== null) {
      segments.push(`M${x(i)},${y(point.value)}L${x(i + 1)},${y(next.value)}`);
    }
  });

  return (
    <svg className="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <g>
        {levelRange(levelCount).map((level) => (
          <g key={level}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(level)} y2={y(level)} className="trend__grid" />
            <text x={LEFT - 8} y={y(level)} dy="0.35em" textAnchor="end" className="trend__tick">
              {level}
            </text>
          </g>
        ))}
        {points.map((point, i) => {
          const placed = dates[i];
          return (
            <g key={point.key}>
              <line
                x1={x(i)}
                x2={x(i)}
                y1={TOP + PLOT_HEIGHT}
                y2={TOP + PLOT_HEIGHT + 4}
                className="trend__axis-tick"
              />
              {placed && placed.row !== null && (
                <text
                  x={placed.left}
                  y={TOP + PLOT_HEIGHT + 8 + (placed.row + 1) * LABEL_ROW_HEIGHT - 3}
                  className="trend__tick"
                >
                  {point.label}
                </text>
              )}
            </g>
          );
        })}
      </g>
      <path d={segments.join('')} className="trend__line" />
      {gaps.map((i, n) => {
        const placed = gapLabels[n];
        return (
          <g key={points[i]?.key ?? i} className="trend__gap">
            <line x1={x(i)} x2={x(i)} y1={TOP - 4} y2={TOP + PLOT_HEIGHT} />
            {placed && placed.row !== null && (
              <text x={placed.left} y={TOP - 9}>
                {gapText}
              </text>
            )}
          </g>
        );
      })}
      {points.map(
        (point, i) =>
          point.value !== null && (
            <circle key={point.key} cx={x(i)} cy={y(point.value)} r={4} className="trend__point" />
          ),
      )}
    </svg>
  );
}
