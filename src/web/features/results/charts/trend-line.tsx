import { useTranslation } from 'react-i18next';
import { formatLevelValue, levelRange } from '../results-format.js';

export interface TrendPoint {
  /** The round's id. */
  key: string;
  /** A short name of the round for the axis (its start month). */
  label: string;
  /** null where the round's aggregate is withheld or the item was not asked: a gap, not a zero. */
  value: number | null;
}

interface TrendLineProps {
  points: readonly TrendPoint[];
  levelCount: number;
  title: string;
}

const WIDTH = 280;
const HEIGHT = 150;
const LEFT = 26;
const RIGHT = 22;
const TOP = 12;
const BOTTOM = 30;

/** One item's medians over the rounds, oldest first; withheld rounds leave a marked gap in the line. */
export function TrendLine({ points, levelCount, title }: TrendLineProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (points.length > 1 ? (i / (points.length - 1)) * plotWidth : plotWidth / 2);
  const y = (value: number) => TOP + plotHeight - ((value - 1) / Math.max(levelCount - 1, 1)) * plotHeight;
  const label = t('results.trendLabel', {
    title,
    values: points
      .map((p) => `${p.label} ${p.value === null ? t('results.withheldShort') : formatLevelValue(p.value, language)}`)
      .join(t('results.listSeparator')),
  });

  // Labels at the ends grow inwards, so they stay inside the picture.
  const anchor = (i: number) =>
    points.length < 2 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
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
        {points.map((point, i) => (
          <text key={point.key} x={x(i)} y={HEIGHT - 10} textAnchor={anchor(i)} className="trend__tick">
            {point.label}
          </text>
        ))}
      </g>
      <path d={segments.join('')} className="trend__line" />
      {points.map((point, i) =>
        point.value === null ? (
          <g key={point.key} className="trend__gap">
            <line x1={x(i)} x2={x(i)} y1={TOP} y2={TOP + plotHeight} />
            <text x={x(i)} y={TOP + plotHeight / 2} dy="0.35em" textAnchor={anchor(i)}>
              {t('results.withheldShort')}
            </text>
          </g>
        ) : (
          <circle key={point.key} cx={x(i)} cy={y(point.value)} r={4} className="trend__point" />
        ),
      )}
    </svg>
  );
}
