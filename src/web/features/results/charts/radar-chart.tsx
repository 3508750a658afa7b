import { useId } from 'react';
import { levelRange } from '../results-format.js';

export type RadarSeriesKind = 'mine' | 'group' | 'previous';

export interface RadarAxis {
  key: string;
  title: string;
  levelCount: number;
}

export interface RadarSeries {
  kind: RadarSeriesKind;
  label: string;
  /** One value per axis, in the axes' order; null where there is nothing to draw. */
  values: readonly (number | null)[];
}

interface RadarChartProps {
  axes: readonly RadarAxis[];
  series: readonly RadarSeries[];
  /** What the picture shows, for screen readers; the numbers are in a table beside it. */
  label: string;
  /** The language of the item titles, when it differs from the page's. */
  axisLang?: string | undefined;
}

// Wider than tall: the item titles sit left and right of the circle.
const WIDTH = 700;
const HEIGHT = 480;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 170;
const LABEL_GAP = 22;
const CHARS_PER_LINE = 9;
const LINE_EM = 1.1;
// Latin letters are about half as wide as Japanese characters.
const LATIN_CHARS_PER_LINE = 17;

// Drawn from the back: the compared round, the group, then the person's own line on top.
const drawOrder: RadarSeriesKind[] = ['previous', 'group', 'mine'];

function pointAt(index: number, count: number, fraction: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [CX + RADIUS * fraction * Math.cos(angle), CY + RADIUS * fraction * Math.sin(angle)];
}

/**
 * Splits a title into at most two short lines. Words stay whole (English); Japanese breaks between
 * any two characters, at the middle so the two lines are about as long.
 */
function wrapTitle(title: string): string[] {
  if (/\s/.test(title.trim())) {
    const lines: string[] = [];
    for (const word of title.trim().split(/\s+/)) {
      const last = lines.at(-1);
      if (last !== undefined && [...`${last} ${word}`].length <= LATIN_CHARS_PER_LINE)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines.length <= 2 ? lines : [lines[0] ?? '', `${lines[1] ?? ''}…`];
  }
  const chars = [...title];
  if (chars.length <= CHARS_PER_LINE) return [title];
  const half = Math.ceil(chars.length / 2);
  if (half <= CHARS_PER_LINE) return [chars.slice(0, half).join(''), chars.slice(half).join('')];
  const first = chars.slice(0, CHARS_PER_LINE).join('');
  const rest = chars.slice(CHARS_PER_LINE);
  const second = rest.length > CHARS_PER_LINE ? `${rest.slice(0, CHARS_PER_LINE - 1).join('')}…` : rest.join('');
  return [first, second];
}

/** Lines between neighbouring axes that both have a value; a missing value leaves a gap, never a zero. */
function seriesPath(points: readonly ([number, number] | null)[]): string {
  const parts: string[] = [];
  points.forEach((point, i) => {
    const next = points[(i + 1) % points.length];
    if (point && next && points.length > 1) {
      parts.push(`M${point[0].toFixed(1)},${point[1].toFixed(1)}L${next[0].toFixed(1)},${next[1].toFixed(1)}`);
    }
  });
  return parts.join('');
}

function Marker({ kind, x, y }: { kind: RadarSeriesKind; x: number; y: number }) {
  if (kind === 'group') return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} className="radar__marker" />;
  if (kind === 'previous') {
    return <path d={`M${x},${y - 5.5}L${x + 5},${y + 4}L${x - 5},${y + 4}Z`} className="radar__marker" />;
  }
  return <circle cx={x} cy={y} r={5} className="radar__marker" />;
}

/**
 * Items around a circle, levels outwards: the person's own levels, the group's medians and the
 * compared round's medians, told apart by colour, line style and marker shape.
 */
