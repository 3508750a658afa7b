import { useTranslation } from 'react-i18next';
import { formatLevelValue } from '../results-format.js';

interface DistributionBarProps {
  /** Responses per level, index 0 = level 1. */
  distribution: readonly number[];
  median: number | null;
  /** The item's title, to name the picture for screen readers. */
  title: string;
  /** Level labels from the template, shown when a segment is hovered. */
  levelLabels?: readonly string[];
  compact?: boolean;
}

/** Level shades from light (level 1) to dark (the top level), by how many levels an item has. */
const shades: Record<number, readonly number[]> = {
  3: [1, 3, 5],
  4: [1, 2, 3, 4],
  5: [1, 2, 3, 4, 5],
};

/** The shade class of a level, lowest first; the palette is in results.css. */
export function levelShade(level: number, levelCount: number): string {
  const scale = shades[levelCount] ?? shades[5] ?? [];
  return `level-shade-${scale[level - 1] ?? 5}`;
}

/**
 * One stacked bar: each level's share of the responses with its count written on it, and a line
 * at half of the responses, which falls in the median's level.
 */
export function DistributionBar({ distribution, median, title, levelLabels, compact = false }: DistributionBarProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const total = distribution.reduce((sum, n) => sum + n, 0);
  const height = compact ? 20 : 32;
  const parts = distribution.map((count, i) => t('results.levelCount', { level: i + 1, n: count }));
  const label = t('results.distributionLabel', {
    title,
    parts: parts.join(t('results.listSeparator')),
    median: median === null ? t('results.noValue') : formatLevelValue(median, language),
  });

  let offset = 0;
  const segments = distribution.map((count, i) => {
    const start = offset;
    const width = total > 0 ? (count / total) * 100 : 0;
    offset += width;
    return { level: i + 1, count, start, width };
  });

  return (
    <svg
      className={`distribution${compact ? ' distribution--compact' : ''}`}
      width="100%"
      height={height}
      role="img"
      aria-label={label}
    >
      {segments.map(
        (segment) =>
          segment.width > 0 && (
            <g key={segment.level} className={levelShade(segment.level, distribution.length)}>
              <rect
                x={`${segment.start}%`}
                y={0}
                width={`${segment.width}%`}
                height={height}
                className="distribution__segment"
              >
                <title>
                  {levelLabels?.[segment.level - 1]
                    ? t('results.levelCountNamed', {
                        level: segment.level,
                        n: segment.count,
                        label: levelLabels[segment.level - 1] ?? '',
                      })
                    : t('results.levelCount', { level: segment.level, n: segment.count })}
                </title>
              </rect>
            </g>
          ),
      )}
      {total > 0 && <line x1="50%" x2="50%" y1={0} y2={height} className="distribution__half" />}
      {/* The counts go over the half line, each on a patch of its own shade, so the line never crosses a number. */}
      {segments.map(
        (segment) =>
          segment.width >= 6 && (
            <g key={segment.level} className={levelShade(segment.level, distribution.length)}>
              <text
                x={`${segment.start + segment.width / 2}%`}
                y={height / 2}
                dy="0.35em"
                textAnchor="middle"
                className="distribution__count"
              >
                {segment.count}
              </text>
            </g>
          ),
      )}
    </svg>
  );
}
