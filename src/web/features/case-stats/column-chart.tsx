export interface ChartDatum {
  key: string;
  /** Written under the column (or beside the bar): short enough for a phone. */
  label: string;
  value: number;
}

interface ColumnChartProps {
  data: readonly ChartDatum[];
  /** Names the picture for screen readers: what it shows and every value. */
  label: string;
  /** The unit of the axis, written under the labels (e.g. （月）). */
  axisNote?: string;
  /** The column drawn stronger, with a bold label: the chosen year in a trend. */
  emphasisKey?: string;
  /** Few columns: the picture stays narrow so they do not become slabs on a wide screen. */
  narrow?: boolean;
}

const TOP = 22;
const PLOT = 160;
const HEIGHT = TOP + PLOT + 40;

/**
 * Columns on one baseline with each count written above its column, a zero included, so no
 * value is told by height alone. Horizontal positions are percentages: the picture takes the
 * width it is given, while its text keeps its size on a phone and on paper.
 */
export function ColumnChart({ data, label, axisNote, emphasisKey, narrow = false }: ColumnChartProps) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = 100 / Math.max(data.length, 1);
  const baseline = TOP + PLOT;
  return (
    <svg
      className={`stats-chart${narrow ? ' stats-chart--narrow' : ''}`}
      width="100%"
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <line x1="0" x2="100%" y1={baseline} y2={baseline} className="stats-chart__baseline" />
      {data.map((d, i) => {
        const centre = slot * i + slot / 2;
        const height = (d.value / max) * PLOT;
        const emphasised = d.key === emphasisKey;
        return (
          <g key={d.key} className={emphasised ? 'stats-chart__group--emphasis' : undefined}>
            {d.value > 0 && (
              <rect
                x={`${centre - slot * 0.3}%`}
                width={`${slot * 0.6}%`}
                y={baseline - height}
                height={height}
                className="stats-chart__bar"
              />
            )}
            <text x={`${centre}%`} y={baseline - height - 6} textAnchor="middle" className="stats-chart__value">
              {d.value}
            </text>
            <text x={`${centre}%`} y={baseline + 16} textAnchor="middle" className="stats-chart__label">
              {d.label}
            </text>
          </g>
        );
      })}
      {axisNote && (
        <text x="100%" y={baseline + 34} textAnchor="end" className="stats-chart__note">
          {axisNote}
        </text>
      )}
    </svg>
  );
}
