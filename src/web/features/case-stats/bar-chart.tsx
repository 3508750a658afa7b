import type { ChartDatum } from './column-chart.js';

interface BarChartProps {
  data: readonly ChartDatum[];
  label: string;
}

const ROW = 42;
const MAX_LABEL = 24;

/**
 * One bar per row under its name, longest first as given, with the count written after the bar.
 * Names longer than a phone allows are shortened here; the table beside the chart has them whole.
 */
export function BarChart({ data, label }: BarChartProps) {
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <svg className="stats-chart" width="100%" height={data.length * ROW + 4} role="img" aria-label={label}>
      {data.map((d, i) => {
        const top = i * ROW;
        // 80% at most, leaving room for the count.
        const width = (d.value / max) * 80;
        const name = d.label.length > MAX_LABEL ? `${d.label.slice(0, MAX_LABEL - 1)}…` : d.label;
        return (
          <g key={d.key}>
            <text x="0" y={top + 14} className="stats-chart__label">
              {name}
            </text>
            <rect x="0" y={top + 20} width={`${width}%`} height={16} className="stats-chart__bar" />
            <text x={`${width + 1.5}%`} y={top + 33} className="stats-chart__value">
              {d.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
