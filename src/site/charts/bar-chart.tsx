import { Fragment } from 'preact';
import { MARGIN, YGrid } from './grid.js';
import { labelIndexes, linear, niceTicks, round1 } from './scale.js';

export interface BarSeries {
  label: string;
  /** One value per category; the possible (max) reading, with `min` for the certain part. */
  values: readonly { min: number; max: number }[];
}

export interface BarChartProps {
  id: string;
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  formatTick?: (value: number) => string;
  width?: number;
  height?: number;
}

/**
 * Grouped bars, one colour per series (class s0, s1…; the legend uses the same classes). A bar is
 * solid up to the certain count and hatched up to the possible one.
 */
export function BarChart({
  id,
  title,
  categories,
  series,
  formatTick = String,
  width = 720,
  height = 240,
}: BarChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const ticks = niceTicks(Math.max(1, ...series.flatMap((s) => s.values.map((v) => v.max))));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = linear(0, top, MARGIN.top + innerHeight, MARGIN.top);
  const slot = innerWidth / Math.max(1, categories.length);
  const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, series.length));
  const labels = labelIndexes(categories.length, 10);
  const titleId = `${id}-title`;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} width="100%">
      <title id={titleId}>{title}</title>
      <YGrid ticks={ticks} y={y} innerWidth={innerWidth} formatTick={formatTick} />
      {series.map((s, seriesIndex) => (
        <g key={s.label} class={`s${seriesIndex % 6}`}>
          {s.values.map((value, index) => {
            const left = MARGIN.left + index * slot + slot * 0.1 + seriesIndex * barWidth;
            const certainTop = y(value.min);
            const possibleTop = y(value.max);
            return (
              <Fragment key={index}>
                {value.max > value.min && (
                  <rect
                    class="possible"
                    x={round1(left)}
                    y={round1(possibleTop)}
                    width={round1(barWidth)}
                    height={round1(certainTop - possibleTop)}
                  />
                )}
                {value.min > 0 && (
                  <rect
                    x={round1(left)}
                    y={round1(certainTop)}
                    width={round1(barWidth)}
                    height={round1(y(0) - certainTop)}
                  />
                )}
              </Fragment>
            );
          })}
        </g>
      ))}
      {categories.map((category, index) =>
        labels.has(index) ? (
          <text
            key={index}
            class="axis"
            x={round1(MARGIN.left + (index + 0.5) * slot)}
            y={height - 8}
            text-anchor="middle"
          >
            {category}
          </text>
        ) : null,
      )}
    </svg>
  );
}

export function Legend({ labels }: { labels: readonly string[] }) {
  return (
    <ul class="legend">
      {labels.map((label, index) => (
        <li key={label}>
          <span class={`swatch s${index % 6}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
