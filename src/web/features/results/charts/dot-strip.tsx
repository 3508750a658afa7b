import { useTranslation } from 'react-i18next';
import { formatLevelValue, levelRange } from '../results-format.js';

interface DotStripProps {
  /** The units' medians, ascending; no unit is named and the order says nothing about which is which. */
  values: readonly number[];
  levelCount: number;
  title: string;
  /** The whole group's median, drawn as a reference line when it may be shown. */
  groupMedian?: number | null | undefined;
  /** The tallest stack of equal values among the strips shown together, so their axes line up. */
  rows?: number;
}

const WIDTH = 420;
const PAD = 18;
const DOT = 5;
const ROW = 11;

/**
 * Where units stand on one item, as nameless dots on the level scale; equal values stack upwards.
 * It shows how spread the organisation is, never which unit is where.
 */
export function DotStrip({ values, levelCount, title, groupMedian, rows = 1 }: DotStripProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const stacks = new Map<number, number>();
  const dots = values.map((value) => {
    const height = stacks.get(value) ?? 0;
    stacks.set(value, height + 1);
    return { value, height };
  });
  const tallest = Math.max(rows, ...stacks.values());
  const axisY = PAD + tallest * ROW;
  const height = axisY + 24;
  const x = (value: number) => PAD + ((value - 1) / Math.max(levelCount - 1, 1)) * (WIDTH - 2 * PAD);
  const label = t('results.spreadLabel', {
    title,
    count: values.length,
    values: values.map((v) => formatLevelValue(v, language)).join(t('results.listSeparator')),
  });

  return (
    <svg className="dot-strip" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={label}>
      <line x1={PAD} x2={WIDTH - PAD} y1={axisY} y2={axisY} className="dot-strip__axis" />
      {levelRange(levelCount).map((level) => (
        <g key={level}>
          <line x1={x(level)} x2={x(level)} y1={axisY} y2={axisY + 5} className="dot-strip__axis" />
          <text x={x(level)} y={axisY + 18} textAnchor="middle" className="dot-strip__tick">
            {level}
          </text>
        </g>
      ))}
      {groupMedian !== null && groupMedian !== undefined && (
        <line x1={x(groupMedian)} x2={x(groupMedian)} y1={4} y2={axisY} className="dot-strip__median" />
      )}
      {dots.map((dot) => (
        <circle
          key={`${dot.value}-${dot.height}`}
          cx={x(dot.value)}
          cy={axisY - DOT - 2 - dot.height * ROW}
          r={DOT}
          className="dot-strip__dot"
        />
      ))}
    </svg>
  );
}
