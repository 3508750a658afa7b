export interface GrowthStep {
  key: string;
  /** The step's name on the axis, lowest step first in the list (e.g. 個人, 職場, 役所全体, 地域). */
  label: string;
}

export interface GrowthColumn {
  key: string;
  /** Written under the column: the fiscal year. */
  label: string;
  /** How many steps the column reaches (1 = the lowest); 0 for nothing yet. */
  value: number;
}

interface GrowthChartProps {
  steps: readonly GrowthStep[];
  columns: readonly GrowthColumn[];
  /** Names the picture for screen readers: what it shows and every year's step in words. */
  label: string;
  axisNote: string;
}

/**
 * Columns on a named scale: for each year, the step reached so far, read against the step names
 * on the left. Like the statistics' charts it is drawn by hand, named as one picture for screen
 * readers with every value in words, and takes the width it is given on a phone and on paper.
 */
export function GrowthChart({ steps, columns, label, axisNote }: GrowthChartProps) {
  const rows = [...steps].reverse();
  return (
    <div className="growth-chart" role="img" aria-label={label}>
      <div
        className="growth-chart__plot"
        aria-hidden="true"
        style={{ gridTemplateColumns: `max-content repeat(${columns.length}, minmax(1.75rem, 1fr))` }}
      >
        {rows.map((step, r) => {
          const rank = steps.length - r;
          return [
            <span key={`${step.key}-label`} className="growth-chart__step">
              {step.label}
            </span>,
            ...columns.map((column) => (
              <span
                key={`${step.key}-${column.key}`}
                className={[
                  'growth-chart__cell',
                  column.value >= rank ? 'growth-chart__cell--on' : '',
                  column.value === rank ? 'growth-chart__cell--top' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              />
            )),
          ];
        })}
        <span className="growth-chart__note">{axisNote}</span>
        {columns.map((column) => (
          <span key={`${column.key}-year`} className="growth-chart__year">
            {column.label}
          </span>
        ))}
      </div>
    </div>
  );
}