export function RadarChart({ axes, series, label, axisLang }: RadarChartProps) {
  const titleId = useId();
  const count = axes.length;
  const rings = Math.max(...axes.map((axis) => axis.levelCount), 1);
  const ordered = drawOrder.flatMap((kind) => series.filter((s) => s.kind === kind));

  return (
    <svg
      className="radar"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{label}</title>
      <g className="radar__grid">
        {levelRange(rings).map((level) => {
          const fraction = level / rings;
          const ring = axes.map((_, i) => pointAt(i, count, fraction).join(',')).join(' ');
          return <polygon key={`ring-${fraction}`} points={ring} className="radar__ring" />;
        })}
        {axes.map((axis, i) => {
          const [x, y] = pointAt(i, count, 1);
          return <line key={axis.key} x1={CX} y1={CY} x2={x} y2={y} className="radar__spoke" />;
        })}
        {levelRange(rings).map((level) => {
          const [x, y] = pointAt(0, count, level / rings);
          return (
            <text key={level} x={x + 6} y={y + 4} className="radar__level">
              {level}
            </text>
          );
        })}
      </g>
      <g className="radar__labels" lang={axisLang}>
        {axes.map((axis, i) => {
          const [x, y] = pointAt(i, count, 1 + LABEL_GAP / RADIUS);
          const anchor = Math.abs(x - CX) < 8 ? 'middle' : x > CX ? 'start' : 'end';
          const lines = wrapTitle(axis.title);
          // Offsets in em, so the lines keep their spacing when print sets a larger size.
          const extra = (lines.length - 1) * LINE_EM;
          const firstDy = y < CY - 8 ? 0.3 - extra : y > CY + 8 ? 0.85 : 0.3 - extra / 2;
          return (
            <text key={axis.key} x={x} y={y} textAnchor={anchor} className="radar__label">
              {lines.map((line, l) => (
                <tspan key={line} x={x} dy={`${l === 0 ? firstDy : LINE_EM}em`}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </g>
      {/* On a phone the titles would be too small to read: numbers stand in for them, keyed by RadarAxisKey. */}
      <g className="radar__numbers">
        {axes.map((axis, i) => {
          const [x, y] = pointAt(i, count, 1 + (LABEL_GAP + 6) / RADIUS);
          return (
            <text key={axis.key} x={x} y={y} dy="0.35em" textAnchor="middle" className="radar__number">
              {i + 1}
            </text>
          );
        })}
      </g>
      {ordered.map((s) => {
        const points = s.values.map((value, i) => {
          const axis = axes[i];
          return value === null || !axis ? null : pointAt(i, count, value / axis.levelCount);
        });
        const complete = points.every((p) => p !== null);
        return (
          <g key={s.kind} className={`radar__series radar__series--${s.kind}`}>
            {complete && (
              <polygon
                points={points.map((p) => p?.map((v) => v.toFixed(1)).join(',')).join(' ')}
                className="radar__area"
              />
            )}
            <path d={seriesPath(points)} className="radar__line" />
            {points.map((p, i) => p && <Marker key={axes[i]?.key ?? i} kind={s.kind} x={p[0]} y={p[1]} />)}
          </g>
        );
      })}
    </svg>
  );
}

/** The items by the numbers a narrow radar shows in place of their titles; hidden where the titles fit. */
export function RadarAxisKey({ axes, axisLang }: { axes: readonly RadarAxis[]; axisLang?: string | undefined }) {
  return (
    <ol className="radar-key" lang={axisLang}>
      {axes.map((axis) => (
        <li key={axis.key}>{axis.title}</li>
      ))}
    </ol>
  );
}

/** The key to the radar's lines, as text beside the picture: each name with a sample of its line. */
export function RadarLegend({ series }: { series: readonly RadarSeries[] }) {
  return (
    <ul className="chart-legend">
      {drawOrder
        .slice()
        .reverse()
        .flatMap((kind) => series.filter((s) => s.kind === kind))
        .map((s) => (
          <li key={s.kind} className={`chart-legend__item radar__series--${s.kind}`}>
            <svg width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" className="chart-legend__sample">
              <line x1="2" y1="7" x2="34" y2="7" className="radar__line" />
              <Marker kind={s.kind} x={18} y={7} />
            </svg>
            {s.label}
          </li>
        ))}
    </ul>
  );
}
